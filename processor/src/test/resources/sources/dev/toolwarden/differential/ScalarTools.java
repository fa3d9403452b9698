package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Every scalar type, unconstrained: the Java type's own range is the only bound. */
@RequiresScope("test")
public class ScalarTools {

  /** Primitives. */
  @McpTool(name = "scalars_primitive")
  public void primitives(boolean flag, byte b, short s, int i, long l, float f, double d) {
    Capture.args(flag, b, s, i, l, f, d);
  }

  /** Boxes and big numbers, all required. */
  @McpTool(name = "scalars_boxed")
  public void boxed(Boolean flag, Byte b, Short s, Integer i, Long l, Float f, Double d, BigInteger big,
      BigDecimal dec, String text) {
    Capture.args(flag, b, s, i, l, f, d, big, dec, text);
  }
}
