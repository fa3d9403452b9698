package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated sources are compared, as exact text, with reviewed golden files; this also proves
 * the output is deterministic (two compilations, same bytes). Run with
 * {@code -Dtoolwarden.updateGolden=true} to rewrite the golden files after an intended change,
 * then review the diff.
 */
class GoldenFileTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @ValueSource(strings = {"OrderTools", "FileTools", "ShapeTools", "UrlTools", "WorkspaceServer"})
  void generatedBundleMatchesGoldenFile(String tool) throws IOException {
    String qualified = "dev.toolwarden.fixtures." + tool;
    Compilation first = Compiler.compile(Compiler.fixture(qualified));
    assertThat(first).succeededWithoutWarnings();
    String generated = Compiler.generated(first, qualified + "_ToolBundle");

    Compilation second = Compiler.compile(Compiler.fixture(qualified));
    assertEquals(generated, Compiler.generated(second, qualified + "_ToolBundle"), "output is not deterministic");

    Path golden = GOLDEN.resolve(tool + "_ToolBundle.java.txt");
    if (Boolean.getBoolean("toolwarden.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), generated,
        "generated source differs from " + golden + " (rerun with -Dtoolwarden.updateGolden=true and review)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"OrderTools", "FileTools", "ShapeTools", "UrlTools", "WorkspaceServer"})
  void serviceFileListsTheBundle(String tool) throws IOException {
    String qualified = "dev.toolwarden.fixtures." + tool;
    Compilation c = Compiler.compile(Compiler.fixture(qualified));
    String services = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "",
        ToolwardenProcessor.SERVICE_FILE).orElseThrow().getCharContent(false).toString();
    assertEquals(qualified + "_ToolBundle\n", services);
  }
}
