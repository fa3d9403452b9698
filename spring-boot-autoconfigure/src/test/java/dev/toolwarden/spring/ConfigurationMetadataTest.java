package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolwarden.runtime.internal.config.Setting;
import dev.toolwarden.runtime.internal.config.ValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code META-INF/spring-configuration-metadata.json} (what IDEs complete and document under {@code toolwarden.*}) is
 * rendered from the runtime's {@link Setting} registry plus the starter's few keys ({@link StarterSetting}): the
 * settings are declared once, in the registry, never again as a {@code @ConfigurationProperties} class that could
 * drift from it. After changing a setting, copy {@code spring-boot-autoconfigure/target/spring-configuration-metadata.json}
 * to {@code src/main/resources/META-INF/}.
 */
class ConfigurationMetadataTest {

  private static final Path FILE = Path.of("src", "main", "resources", "META-INF", "spring-configuration-metadata.json");

  /** Standalone-only settings: in Spring Boot the container's own properties decide, named here as the replacement. */
  private static final Map<String, String> CONTAINER_KEYS = Map.of(
      "http.host", "server.address",
      "http.port", "server.port",
      "http.max-header-size", "server.max-http-request-header-size",
      "tls.keystore", "server.ssl.key-store",
      "tls.keystore-password", "server.ssl.key-store-password");

  @Test
  void theMetadataFileIsRenderedFromTheSettingRegistry() throws Exception {
    String expected = render();
    Path rendered = Path.of("target", "spring-configuration-metadata.json");
    Files.createDirectories(rendered.getParent());
    Files.writeString(rendered, expected, StandardCharsets.UTF_8);
    String actual = Files.isRegularFile(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
    assertEquals(expected, actual, "META-INF/spring-configuration-metadata.json is out of date: copy"
        + " spring-boot-autoconfigure/target/spring-configuration-metadata.json to src/main/resources/META-INF/");
  }

  static String render() {
    List<String> properties = new ArrayList<>();
    List<String> hints = new ArrayList<>();
    properties.add(property("toolwarden.enabled", "java.lang.Boolean", "Spring Boot: serve the MCP server (default true)",
        "true", null));
    for (StarterSetting s : StarterSetting.ALL) {
      properties.add(property(s.property(), s.type(), s.description() + " (default: " + s.defaultValue() + ")",
          "java.lang.Boolean".equals(s.type()) || "/mcp".equals(s.defaultValue()) ? s.defaultValue() : null, null));
    }
    for (Setting s : Setting.values()) {
      String description = s.description().replace("`", "");
      String defaultValue = s.defaultValue();
      if (s == Setting.TRANSPORT) {
        description = "the transport: http (in the application's servlet container) or stdio";
        defaultValue = "http";
      }
      String name = s.isFamily() ? "toolwarden." + s.member("").replaceAll("\\.$", "") : s.propertyName();
      String type = s.isFamily() ? "java.util.Map<java.lang.String,java.lang.String>" : javaType(s.type());
      String replacement = CONTAINER_KEYS.get(s.key());
      if (replacement != null) {
        description = "standalone server only, ignored in Spring Boot: use " + replacement + " (" + description + ")";
      }
      if (!defaultValue.isEmpty()) {
        description = description + " (default: " + defaultValue + ")";
      }
      description = description + "; accepted: " + s.type().accepted();
      properties.add(property(name, type, description, null, replacement));
      if (s.type().kind() == ValueType.Kind.CHOICE) {
        List<String> values = new ArrayList<>();
        for (String v : s.type().accepted().replaceFirst("^one of ", "").split(", ")) {
          values.add("{\"value\": " + str(v) + "}");
        }
        hints.add("    {\"name\": " + str(name) + ", \"values\": [" + String.join(", ", values) + "]}");
      }
      for (String old : s.oldKeys()) {
        properties.add(property(Setting.propertyName(old), type, "old spelling of " + s.propertyName(), null,
            s.propertyName()));
      }
    }
    return "{\n  \"groups\": [\n    {\"name\": \"toolwarden\", \"description\": \"Toolwarden MCP server: the settings of"
        + " docs/settings.md, with the same names and formats\"}\n  ],\n  \"properties\": [\n"
        + String.join(",\n", properties) + "\n  ],\n  \"hints\": [\n" + String.join(",\n", hints) + "\n  ]\n}\n";
  }

  private static String property(String name, String type, String description, String defaultValue, String replacement) {
    StringBuilder b = new StringBuilder("    {\"name\": ").append(str(name)).append(", \"type\": ").append(str(type))
        .append(", \"description\": ").append(str(description));
    if (defaultValue != null) {
      b.append(", \"defaultValue\": ").append("java.lang.Boolean".equals(type) ? defaultValue : str(defaultValue));
    }
    if (replacement != null) {
      b.append(", \"deprecation\": {\"level\": \"error\", \"replacement\": ").append(str(replacement)).append('}');
    }
    return b.append('}').toString();
  }

  private static String javaType(ValueType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "java.lang.Boolean";
      case INTEGER -> "java.lang.Long";
      case LIST -> "java.util.List<java.lang.String>";
      default -> "java.lang.String"; // durations, sizes, rates, paths, URLs: Toolwarden's own formats, kept as text
    };
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }
}
