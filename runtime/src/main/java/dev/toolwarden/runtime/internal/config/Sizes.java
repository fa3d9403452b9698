package dev.toolwarden.runtime.internal.config;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes: a whole number of bytes ({@code 1048576}) or a whole number and a 1024-based unit
 * ({@code 512KiB}, {@code 1MiB}, {@code 2GiB}). Decimal units ({@code MB}) are refused: they would
 * be read as 1000-based by some and 1024-based by others.
 */
public final class Sizes {

  /** What a size may look like, for error messages and the settings table. */
  public static final String ACCEPTED = "a size: bytes (1048576) or a whole number with B, KiB, MiB or GiB (512KiB, 1MiB)";

  private static final Pattern SIZE = Pattern.compile("([0-9]+)(B|KiB|MiB|GiB)?");
  private static final Map<String, Long> UNIT_BYTES = Map.of("B", 1L, "KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30);

  private Sizes() {}

  /**
   * The number of bytes {@code text} spells, at most {@code max}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static long parse(String text, long max) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size");
    }
    BigInteger bytes = new BigInteger(m.group(1)).multiply(BigInteger.valueOf(UNIT_BYTES.get(m.group(2) == null ? "B" : m.group(2))));
    if (bytes.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new IllegalArgumentException("larger than " + max + " bytes");
    }
    return bytes.longValueExact();
  }
}
