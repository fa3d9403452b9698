package dev.toolwarden.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The double fast path of {@code Check.compare} decides exactly as the exact comparison, for the
 * number types a JSON parser produces and for {@code Float}, with bounds that are and are not doubles.
 */
class CheckCompareTest {

  private static final long SEED = 20261206L;

  @Test
  void fastPathAgreesWithTheExactComparison() {
    Random rnd = new Random(SEED);
    List<BigDecimal> bounds = new ArrayList<>(List.of(new BigDecimal("0"), new BigDecimal("0.01"),
        new BigDecimal("0.5"), new BigDecimal("-0.1"), new BigDecimal("1000"), new BigDecimal("99.99"),
        new BigDecimal("9007199254740993"), new BigDecimal("1e400"), new BigDecimal("-1e400"),
        new BigDecimal("1e-400"), new BigDecimal("-1e-400"), new BigDecimal("0.1000000000000000055511151231257827")));
    for (int i = 0; i < 200; i++) {
      bounds.add(new BigDecimal(BigInteger.valueOf(rnd.nextLong() % 100_000), rnd.nextInt(8)));
    }
    int compared = 0;
    for (BigDecimal bound : bounds) {
      double[] next = neighbours(bound);
      for (Number n : numbersNear(bound, rnd)) {
        double value = n.doubleValue();
        if (!Double.isFinite(value)) {
          continue;
        }
        int fast = Integer.signum(Check.compare(n, value, next[0], next[1], bound));
        int exact = Integer.signum(Check.compare(n, bound));
        assertEquals(exact, fast, () -> "seed " + SEED + ": " + n + " (" + n.getClass().getSimpleName()
            + ") vs " + bound);
        compared++;
      }
    }
    assertEquals(true, compared > 50_000, "compared " + compared);
  }

  /** The doubles next to the bound, as the processor computes them. */
  private static double[] neighbours(BigDecimal bound) {
    double d = bound.doubleValue();
    int exact = Double.isInfinite(d) ? (d > 0 ? 1 : -1) : new BigDecimal(d).compareTo(bound);
    return new double[] {exact > 0 ? Math.nextDown(d) : d, exact < 0 ? Math.nextUp(d) : d};
  }

  private static List<Number> numbersNear(BigDecimal bound, Random rnd) {
    List<Number> out = new ArrayList<>();
    double d = bound.doubleValue();
    for (double x = d, y = d, i = 0; i < 5; i++, x = Math.nextUp(x), y = Math.nextDown(y)) {
      if (Double.isFinite(x) && Double.isFinite(y)) {
        out.add(x);
        out.add(y);
        out.add(new BigDecimal(x));
        out.add(new BigDecimal(y));
        out.add((float) x);
      }
    }
    out.add(bound);
    out.add(bound.add(BigDecimal.ONE.movePointLeft(30)));
    out.add(bound.subtract(BigDecimal.ONE.movePointLeft(30)));
    out.add(new BigDecimal(bound.toString()).floatValue());
    out.add(bound.toBigInteger());
    for (int i = 0; i < 250; i++) {
      double r = d + (rnd.nextDouble() - 0.5) * Math.max(1, Math.abs(d)) * Math.pow(10, -rnd.nextInt(18));
      if (!Double.isFinite(r)) {
        r = (rnd.nextDouble() - 0.5) * Double.MAX_VALUE;
      }
      out.add(r);
      out.add(new BigDecimal(Double.toString(r)));
      out.add((long) r);
      out.add((int) r);
      out.add((float) r);
      out.add(BigInteger.valueOf((long) r));
    }
    return out;
  }
}
