package dev.toolwarden.runtime.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the client cancelled one call, and what to run when it does ({@code ToolContext.isCancelled()},
 * {@code onCancel(..)}). The transport cancels it (a {@code notifications/cancelled} naming the request, a closed HTTP
 * response stream); the tool reads it. Thread-safe; cancelling twice runs the actions once.
 */
public final class Cancellation {

  private static final Logger LOG = LoggerFactory.getLogger(Cancellation.class);

  private List<Runnable> actions = new ArrayList<>();
  private volatile boolean cancelled;

  /** A call nobody can cancel (in-process calls, features without a request id). */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Marks the call cancelled and runs the registered actions, once. */
  public void cancel() {
    List<Runnable> run;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      run = actions;
      actions = null;
    }
    run.forEach(Cancellation::runQuietly);
  }

  /** Whether {@link #cancel()} ran. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Runs {@code action} on cancellation, or now if the call is cancelled already. */
  public void onCancel(Runnable action) {
    if (action == null) {
      throw new IllegalArgumentException("action must not be null");
    }
    synchronized (this) {
      if (!cancelled) {
        actions.add(action);
        return;
      }
    }
    runQuietly(action);
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) { // NOPMD: a tool's callback must not break the transport that cancels
      LOG.warn("a cancellation callback failed: {}", e.getClass().getName());
    }
  }
}
