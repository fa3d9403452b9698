package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Constraints on type arguments: List<@Size(max = 5) String> and friends. */
@RequiresScope("test")
public class ContainerElementTools {

  /** Element and value constraints. */
  @McpTool(name = "container_elements")
  public void elements(List<@Size(max = 5) String> shortWords,
      @Size(max = 4) List<@Min(0) @Max(9) Integer> digits,
      Map<String, @Positive Long> positives,
      Set<@Pattern(regexp = "[A-Z]{2}") String> countries,
      List<@NotBlank String> lines,
      List<List<@Size(min = 1) String>> nonEmptyCells,
      Map<String, @NotEmpty List<@DecimalMax("1.5") Double>> series,
      List<@Email String> mails) {
    Capture.args(shortWords, digits, positives, countries, lines, nonEmptyCells, series, mails);
  }
}
