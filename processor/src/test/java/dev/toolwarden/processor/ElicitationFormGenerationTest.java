package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.toolwarden.runtime.spi.ElicitationForm;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.Violations;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Elicits(Confirm.class)}: the bundle carries the record's form — its schema generated at compile time in the
 * flat subset elicitation allows, and a generated reader that binds and validates an answer like a tool's input —
 * and a record that cannot be a form is a compile error naming the field.
 */
class ElicitationFormGenerationTest {

  private static JavaFileObject tools(String confirmComponents) {
    return Compiler.source("T", "import dev.toolwarden.*; import dev.toolwarden.runtime.*; import java.util.*;",
        "import jakarta.validation.constraints.*;",
        "@RequiresScope(\"s\") public class T {",
        "  public enum Color { RED, GREEN }",
        "  public record Confirm(" + confirmComponents + ") {}",
        "  /** Asks. */",
        "  @McpTool @Elicits(Confirm.class) public String ask(ToolContext ctx) {",
        "    return String.valueOf(ctx.elicit(Confirm.class, \"Sure?\").accepted());",
        "  }",
        "}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFormSchemaAndReaderAreGeneratedAndBindAnAnswer() throws Exception {
    Compilation c = Compiler.compile(tools("boolean confirm, @Min(1) @Max(9) int copies,"
        + " @Size(max = 20) @Pattern(regexp = \"[a-z]*\") String note, Optional<Color> color"));
    assertThat(c).succeededWithoutWarnings();
    String source = Compiler.generated(c, "test.T_ToolBundle");
    assertTrue(source.contains("elicitationForms()") && source.contains("FORM_SCHEMA_0"), source);

    ToolBundle bundle = (ToolBundle) load(c).loadClass("test.T_ToolBundle").getDeclaredConstructor().newInstance();
    ElicitationForm<?> form = bundle.elicitationForms().get(0);
    assertEquals("test.T$Confirm", form.type().getName());
    assertEquals("{\"type\":\"object\",\"properties\":{\"confirm\":{\"type\":\"boolean\"},\"copies\":{\"type\":"
        + "\"integer\",\"minimum\":1,\"maximum\":9},\"note\":{\"type\":\"string\",\"maxLength\":20},\"color\":"
        + "{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}},\"required\":[\"confirm\",\"copies\",\"note\"]}",
        form.schema(), "flat, no $defs, no additionalProperties, no pattern (the reader still checks it)");

    Violations ok = new Violations();
    Object value = ((ElicitationForm<Object>) form).reader().read(Map.of("confirm", true, "copies", 3, "note", "hi",
        "color", "GREEN"), ok);
    assertTrue(ok.isEmpty(), ok.list().toString());
    assertEquals("Confirm[confirm=true, copies=3, note=hi, color=Optional[GREEN]]", value.toString());

    Violations bad = new Violations();
    assertNull(((ElicitationForm<Object>) form).reader().read(Map.of("confirm", "yes", "copies", 0, "note", "HI",
        "extra", 1), bad));
    List<String> pointers = bad.list().stream().map(v -> v.pointer() + " " + v.rule()).sorted().toList();
    assertEquals(List.of("/confirm type", "/copies minimum", "/extra additionalProperties", "/note pattern"),
        pointers);
  }

  @Test
  void aNestedOrUnsupportedFieldIsACompileErrorOnTheField() {
    Compilation c = Compiler.compile(tools("boolean confirm, Map<String, String> extra"));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[TW-ELICIT-FIELD]");
    assertThat(c).hadErrorContaining("of the form test.T.Confirm has type");
  }

  @Test
  void aFormMustNotAskForASecret() {
    Compilation c = Compiler.compile(tools("String username, String password"));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[TW-ELICIT-SECRET]");
  }

  @Test
  void anEmptyElicitsAsksForNothing() {
    JavaFileObject src = Compiler.source("U", "import dev.toolwarden.*;",
        "@RequiresScope(\"s\") public class U {",
        "  /** Asks. */",
        "  @McpTool @Elicits({}) public String ask() { return \"\"; }",
        "}");
    assertThat(Compiler.compile(src)).succeededWithoutWarnings();
  }

  private static ClassLoader load(Compilation c) throws IOException {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        String binary = path.substring(path.indexOf("/test/") + 1, path.length() - ".class".length())
            .replace('/', '.');
        try (InputStream in = f.openInputStream()) {
          classes.put(binary, in.readAllBytes());
        }
      }
    }
    return new ClassLoader(ElicitationFormGenerationTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }
}
