package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;

/** Sets: uniqueItems, as JSON Schema judges equality (1 and 1.0 are the same number). */
@RequiresScope("test")
public class SetTools {

  /** Sets of scalars. */
  @McpTool(name = "sets")
  public void sets(Set<String> tags,
      @NotEmpty Set<Long> ids,
      @Size(max = 3) Set<Integer> small,
      Set<Double> ratios,
      Set<BigDecimal> amounts,
      Set<Boolean> flags) {
    Capture.args(tags, ids, small, ratios, amounts, flags);
  }
}
