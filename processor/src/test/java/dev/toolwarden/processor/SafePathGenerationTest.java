package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @SafePath} on a container confines every element, wherever the annotation is written: on the
 * declaration or on the type argument ({@code List<@SafePath String>} was once read as no guard at all).
 */
class SafePathGenerationTest {

  @ParameterizedTest
  @ValueSource(strings = {"@SafePath(root = \"w\") List<String> files", "List<@SafePath(root = \"w\") String> files",
      "List<@SafePath(root = \"w\") Path> files", "Optional<@SafePath(root = \"w\") String> files"})
  void everyElementIsConfined(String parameter) {
    JavaFileObject src = Compiler.source("T", "import dev.toolwarden.*; import java.nio.file.Path; import java.util.*;",
        "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String a(" + parameter + ") { return \"\"; }", "}");
    Compilation c = Compiler.compile(src);
    assertThat(c).succeededWithoutWarnings();
    String generated = Compiler.generated(c, "test.T_ToolBundle");
    assertTrue(generated.contains("PATH_RULE_A_FILES"), generated);
    assertTrue(generated.contains("resolvePath(PATH_RULE_A_FILES"), generated);
  }
}
