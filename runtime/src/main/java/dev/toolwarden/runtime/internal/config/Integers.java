package dev.toolwarden.runtime.internal.config;

import java.math.BigInteger;

/** Whole numbers in a range: decimal digits only (no sign, no spaces), any number of them, checked exactly. */
public final class Integers {

  private Integers() {}

  /** What a whole number in {@code [min, max]} may look like. */
  public static String accepted(long min, long max) {
    return "a whole number from " + min + " to " + max;
  }

  /**
   * Parses a whole number between {@code min} and {@code max} (both included, {@code min >= 0}).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static long parse(String text, long min, long max) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a whole number");
    }
    BigInteger n = new BigInteger(text);
    if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new IllegalArgumentException("out of range");
    }
    return n.longValueExact();
  }
}
