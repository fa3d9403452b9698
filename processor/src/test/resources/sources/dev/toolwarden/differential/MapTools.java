package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.Nullable;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Map<String, V>: additionalProperties carries the value schema; sizes count properties. */
@RequiresScope("test")
public class MapTools {

  public record Money(long cents, String currency) {}

  /** Maps. */
  @McpTool(name = "maps")
  public void maps(Map<String, Integer> counts,
      @Size(min = 1, max = 3) Map<String, String> labels,
      Map<String, @Size(max = 3) String> shortValues,
      Map<String, List<Integer>> groups,
      Map<String, @Nullable Boolean> switches,
      @NotEmpty Map<String, Double> weights,
      Map<String, Money> prices,
      Map<String, Map<String, Long>> nested) {
    Capture.args(counts, labels, shortValues, groups, switches, weights, prices, nested);
  }
}
