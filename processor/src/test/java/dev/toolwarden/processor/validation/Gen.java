package dev.toolwarden.processor.validation;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Values for seeded property tests, drawn from one {@link Random}: uniform over their range, and
 * one time in eight an edge of it (the bounds, next to the bounds, zero), where bugs live.
 */
final class Gen {

  private static final int EDGE_ONE_IN = 8;

  private final Random rnd;

  Gen(Random rnd) {
    this.rnd = rnd;
  }

  /** The underlying generator, for shuffles and helpers that take a {@link Random}. */
  Random random() {
    return rnd;
  }

  boolean bool() {
    return rnd.nextBoolean();
  }

  /** An int in [min, max], edges included. */
  int intBetween(int min, int max) {
    return bigBetween(BigInteger.valueOf(min), BigInteger.valueOf(max)).intValueExact();
  }

  /** Any long, edges (0, ±1, MIN, MAX) included. */
  long anyLong() {
    return bigBetween(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
  }

  /** An integer in [min, max], edges (the bounds, next to them, zero and ±1 when in range) included. */
  BigInteger bigBetween(BigInteger min, BigInteger max) {
    if (rnd.nextInt(EDGE_ONE_IN) == 0) {
      List<BigInteger> edges = List.of(min, max, min.add(BigInteger.ONE), max.subtract(BigInteger.ONE),
          BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate());
      BigInteger e = edges.get(rnd.nextInt(edges.size()));
      if (e.compareTo(min) >= 0 && e.compareTo(max) <= 0) {
        return e;
      }
    }
    BigInteger span = max.subtract(min).add(BigInteger.ONE);
    BigInteger r;
    do {
      r = new BigInteger(span.bitLength(), rnd);
    } while (r.compareTo(span) >= 0);
    return min.add(r);
  }

  /**
   * Any double: finite values of every magnitude (random bit patterns), small ones, and the special
   * values (±0, ±infinity, NaN, MIN_VALUE, MAX_VALUE).
   */
  double anyDouble() {
    return switch (rnd.nextInt(EDGE_ONE_IN)) {
      case 0 -> pick(List.of(0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
          Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN));
      case 1, 2, 3 -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(12));
      default -> Double.longBitsToDouble(rnd.nextLong());
    };
  }

  /** One of the items, uniformly. */
  <T> T pick(List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }

  /** {@code length} characters drawn uniformly from [from, to]. */
  String chars(char from, char to, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append((char) (from + rnd.nextInt(to - from + 1)));
    }
    return b.toString();
  }
}
