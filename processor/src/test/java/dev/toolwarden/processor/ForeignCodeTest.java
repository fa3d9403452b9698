package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

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
}
