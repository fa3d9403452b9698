package com.example.sneaky;

import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.internal.config.Config;

/** Uses the public API (allowed) and an internal class (refused by the module system). */
public final class Sneaky {

  private Sneaky() {}

  /** Reads a setting the way only the runtime itself may. */
  public static String port() {
    Toolwarden.server("sneaky", "1.0");
    return new Config().get("http.port").orElse("none");
  }
}
