package dev.toolwarden.runtime.http;

import dev.toolwarden.runtime.ToolwardenStartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntFunction;

/**
 * A loopback port for a server that must know it before it listens (its OAuth resource URL names
 * it). A free port can be taken by another process between the probe and the bind, so the start
 * is retried on a new port when, and only when, the port was taken.
 */
final class FreePort {

  private static final int ATTEMPTS = 10;

  private FreePort() {}

  /** Calls {@code start} with a free port, again with another one if that port was taken meanwhile. */
  static <T> T start(IntFunction<T> start) {
    for (int attempt = 1; ; attempt++) {
      int port = probe();
      try {
        return start.apply(port);
      } catch (ToolwardenStartupException e) {
        boolean taken = e.getMessage() != null && e.getMessage().startsWith("cannot listen on");
        if (!taken || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** A port nothing listens on right now. */
  static int probe() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
