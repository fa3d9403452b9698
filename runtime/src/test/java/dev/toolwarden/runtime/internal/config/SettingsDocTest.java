package dev.toolwarden.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.http.HttpOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/settings.md} is rendered from the {@link Setting} registry, and the registry follows the
 * naming rule. After changing a setting, copy {@code runtime/target/settings.md} to {@code docs/settings.md}.
 */
class SettingsDocTest {

  private static final Path DOC = Path.of("..", "docs", "settings.md");
  private static final Pattern SEGMENTS = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");

  @Test
  void docsSettingsMdIsTheRenderedRegistry() throws IOException {
    String expected = render();
    Path rendered = Path.of("target", "settings.md");
    Files.createDirectories(rendered.getParent());
    Files.writeString(rendered, expected, StandardCharsets.UTF_8);
    String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertEquals(expected, actual, "docs/settings.md is out of date: copy runtime/target/settings.md to docs/settings.md");
  }

  @Test
  void everyKeyFollowsTheNamingRuleAndEveryEnvironmentNameIsUnique() {
    Set<String> env = new HashSet<>();
    for (Setting s : Setting.values()) {
      String key = s.isFamily() ? s.member("name") : s.key();
      assertTrue(SEGMENTS.matcher(key).matches(), key + ": kebab-case segments with dots between");
      assertTrue(env.add(s.environmentName()), "two settings share " + s.environmentName());
      for (String old : s.oldKeys()) {
        // an old spelling only ever differs in its system property: the environment variable stays the same
        assertEquals(s.environmentName(), Setting.environmentName(old), old);
        assertEquals(s, Setting.byKey(old).orElseThrow());
      }
      assertEquals(s, Setting.byKey(key).orElseThrow());
    }
  }

  @Test
  void secretNamesInTheCodeAreTheRegisteredOnes() {
    assertEquals(Setting.OAUTH_CLIENT_ID.environmentName(), ResourceServer.CLIENT_ID_SECRET);
    assertEquals(Setting.OAUTH_CLIENT_SECRET.environmentName(), ResourceServer.CLIENT_SECRET_SECRET);
    assertEquals(Setting.TLS_KEYSTORE_PASSWORD.environmentName(), HttpOptions.Tls.DEFAULT_PASSWORD_SECRET);
    assertEquals(Setting.REDIS_PASSWORD.environmentName(), Setting.REDIS_PASSWORD_SECRET.defaultValue());
  }

  @Test
  void onlyConfigReadsSystemPropertiesOrTheEnvironment() throws IOException {
    Path main = Path.of("src", "main", "java");
    List<Path> readers;
    try (Stream<Path> files = Files.walk(main)) {
      readers = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          String src = Files.readString(p, StandardCharsets.UTF_8);
          return src.contains("getenv") || src.contains("System.getProperty") || src.contains("Integer.getInteger")
              || src.contains("Long.getLong") || src.contains("Boolean.getBoolean");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).map(main::relativize).sorted().toList();
    }
    assertEquals(List.of(Path.of("dev/toolwarden/runtime/Secrets.java"),
        Path.of("dev/toolwarden/runtime/internal/config/Config.java")), readers);
  }

  static String render() {
    StringBuilder b = new StringBuilder();
    b.append("# Settings\n\n")
        .append("<!-- Generated from runtime/src/main/java/dev/toolwarden/runtime/internal/config/Setting.java by SettingsDocTest:"
            + " edit the registry, run the runtime tests, copy runtime/target/settings.md here. -->\n\n")
        .append("Each setting is read from, in this order: the builder (`.config(\"http.port\", \"8443\")`), the system property")
        .append(" `toolwarden.<key>`, the environment variable `TOOLWARDEN_<KEY>` (the key in upper case, every `.` and `-`")
        .append(" an `_`). Keys are kebab-case segments with dots between. A malformed or unusable value stops start-up with")
        .append(" one message naming the key in both spellings, the value (never a secret's) and the accepted forms.")
        .append(" Secrets are read from the environment variable or from the file named by `<NAME>_FILE`, never from a")
        .append(" system property.\n\n")
        .append("| system property | environment variable | type | default | what it does |\n")
        .append("|---|---|---|---|---|\n");
    Map<String, String> types = new LinkedHashMap<>();
    for (Setting s : Setting.values()) {
      String type = typeName(s);
      types.putIfAbsent(s.type().kind().name().toLowerCase(java.util.Locale.ROOT), s.type().accepted());
      String property = s.type().kind() == ValueType.Kind.SECRET ? "—" : "`" + s.propertyName() + "`";
      String dflt = s.defaultValue().isEmpty() ? "" : s.defaultValue().matches("[\\w./-]+") ? "`" + s.defaultValue() + "`" : s.defaultValue();
      b.append("| ").append(property).append(" | `").append(s.environmentName()).append("` | ").append(type).append(" | ")
          .append(dflt).append(" | ").append(s.description()).append(" |\n");
    }
    b.append("\n## Types\n\n| type | accepted |\n|---|---|\n");
    types.forEach((kind, accepted) -> {
      if (!kind.equals("choice") && !kind.equals("integer")) {
        b.append("| ").append(kind).append(" | ").append(accepted.replace("|", "\\|")).append(" |\n");
      }
    });
    b.append("\n## Old spellings\n\nStill read for one release; each one read logs a warning once per process. Only the system properties\n")
        .append("(and keys given to `.config(..)`) changed: the environment variables are the same.\n\n")
        .append("| old system property | use instead |\n|---|---|\n");
    for (Setting s : Setting.values()) {
      for (String old : s.oldKeys()) {
        b.append("| `").append(Setting.propertyName(old)).append("` | `").append(s.propertyName()).append("` |\n");
      }
    }
    return b.toString();
  }

  private static String typeName(Setting s) {
    String name = switch (s.type().kind()) {
      case CHOICE, INTEGER -> s.type().accepted();
      default -> s.type().kind().name().toLowerCase(java.util.Locale.ROOT);
    };
    return s.secret() && s.type().kind() != ValueType.Kind.SECRET ? name + " (never printed)" : name;
  }
}
