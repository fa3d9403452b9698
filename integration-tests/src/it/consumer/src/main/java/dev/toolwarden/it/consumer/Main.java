package dev.toolwarden.it.consumer;

import dev.toolwarden.runtime.Toolwarden;

/** Serves the consumer's tools over stdio, as a user's {@code main} does. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Toolwarden.server("consumer", "1.0").tools(new Greeter()).stdio();
  }
}
