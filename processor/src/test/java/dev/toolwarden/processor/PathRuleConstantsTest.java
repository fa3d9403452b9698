package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The {@code PathRule} constants of a generated bundle are named after their declaration, one per
 * declaration however many tools reach it, and two declarations never share one.
 */
class PathRuleConstantsTest {

  private static final String IMPORTS = "import dev.toolwarden.*; import java.util.*;";

  private static String generate() {
    JavaFileObject src = Compiler.source("T", IMPORTS, "@RequiresScope(\"s\") public class T {",
        "  public record Upload(@SafePath(root = \"w\") String file) {}",
        "  @McpTool(name = \"one\", description = \"d\") public void one(Upload upload) {}",
        "  @McpTool(name = \"many\", description = \"d\") public void many(List<Upload> uploads) {}",
        "  @McpTool(name = \"copy\", description = \"d\") public void copy(@SafePath(root = \"w\") String path) {}",
        "  @McpTool(name = \"copy_n\", description = \"d\")",
        "  public void copy(@SafePath(root = \"w\", extensions = \"txt\") String path, int n) {}",
        "}");
    Compilation c = Compiler.compile(src);
    assertThat(c).succeededWithoutWarnings();
    return Compiler.generated(c, "test.T_ToolBundle");
  }

  @Test
  void aRecordComponentReachedByTwoToolsHasOneConstantNamedAfterIt() {
    String code = generate();
    assertEquals(1, count(code, "private static final PathRule PATH_RULE_UPLOAD_FILE = "
        + "new PathRule(\"/input/upload/file\", \"w\""), code);
    // both tools' policies list the same rule, and the shared record reader uses it
    assertEquals(2, count(code, "List.of(PATH_RULE_UPLOAD_FILE)"), code);
    assertEquals(1, count(code, "inv.resolvePath(PATH_RULE_UPLOAD_FILE, \"/file\""), code);
  }

  @Test
  void declarationsWhoseNamesCollideGetDistinctConstants() {
    String code = generate();
    assertTrue(code.contains("PATH_RULE_COPY_PATH = new PathRule(\"/input/path\", \"w\", false, \"ANY\", "
        + "List.of(), false)"), code);
    assertTrue(code.contains("PATH_RULE_COPY_PATH_2 = new PathRule(\"/input/path\", \"w\", false, \"ANY\", "
        + "List.of(\"txt\"), false)"), code);
    assertEquals(0, count(code, "PATH_RULE_0"), code);
  }

  @Test
  void generationIsDeterministic() {
    assertEquals(generate(), generate());
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
