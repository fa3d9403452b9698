package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.Toolwarden;

/** Run in a child JVM by the stdio test: a real process with real stdin/stdout. */
public final class StdioMain {

  public static void main(String[] args) {
    Toolwarden.server("stdio-test", "1.0.0").tools(new EchoTools()).grantScopes("echo:use", "math:use").stdio();
    System.err.println("STDIO SERVER RETURNED");
  }
}
