package dev.toolwarden.processor.check;

import dev.toolwarden.processor.model.Bound;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Integer arithmetic on declared bounds. */
public final class Ranges {

  private Ranges() {}

  /**
   * The tightest inclusive integer bound equivalent to a decimal bound on an integer value,
   * saturated to the long range: {@code > 1.5} is {@code >= 2}, {@code < 3} is {@code <= 2}.
   */
  public static long inclusiveLong(Bound bound, boolean lower) {
    BigDecimal v = bound.value();
    BigDecimal r = v.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
    if (bound.exclusive() && r.compareTo(v) == 0) {
      r = lower ? r.add(BigDecimal.ONE) : r.subtract(BigDecimal.ONE);
    }
    if (r.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (r.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return r.longValueExact();
  }
}
