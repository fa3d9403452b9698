package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.runtime.ToolContext;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Many independent arguments, for "every violation is reported"; the context is injected, not in the schema. */
@RequiresScope("test")
public class WideTools {

  public enum Mode { FAST, SAFE }

  /** Twelve independent arguments. */
  @McpTool(name = "wide")
  public String wide(@Min(0) @Max(10) int a,
      @Positive long b,
      @Size(min = 2, max = 4) String c,
      @Pattern(regexp = "[a-f]+") String d,
      @NotBlank String e,
      @Email String f,
      Mode g,
      UUID h,
      LocalDate i,
      @Size(max = 2) List<Integer> j,
      Map<String, Boolean> k,
      BigDecimal l,
      ToolContext context) {
    Capture.args(a, b, c, d, e, f, g, h, i, j, k, l, context);
    return "ok";
  }
}
