package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Optional<T>: absent or null gives Optional.empty(); constraints apply to the value. */
@RequiresScope("test")
public class OptionalTools {

  public record Window(int from, int to) {}

  /** Optionals with constraints inside and outside. */
  @McpTool(name = "optionals")
  public void optionals(Optional<String> note,
      Optional<@Min(1) @Max(10) Integer> rating,
      Optional<List<@Size(max = 2) String>> codes,
      Optional<Window> window,
      @Size(max = 4) Optional<String> outerSize,
      Optional<@Pattern(regexp = "[a-z]*") String> innerPattern,
      Optional<BigDecimal> price) {
    Capture.args(note, rating, codes, window, outerSize, innerPattern, price);
  }

  /** Constraints both on the Optional and on its type argument: the schema merges them. */
  @McpTool(name = "optionals_merged")
  public void merged(@Size(max = 5) Optional<@Pattern(regexp = "[a-z]*") String> both,
      @NotBlank Optional<@Size(max = 3) String> blankAndSize) {
    Capture.args(both, blankAndSize);
  }
}
