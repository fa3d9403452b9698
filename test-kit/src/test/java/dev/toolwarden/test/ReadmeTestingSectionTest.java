package dev.toolwarden.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's "Testing your tools" section is code this module compiles (with the processor) and runs: each Java
 * block is a source file under {@code src/test/java/com/example/}, and the dependency block names this module. A
 * change to either side without the other fails here.
 */
class ReadmeTestingSectionTest {

  private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
  private static final Path EXAMPLES = Path.of("src/test/java/com/example");

  @Test
  void theSectionsCodeIsTheExamplesTheBuildCompilesAndRuns() throws IOException {
    String text = Files.readString(Path.of(System.getProperty("toolwarden.test.readme", "../README.md")),
        StandardCharsets.UTF_8);
    int start = text.indexOf("\n## Testing your tools\n");
    int end = text.indexOf("\n## ", start + 1);
    assertTrue(start > 0 && end > start, "the README has the section");
    Matcher m = BLOCK.matcher(text.substring(start, end));
    List<String> kinds = new ArrayList<>();
    while (m.find()) {
      kinds.add(m.group(1));
      String code = m.group(2);
      switch (m.group(1)) {
        case "java" -> {
          Matcher type = Pattern.compile("\\bclass (\\w+)").matcher(code);
          assertTrue(type.find(), code);
          Path source = find(type.group(1) + ".java");
          assertEquals(Files.readString(source, StandardCharsets.UTF_8), code, "README block vs " + source);
        }
        case "xml" -> assertEquals("""
            <dependency>
              <groupId>dev.toolwarden</groupId>
              <artifactId>toolwarden-test</artifactId>
              <version>%s</version>
              <scope>test</scope>
            </dependency>
            """.formatted(projectVersion()), code);
        default -> throw new AssertionError("unexpected block " + m.group(1));
      }
    }
    assertEquals(List.of("xml", "java", "java", "java"), kinds);
  }

  private static Path find(String fileName) throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().equals(fileName)).toList();
      assertEquals(1, found.size(), "one " + fileName + " under " + EXAMPLES + ": " + found);
      return found.get(0);
    }
  }

  /** The version in this module's POM (its parent's: the module inherits it). */
  private static String projectVersion() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher v = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
    assertTrue(v.find(), "the POM names its parent's version");
    return v.group(1);
  }
}
