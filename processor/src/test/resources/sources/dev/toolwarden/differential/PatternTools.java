package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Jakarta patterns match the whole value; the schema anchors them as ^(?:...)$. */
@RequiresScope("test")
public class PatternTools {

  /** Anchoring, alternation, dollar signs, dots and line terminators. */
  @McpTool(name = "patterns")
  public void patterns(@Pattern(regexp = "[a-z]+[0-9]?") String code,
      @Pattern(regexp = "cat|dog") String pet,
      @Pattern(regexp = "[$][0-9]+(\\.[0-9]{2})?") String price,
      @Pattern(regexp = "a.c") String dotted,
      @Pattern(regexp = ".*") String anyLine,
      @Pattern(regexp = "[A-Z]{2}-\\d{3}") @Size(max = 6) @NotBlank String ticket,
      @Pattern(regexp = "(ab)+|x\\s?y") String groups,
      @Pattern(regexp = "[^\\n]*") String noNewline) {
    Capture.args(code, pet, price, dotted, anyLine, ticket, groups, noNewline);
  }

  /** Patterns the generated code checks with loops instead of java.util.regex: the result must be the same. */
  @McpTool(name = "patterns_simple")
  public void simple(@Pattern(regexp = "[A-Za-z0-9._%+-]+") String local,
      @Pattern(regexp = "ab-c[0-9]{0,3}") String literal,
      @Pattern(regexp = "[Z-a]{1,2}") String crossRange,
      @Pattern(regexp = "x?") String optional,
      @Pattern(regexp = "[ _]{2,4}") String spaces,
      @Pattern(regexp = "#[0-9a-f]{6}") String colour,
      @Pattern(regexp = "[A-Z]{2}[0-9]*") String code) {
    Capture.args(local, literal, crossRange, optional, spaces, colour, code);
  }

  /** Case and unicode. */
  @McpTool(name = "patterns_unicode")
  public void unicode(@Pattern(regexp = "\\p{L}{1,3}") String letters,
      @Pattern(regexp = "[\\u00e0-\\u00ff]+") String latin1,
      @Pattern(regexp = "..") String twoChars,
      @Pattern(regexp = "\\w+") String word,
      @Pattern(regexp = "\\d+") String digits) {
    Capture.args(letters, latin1, twoChars, word, digits);
  }
}
