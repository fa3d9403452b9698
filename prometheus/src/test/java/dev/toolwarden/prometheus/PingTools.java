package dev.toolwarden.prometheus;

/** The tool class of the endpoint tests; {@link PingToolsBundle} is what the processor would generate. */
public final class PingTools {

  public String ping() {
    return "pong";
  }
}
