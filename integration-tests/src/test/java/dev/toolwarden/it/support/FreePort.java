package dev.toolwarden.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on the loopback interface. */
public final class FreePort {

  private FreePort() {}

  /**
   * A TCP port on 127.0.0.1 that was free a moment ago. Another process may take it before the
   * server binds it; prefer servers that bind port 0 and print their URL when they can.
   */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /** True when something accepts TCP connections on 127.0.0.1:{@code port}. */
  public static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 250);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
