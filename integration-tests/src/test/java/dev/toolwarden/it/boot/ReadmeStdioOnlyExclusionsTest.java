package dev.toolwarden.it.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "stdio-only applications" dependency is the one the stdio-only build of the Boot example declares
 * (src/it/spring-boot-example, profile stdio-only, run by {@link BootStdioOnlyTest}): a change to either side without
 * the other fails here.
 */
class ReadmeStdioOnlyExclusionsTest {

  private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theReadmesExclusionsAreTheStdioOnlyBuilds() throws Exception {
    Path readme = Path.of(System.getProperty("toolwarden.it.readme", "../README.md"));
    Path pom = Path.of(System.getProperty("toolwarden.it.bootExampleDir", "src/it/spring-boot-example"), "pom.xml");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf("- **stdio-only applications**");
    assertTrue(start > 0, "the README's Spring Boot section has the stdio-only note");
    Matcher block = XML_BLOCK.matcher(text);
    assertTrue(block.find(start), "the note has an xml block");
    String snippet = squash(block.group(1));
    assertTrue(snippet.contains("<exclusions>"), snippet);

    String project = Files.readString(pom, StandardCharsets.UTF_8).replace("@project.version@", "0.1.0-SNAPSHOT");
    String profile = project.substring(project.indexOf("<id>stdio-only</id>"));
    profile = profile.substring(0, profile.indexOf("</profile>"));
    String declared = squash(profile.replaceAll("(?s)<!--.*?-->", ""));
    assertTrue(declared.contains(snippet), "the README's dependency is the stdio-only profile's:\n" + block.group(1)
        + "\nprofile:\n" + profile);
    assertEquals(1, declared.split("<dependency>", -1).length - 1, "the profile declares nothing else");
  }

  private static String squash(String xml) {
    return xml.replaceAll("\\s+", "");
  }
}
