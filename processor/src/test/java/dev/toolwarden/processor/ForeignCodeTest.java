package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Unusual but valid user code, and attempts to slip a secret or a passed-through token past the build: each case
 * a defect the adversarial review found, failing before its fix.
 */
class ForeignCodeTest {

  private static final String IMPORTS = "import dev.toolwarden.*; import jakarta.validation.constraints.*; "
      + "import java.util.*; import dev.toolwarden.runtime.ToolContext;";

  private static JavaFileObject tools(String... members) {
    String[] lines = new String[members.length + 3];
    lines[0] = IMPORTS;
    lines[1] = "@RequiresScope(\"s\") public class T {";
    System.arraycopy(members, 0, lines, 2, members.length);
    lines[lines.length - 1] = "}";
    return Compiler.source("T", lines);
  }

  @Test
  void overloadedToolsWithTheDefaultNameAreTwoToolsOfOneName() {
    Compilation c = Compiler.compile(tools(
        "  /** Says hello. */ @McpTool public String hello(String x) { return x; }",
        "  /** Says hello. */ @McpTool public String hello(int x) { return \"\"; }"));
    assertThat(c).hadErrorContaining("[TW-TOOL-DUPLICATE] tool name \"hello\" is already used by "
        + "test.T.hello(java.lang.String)");
    assertThat(c).hadErrorContaining("Fix: give one of the tools another @McpTool(name = ...)");
  }

  @Test
  void overloadedPromptsWithTheDefaultNameAreTwoPromptsOfOneName() {
    Compilation c = Compiler.compile(tools(
        "  /** A prompt. */ @McpPrompt public String review(String code) { return code; }",
        "  /** A prompt. */ @McpPrompt public String review(String code, String style) { return code; }"));
    assertThat(c).hadErrorContaining("[TW-PROMPT-DUPLICATE] prompt name \"review\" is already used by "
        + "test.T.review(java.lang.String)");
  }

  /**
   * U+2028 and U+2029 (pasted from a word processor) in a description, a title, a pattern, a default and a prompt
   * argument's description: the bundle compiles and keeps the text exactly.
   */
  @Test
  void lineAndParagraphSeparatorsInUserTextLeaveTheBundleCompilable() throws Exception {
    // in the test sources the separators are unicode escapes, which javac turns into the characters themselves
    Compilation c = Compiler.compile(tools(
        "  /**", "   * Finds\\u2028things.", "   * @param q the\\u2029query", "   */",
        "  @McpTool(title = \"Find\\u2028it\") public String find(",
        "      @Pattern(regexp = \"[^\\u2028]*\") @ToolParam(defaultValue = \"a\\u2029b\") String q) { return q; }",
        "  /**", "   * A prompt.\\u2028Really.", "   * @param code the\\u2028code", "   */",
        "  @McpPrompt public String review(String code) { return code; }"));
    assertThat(c).succeeded();
    String bundle = Compiler.generated(c, "test.T_ToolBundle");
    assertTrue(bundle.contains("\"Finds\" + \"\\u2028\" + \"things.\""), bundle);
    assertTrue(bundle.contains("Pattern.compile(\"[^\" + \"\\u2028\" + \"]*\")"), bundle);
    assertTrue(bundle.contains("\"a\" + \"\\u2029\" + \"b\""), bundle);
  }
}
