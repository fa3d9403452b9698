package dev.toolwarden.spring;

import java.io.PrintStream;

/**
 * The process's real stdout, kept for the MCP protocol when {@code toolwarden.transport=stdio}: from the moment the
 * environment is known, {@code System.out} is stderr, so Boot's console logging and any stray {@code println} land
 * there and never corrupt the protocol stream.
 */
final class StdioStreams {

  private static volatile PrintStream protocolOut;

  private StdioStreams() {}

  /** Keeps the real stdout for the protocol and points {@code System.out} at stderr (once). */
  static synchronized void reserveStdout() {
    if (protocolOut == null) {
      protocolOut = System.out;
      System.setOut(System.err);
    }
  }

  /** The stdout kept for the protocol (the real one if it was never reserved). */
  static PrintStream protocolOut() {
    PrintStream out = protocolOut;
    return out != null ? out : System.out;
  }
}
