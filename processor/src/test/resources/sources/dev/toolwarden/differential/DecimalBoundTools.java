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
import java.math.BigDecimal;

/** Floating and decimal types under every numeric constraint. */
@RequiresScope("test")
public class DecimalBoundTools {

  /** Decimal bounds, inclusive and exclusive. */
  @McpTool(name = "decimal_bounds")
  public void bounds(@DecimalMin("0.1") @DecimalMax(value = "0.3", inclusive = false) double ratio,
      @Positive float positive,
      @PositiveOrZero Double nonNegative,
      @Negative Float negative,
      @NegativeOrZero double nonPositive,
      @Min(-5) @Max(5) double integralBounds,
      @DecimalMin(value = "-1.5", inclusive = false) @DecimalMax("1E+3") BigDecimal amount,
      @DecimalMin("0.10000000000000000001") BigDecimal fineGrained) {
    Capture.args(ratio, positive, nonNegative, negative, nonPositive, integralBounds, amount, fineGrained);
  }

  /** Floats near their range and unbounded decimals. */
  @McpTool(name = "decimal_edges")
  public void edges(float anyFloat, double anyDouble, BigDecimal anyDecimal,
      @DecimalMax("1E+308") double hugeDouble, @DecimalMin("-3.4E+38") Float wideFloat) {
    Capture.args(anyFloat, anyDouble, anyDecimal, hugeDouble, wideFloat);
  }
}
