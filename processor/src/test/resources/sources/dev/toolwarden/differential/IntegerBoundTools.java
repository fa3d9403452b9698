package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigInteger;

/** Integral types under every numeric constraint. */
@RequiresScope("test")
public class IntegerBoundTools {

  /** Inclusive and exclusive bounds on int, long, short and byte. */
  @McpTool(name = "integer_bounds")
  public void bounds(@Min(1) @Max(100) int percent,
      @Positive long positive,
      @PositiveOrZero short nonNegative,
      @Negative byte negative,
      @NegativeOrZero Integer nonPositive,
      @DecimalMin("2.5") @DecimalMax(value = "10", inclusive = false) int decimalBounded,
      @DecimalMin(value = "-3", inclusive = false) @DecimalMax(value = "7.9") Long decimalLong,
      @Min(-1000) @Max(1000) byte widerThanByte) {
    Capture.args(percent, positive, nonNegative, negative, nonPositive, decimalBounded, decimalLong, widerThanByte);
  }

  /** Bounds at and beyond the edges of the Java ranges. */
  @McpTool(name = "integer_edges")
  public void edges(@Max(Integer.MAX_VALUE) int intMax,
      @Min(Long.MIN_VALUE) long longMin,
      @Min(4611686018427387900L) @Max(4611686018427387950L) long nearTwoPow62,
      @Positive @Max(9007199254740993L) long aboveTwoPow53,
      @Min(-5) @Max(5) BigInteger smallBig,
      @DecimalMin("-1E+30") @DecimalMax(value = "1E+30", inclusive = false) BigInteger hugeBig,
      @Min(4611686018427387900L) @Max(4611686018427387950L) BigInteger nearTwoPow62Big,
      @PositiveOrZero BigInteger nonNegativeBig) {
    Capture.args(intMax, longMin, nearTwoPow62, aboveTwoPow53, smallBig, hugeBig, nearTwoPow62Big, nonNegativeBig);
  }
}
