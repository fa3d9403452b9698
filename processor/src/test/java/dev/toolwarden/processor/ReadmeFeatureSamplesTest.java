package dev.toolwarden.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The README's samples of {@code @McpResource}, {@code @McpResourceTemplate}, {@code @McpPrompt} and
 * {@code @McpComplete} compile with the processor as they are printed (the README leaves out the package and the
 * imports; this adds the same ones to every sample), with no error or warning, and each yields its bundle.
 */
class ReadmeFeatureSamplesTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public final class (\\w+)");
  private static final String HEADER = String.join("\n",
      "package readme;",
      "import dev.toolwarden.*;",
      "import dev.toolwarden.runtime.path.SafeFiles;",
      "import jakarta.validation.constraints.Pattern;",
      "import java.io.IOException;",
      "import java.io.InputStream;",
      "import java.nio.charset.StandardCharsets;",
      "import java.nio.file.Path;",
      "import java.util.List;",
      "import java.util.Map;",
      "import java.util.stream.Stream;",
      "");

  @Test
  void theFourFeatureSamplesCompileWithTheProcessor() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("toolwarden.readme", "../README.md")),
        StandardCharsets.UTF_8);
    int start = readme.indexOf("### Resources, prompts and completions");
    int end = readme.indexOf("\n### ", start + 1);
    assertTrue(start > 0 && end > start, "the README has the section on resources, prompts and completions");
    List<JavaFileObject> sources = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme.substring(start, end));
    while (block.find()) {
      Matcher type = CLASS.matcher(block.group(1));
      assertTrue(type.find(), "a README sample declares a public final class:\n" + block.group(1));
      classes.add(type.group(1));
      sources.add(JavaFileObjects.forSourceString("readme." + type.group(1), HEADER + block.group(1)));
    }
    assertEquals(List.of("OrderSummaries", "WorkspaceFiles", "OrderPrompts", "OrderIdCompletions"), classes);
    Compilation c = javac().withProcessors(new ToolwardenProcessor()).compile(sources);
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        problems.add(d.toString());
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(Compilation.Status.SUCCESS, c.status());
    for (String name : classes) {
      assertTrue(c.generatedSourceFile("readme." + name + "_ToolBundle").isPresent(), "no bundle for " + name);
    }
  }
}
