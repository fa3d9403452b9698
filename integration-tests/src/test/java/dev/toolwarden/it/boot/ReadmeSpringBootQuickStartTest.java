package dev.toolwarden.it.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot quick start is the project the invoker builds and the boot tests run
 * (src/it/spring-boot-quickstart): each Java block is one of its source files, the properties block is its
 * {@code application.properties}, and the dependencies block is in its POM (versions aside). A change to either
 * side without the other fails here.
 */
class ReadmeSpringBootQuickStartTest {

  private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theQuickStartCodeIsTheProjectTheTestsBuildAndRun() throws Exception {
    Path readme = Path.of(System.getProperty("toolwarden.it.readme", "../README.md"));
    Path project = Path.of(System.getProperty("toolwarden.it.quickstartDir", "src/it/spring-boot-quickstart"));
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf("### Quick start: two dependencies, one annotation, one property");
    int end = text.indexOf("### How it works", start);
    assertTrue(start > 0 && end > start, "the README has the Spring Boot quick start section");
    Matcher m = BLOCK.matcher(text.substring(start, end));
    List<String> kinds = new ArrayList<>();
    while (m.find()) {
      String kind = m.group(1);
      String code = m.group(2);
      kinds.add(kind);
      switch (kind) {
        case "java" -> {
          Matcher type = Pattern.compile("public class (\\w+)").matcher(code);
          assertTrue(type.find(), code);
          Path source = project.resolve("src/main/java/com/example/greeter/" + type.group(1) + ".java");
          assertEquals(Files.readString(source, StandardCharsets.UTF_8), code, "README block vs " + source);
        }
        case "properties" -> assertEquals(
            Files.readString(project.resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8), code);
        case "xml" -> {
          String pom = squash(Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8)
              .replace("@project.version@", "0.1.0-SNAPSHOT"));
          assertTrue(pom.contains(squash(code)), "the README's dependencies are the quick start POM's:\n" + code);
        }
        default -> throw new AssertionError("unexpected block " + kind);
      }
    }
    assertEquals(List.of("xml", "java", "java", "properties"), kinds);
  }

  private static String squash(String xml) {
    return xml.replaceAll("\\s+", "");
  }
}
