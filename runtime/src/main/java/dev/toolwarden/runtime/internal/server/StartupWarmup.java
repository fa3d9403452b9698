package dev.toolwarden.runtime.internal.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The start-up work one second thread does ahead of the first requests, once per JVM: the JSON mapper
 * ({@link JsonWarmup}), then the SDK's server, session and Reactor classes ({@link SdkWarmup}). The standalone server
 * starts it when it assembles; the Spring Boot starter over stdio as soon as the environment is known, so that it
 * runs while Spring creates the application's beans. It changes no state but caches; a failure only means that the
 * first requests do the work themselves. Off with {@code toolwarden.startup.json-warmup=false}.
 */
public final class StartupWarmup {

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private StartupWarmup() {}

  /** Starts the warm-up thread unless it was started already in this JVM. */
  public static void startOnce() {
    if (STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(StartupWarmup::warm, "toolwarden-warmup");
      t.setDaemon(true);
      t.start();
    }
  }

  private static void warm() {
    try {
      SdkWarmup.warm(JsonWarmup.warm());
    } catch (RuntimeException | LinkageError e) {
      // only a head start: the first requests do this work themselves
    }
  }
}
