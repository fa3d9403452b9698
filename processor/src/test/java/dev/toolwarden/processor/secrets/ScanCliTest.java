package dev.toolwarden.processor.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone scanner: output format, masking, exit codes, unparseable sources, jars. */
class ScanCliTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    return ScanCli.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  /** A made-up Stripe-shaped key, generated at run time. */
  private static String plantedSecret() {
    return "sk_live_" + JavaSources.random(new Random(5), 32, JavaSources.ALNUM);
  }

  private static String plantedSource(String secret) {
    return "package app;\n"
        + "\n"
        + "class Planted {\n"
        + "  static final String KEY = " + JavaSources.literal(secret) + ";\n"
        + "}\n";
  }

  @Test
  void plantedSecretIsReportedAsFileLineColRuleAndMaskedValueNeverInFull() throws IOException {
    String secret = plantedSecret();
    Path file = dir.resolve("app/Planted.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, plantedSource(secret));
    Files.writeString(dir.resolve("app/Clean.java"), "package app; class Clean { String s = \"hello\"; }\n");

    int code = run(dir.toString());

    String masked = SecretFinding.mask(secret, 0, secret.length());
    assertEquals(1, code, out());
    assertTrue(out().contains(file + ":4:29 [TW-SECRET-STRIPE] " + masked), out());
    assertEquals("sk_l…(40 chars)", masked);
    assertFalse(out().contains(secret), "output contains the full value");
    assertFalse(out().contains(secret.substring(0, 8)), "output reveals more than 4 characters");
    assertTrue(out().contains("scanned 2 files, 6 lines, 1 findings, 0 skipped"), out());
  }

  @Test
  void sourcesJarIsScannedEntryByEntry() throws IOException {
    String secret = plantedSecret();
    Path jar = dir.resolve("lib-1.0-sources.jar");
    try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("app/Planted.java"));
      zip.write(plantedSource(secret).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertEquals(1, run(jar.toString()), out());
    assertTrue(out().contains("lib-1.0-sources.jar!/app/Planted.java:4:29 [TW-SECRET-STRIPE] sk_l…(40 chars)"),
        out());
    assertFalse(out().contains(secret));
  }

  @Test
  void cleanTreeExitsZero() throws IOException {
    Files.writeString(dir.resolve("A.java"), "class A { int maxTokens = 5; String tokenizer = \"whitespace\"; }\n");
    assertEquals(0, run(dir.toString()), out());
    assertTrue(out().contains("scanned 1 files, 1 lines, 0 findings"), out());
  }

  @Test
  void unparseableSourceIsReportedAndSkippedWithoutCrashing() throws IOException {
    Files.writeString(dir.resolve("Broken.java"), "class Broken { void m( { \"unterminated }\n");
    Files.writeString(dir.resolve("Good.java"), "class Good {}\n");
    assertEquals(0, run(dir.toString()), out());
    assertTrue(out().contains("Broken.java: skipped, cannot parse: line 1"), out());
    assertTrue(out().contains("1 skipped"), out());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run());
    assertEquals(2, run(dir.resolve("missing").toString()));
    assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("not a directory or a .jar/.zip"));
  }

  @Test
  void resourceFilesBesideTheSourcesAreScannedToo() throws IOException {
    String secret = plantedSecret();
    Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
    Files.writeString(resources.resolve("application.yml"), "stripe:\n  url: ${STRIPE_URL}\n  key: " + secret + "\n");
    Files.writeString(resources.resolve("application.properties"), "stripe.key=${STRIPE_KEY}\n");

    int code = run(dir.toString());

    assertEquals(1, code, out());
    String masked = SecretFinding.mask(secret, 0, secret.length());
    assertTrue(out().contains("application.yml:3:1 [TW-SECRET-STRIPE] " + masked), out());
    assertFalse(out().contains("application.properties:"), out());
    assertFalse(out().contains(secret.substring(4)), out());
  }
}
