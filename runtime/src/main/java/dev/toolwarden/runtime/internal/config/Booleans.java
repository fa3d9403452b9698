package dev.toolwarden.runtime.internal.config;

import java.util.Locale;

/**
 * Booleans: {@code true} or {@code false}, in any letter case. Anything else ({@code yes}, {@code 1},
 * {@code ture}) is an error, never a silent {@code false}.
 */
public final class Booleans {

  /** What a boolean may look like, for error messages and the settings table. */
  public static final String ACCEPTED = "true or false (any letter case)";

  private Booleans() {}

  /**
   * Parses {@code true} or {@code false}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static boolean parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not true or false");
    };
  }
}
