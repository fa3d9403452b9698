package dev.toolwarden.runtime;

/** Entry point: {@code Toolwarden.server("files", "1.0.0").tools(new FileTools()).stdio();} */
public final class Toolwarden {

  private Toolwarden() {}

  /** Starts describing a server with the name and version it reports to clients. */
  public static ServerBuilder server(String name, String version) {
    return new ServerBuilder(name, version);
  }
}
