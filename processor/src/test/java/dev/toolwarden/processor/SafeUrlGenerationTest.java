package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code @SafeUrl} on containers: every element goes through the runtime's URL check. */
class SafeUrlGenerationTest {

  @ParameterizedTest
  @ValueSource(strings = {"@SafeUrl(hosts = \"*.example.org\") List<URI> urls",
      "List<@SafeUrl(hosts = \"*.example.org\") URI> urls", "@SafeUrl(hosts = \"*.example.org\") Optional<URI> urls",
      "@SafeUrl(hosts = \"*.example.org\") Map<String, String> urls"})
  void everyElementIsChecked(String parameter) {
    JavaFileObject src = Compiler.source("T", "import dev.toolwarden.*; import java.net.URI; import java.util.*;",
        "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String a(" + parameter + ") { return \"\"; }", "}");
    Compilation c = Compiler.compile(src);
    assertThat(c).succeededWithoutWarnings();
    String generated = Compiler.generated(c, "test.T_ToolBundle");
    assertTrue(generated.contains("inv.checkUrl(URL_RULE_A_URLS, "), generated);
    assertTrue(generated.contains("new UrlRule(\"/input/urls"), generated);
    assertTrue(generated.contains("\\\"format\\\":\\\"uri\\\""), generated);
  }
}
