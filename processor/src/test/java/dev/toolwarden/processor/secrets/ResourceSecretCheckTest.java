package dev.toolwarden.processor.secrets;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.toolwarden.processor.ToolwardenProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor scans {@code src/main/resources} beside the compiled sources (or the directories named by
 * {@code -Atoolwarden.resources}) and fails the build on a literal secret there, with file, line and the value
 * masked — before Maven copies the resources or after, since it reads the source directory.
 */
class ResourceSecretCheckTest {
  @TempDir Path project;

  private final String secret = "sk_live_" + JavaSources.random(new Random(17), 32, JavaSources.ALNUM);

  private Path resources() throws IOException {
    return Files.createDirectories(project.resolve("src/main/resources"));
  }

  /** A source file on disk in the Maven layout, so the processor can find the resources beside it. */
  private JavaFileObject sourceOnDisk() throws IOException {
    Path file = project.resolve("src/main/java/app/Hello.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package app;\npublic class Hello { public String hi() { return \"hi\"; } }\n");
    return JavaFileObjects.forResource(file.toUri().toURL());
  }

  private static Compilation compile(List<String> options, JavaFileObject source) {
    return javac().withProcessors(new ToolwardenProcessor()).withOptions(options).compile(source);
  }

  private static List<String> messages(Compilation c, Diagnostic.Kind kind) {
    List<String> out = new ArrayList<>();
    c.diagnostics().stream().filter(d -> d.getKind() == kind).forEach(d -> out.add(d.getMessage(null)));
    return out;
  }

  @Test
  void aSecretInApplicationPropertiesFailsTheBuildWithFileLineAndMaskedValue() throws IOException {
    Files.writeString(resources().resolve("application.properties"),
        "server.port=8080\n# payments\nstripe.api-key=" + secret + "\n");
    Compilation c = compile(List.of(), sourceOnDisk());
    assertEquals(Compilation.Status.FAILURE, c.status());
    List<String> errors = messages(c, Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), String.valueOf(errors));
    String e = errors.get(0);
    assertTrue(e.startsWith("src/main/resources/application.properties:3: [TW-SECRET] [TW-SECRET-STRIPE]"), e);
    assertTrue(e.contains("in 'stripe.api-key'") && e.contains("Secrets.require(\"STRIPE_API_KEY\")"), e);
    assertFalse(e.contains(secret.substring(4)), "secret printed: " + e);
  }

  @Test
  void aNestedYamlFileIsScannedAndPlaceholdersPass() throws IOException {
    Path nested = Files.createDirectories(resources().resolve("config"));
    Files.writeString(nested.resolve("application-prod.yml"), "stripe:\n  key: ${STRIPE_KEY}\n  live: " + secret + "\n");
    Files.writeString(resources().resolve("application.properties"), "stripe.key=${STRIPE_KEY}\n");
    List<String> errors = messages(compile(List.of(), sourceOnDisk()), Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), String.valueOf(errors));
    assertTrue(errors.get(0).startsWith("src/main/resources/config/application-prod.yml:3: [TW-SECRET]"),
        errors.get(0));
  }

  @Test
  void theOptionNamesTheDirectoryForSourcesOutsideTheMavenLayout() throws IOException {
    Path dir = Files.createDirectories(project.resolve("conf"));
    Files.writeString(dir.resolve(".env"), "STRIPE_KEY=" + secret + "\n");
    JavaFileObject inMemory = JavaFileObjects.forSourceString("app.Hello", "package app; public class Hello {}");
    assertEquals(Compilation.Status.SUCCESS, compile(List.of(), inMemory).status());
    Compilation c = compile(List.of("-Atoolwarden.resources=" + dir), inMemory);
    List<String> errors = messages(c, Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), String.valueOf(errors));
    assertTrue(errors.get(0).contains(".env:1: [TW-SECRET] [TW-SECRET-STRIPE]"), errors.get(0));
  }

  @Test
  void theScanFollowsTheSecretsOptionAndCanBeTurnedOff() throws IOException {
    Files.writeString(resources().resolve("application.properties"), "stripe.api-key=" + secret + "\n");
    JavaFileObject source = sourceOnDisk();
    Compilation warn = compile(List.of("-Atoolwarden.secrets=warn"), source);
    assertEquals(Compilation.Status.SUCCESS, warn.status());
    assertTrue(messages(warn, Diagnostic.Kind.WARNING).stream().anyMatch(m -> m.contains("[TW-SECRET-STRIPE]")));
    assertEquals(Compilation.Status.SUCCESS, compile(List.of("-Atoolwarden.resources=off"), source).status());
  }
}
