package dev.toolwarden.spring;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.contrib.metrics.micrometer.CallbackRegistrar;
import io.opentelemetry.contrib.metrics.micrometer.CallbackRegistration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the callbacks of Toolwarden's observable instruments (the active-sessions and backend-up gauges) whenever the
 * registry reads its meters, through one meter without measurements whose reading runs them, and once as each is
 * registered: the bridge makes a gauge's Micrometer meter when its callback first records, so without that first run
 * the gauges would be missing from {@code /actuator/metrics} until something read the registry, and from the first
 * {@code /actuator/prometheus} scrape. No thread of its own.
 */
final class ReadTimeCallbacks implements CallbackRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(ReadTimeCallbacks.class);

  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
  private final MeterRegistry registry;
  private final Meter poller;

  ReadTimeCallbacks(MeterRegistry registry) {
    this.registry = registry;
    // a fresh iterator per read: reading the meter runs the callbacks, and it reports nothing itself
    Iterable<Measurement> polling = () -> {
      callbacks.forEach(ReadTimeCallbacks::run);
      return Collections.<Measurement>emptyIterator();
    };
    this.poller = Meter.builder("toolwarden.observable.callbacks", Meter.Type.OTHER, polling).register(registry);
  }

  @Override
  public CallbackRegistration registerCallback(Runnable callback) {
    callbacks.add(callback);
    run(callback);
    return () -> callbacks.remove(callback);
  }

  @Override
  public void close() {
    callbacks.clear();
    registry.remove(poller);
  }

  private static void run(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      // a gauge that cannot be read now must not stop the registry's other meters (nor the server's start)
      LOG.warn("a toolwarden gauge callback failed: {}", e.getClass().getName());
    }
  }
}
