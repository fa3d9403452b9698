package dev.toolwarden.runtime.internal.http;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends sessions on time: a background tick ({@link BoundSessionsProvider#endUnbound}) closes every
 * session whose binding expired, with its open SSE streams. Without it an idle client holding a
 * {@code GET} stream would keep its session alive until its next request.
 */
final class SessionExpiry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SessionExpiry.class);
  private static final long MIN_PERIOD_MILLIS = 50;
  private static final long MAX_PERIOD_MILLIS = 1_000;

  private final ScheduledExecutorService ticker;

  /** Starts ticking; a session ends at most one period (a quarter of the shortest lifetime, 50 ms-1 s) late. */
  SessionExpiry(BoundSessionsProvider provider, Duration idle, Duration max) {
    long period = Math.max(MIN_PERIOD_MILLIS, Math.min(MAX_PERIOD_MILLIS, Math.min(idle.toMillis(), max.toMillis()) / 4));
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "toolwarden-session-expiry");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleWithFixedDelay(() -> {
      try {
        int closed = provider.endUnbound();
        if (closed > 0) {
          LOG.debug("ended {} expired session(s)", closed);
        }
      } catch (RuntimeException e) {
        LOG.warn("ending expired sessions failed: {}", e.getClass().getName()); // the next tick tries again
      }
    }, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
