package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** String lengths: counted in code points, as JSON Schema counts them. */
@RequiresScope("test")
public class StringTools {

  /** Sizes, emptiness and blankness. */
  @McpTool(name = "string_sizes")
  public void sizes(@Size(min = 2, max = 5) String shortText,
      @Size(min = 3) String atLeastThree,
      @Size(max = 1) String atMostOne,
      @NotEmpty String notEmpty,
      @NotBlank String notBlank,
      @NotBlank @Size(max = 4) String blankAndShort,
      String anything) {
    Capture.args(shortText, atLeastThree, atMostOne, notEmpty, notBlank, blankAndShort, anything);
  }
}
