package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @Redact} on a container redacts every element wherever it is written: on the declaration or on the
 * type argument ({@code List<@Redact String>} was once read as no redaction at all, so values reached logs).
 */
class RedactGenerationTest {

  @ParameterizedTest
  @ValueSource(strings = {"@Redact List<String> cards", "List<@Redact String> cards",
      "Optional<@Redact String> cards", "Map<String, @Redact String> cards"})
  void everyElementIsRedacted(String parameter) {
    JavaFileObject src = Compiler.source("T", "import dev.toolwarden.*; import java.util.*;",
        "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String a(" + parameter + ") { return \"\"; }", "}");
    Compilation c = Compiler.compile(src);
    assertThat(c).succeededWithoutWarnings();
    String generated = Compiler.generated(c, "test.T_ToolBundle");
    assertTrue(generated.contains("\"/input/cards\""), generated); // listed in the policy's redactions
    assertTrue(generated.contains(", v, true)"), generated); // values read as redacted (never shown in a violation)
  }
}
