package dev.toolwarden.processor.model;

import java.math.BigDecimal;

/**
 * One side of a numeric range as declared ({@code @Min}, {@code @DecimalMax}, {@code @Positive},
 * ...): the value and whether it is exclusive.
 */
public record Bound(BigDecimal value, boolean exclusive, String source) {

  /** Whether this lower bound is at least as tight as {@code other}. */
  public boolean tighterLower(Bound other) {
    int c = value.compareTo(other.value);
    return c > 0 || (c == 0 && exclusive);
  }

  /** Whether this upper bound is at least as tight as {@code other}. */
  public boolean tighterUpper(Bound other) {
    int c = value.compareTo(other.value);
    return c < 0 || (c == 0 && exclusive);
  }
}
