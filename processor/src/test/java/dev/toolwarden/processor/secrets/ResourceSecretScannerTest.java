package dev.toolwarden.processor.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Secrets in configuration files: every generated secret (made up at run time, never committed) is found in every
 * format at its line, under its rule and masked; placeholders pass, their literal defaults do not; ordinary
 * configuration has no findings.
 */
class ResourceSecretScannerTest {

  /** A file format: its file name and how one value is written under one key (line 2, after a comment). */
  record Format(String fileName, BiFunction<String, String, String> write) {
    @Override
    public String toString() {
      return fileName;
    }
  }

  static List<Format> formats() {
    return List.of(
        new Format("application.properties", (k, v) -> "# settings\n" + k + "=" + v.replace("\n", "\\\n") + "\n"),
        new Format("application.yml", (k, v) -> "# settings\n" + k + ": " + (v.contains("\n")
            ? "|\n  " + v.strip().replace("\n", "\n  ") : "\"" + v + "\"") + "\nother: 1\n"),
        new Format("config.json", (k, v) -> "{\n  \"" + k + "\": \"" + v.replace("\n", "\\n") + "\"\n}\n"),
        new Format("beans.xml", (k, v) -> "<beans>\n  <property name=\"" + k + "\" value=\"" + v + "\"/>\n</beans>\n"),
        new Format("settings.xml", (k, v) -> "<settings>\n  <" + k + ">" + v + "</" + k + ">\n</settings>\n"),
        new Format(".env", (k, v) -> "# local\n" + k + "=" + v.replace("\n", "\\\n") + "\n"),
        new Format("app.conf", (k, v) -> "// app\n" + k + " = \"" + v.replace("\n", "\\n") + "\"\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void everyGeneratedSecretIsFoundAtItsLineMasked(Format format) {
    List<String> missed = new ArrayList<>();
    for (GeneratedSecrets.Case c : GeneratedSecrets.all()) {
      if (c.value().contains("\n") && (format.fileName().endsWith(".conf") || format.fileName().endsWith(".xml"))) {
        continue; // a PEM block is not written on one line of these formats
      }
      String text = format.write().apply(c.name(), c.value());
      List<ResourceSecretScanner.Finding> found = ResourceSecretScanner.scan(format.fileName(), text);
      boolean hit = found.stream().anyMatch(f -> f.finding().ruleId().equals(c.ruleId()) && f.line() == 2);
      if (!hit) {
        missed.add(c + " -> " + found);
      }
      for (ResourceSecretScanner.Finding f : found) {
        assertFalse(f.toString().contains(c.value().strip()), "value printed: " + f);
      }
    }
    assertEquals(List.of(), missed);
  }

  @Test
  void placeholdersPassButTheirLiteralDefaultsDoNot() {
    String key = "sk_live_" + JavaSources.random(new Random(11), 32, JavaSources.ALNUM);
    assertEquals(List.of(), ResourceSecretScanner.scan("a.properties", "stripe.api-key=${STRIPE_KEY}\n"));
    assertEquals(List.of(), ResourceSecretScanner.scan("a.yml", "stripe:\n  apiKey: ${STRIPE_KEY}\n"));
    assertEquals(List.of(), ResourceSecretScanner.scan("a.json", "{\"password\": \"${DB_PASSWORD}\"}"));
    List<ResourceSecretScanner.Finding> f = ResourceSecretScanner.scan("a.properties",
        "stripe.api-key=${STRIPE_KEY:" + key + "}\n");
    assertEquals(1, f.size(), String.valueOf(f));
    assertEquals("TW-SECRET-STRIPE", f.get(0).finding().ruleId());
    assertEquals("stripe.api-key", f.get(0).key());
  }

  @Test
  void ordinaryConfigurationHasNoFindings() {
    String properties = String.join("\n", "server.port=8080", "spring.application.name=orders",
        "spring.datasource.url=jdbc:postgresql://localhost:5432/orders", "spring.datasource.username=orders",
        "spring.datasource.password=${DB_PASSWORD}", "management.endpoints.web.exposure.include=health,info",
        "logging.level.org.springframework=INFO", "app.token-url=https://id.example.com/oauth2/token",
        "app.public-key-path=/etc/app/public.pem", "app.jwt.issuer=https://id.example.com/realms/acme",
        "app.secret-name=orders-db", "spring.security.oauth2.client.registration.acme.client-secret=${CLIENT_SECRET}");
    String yaml = String.join("\n", "spring:", "  datasource:", "    url: jdbc:mysql://db:3306/app?useSSL=true",
        "    password: ${DB_PASSWORD:}", "  jpa:", "    hibernate:", "      ddl-auto: validate", "app:",
        "  tokens:", "    max-tokens: 4096", "  password-policy: strong", "  greeting: |", "    Hello there,",
        "    welcome to the service.", "  checksum: 3f786850e387550fdab836ed7e6dc881de23001b");
    String json = "{\"name\": \"orders\", \"version\": \"1.0.0\", \"keywords\": [\"mcp\", \"tools\"],"
        + " \"publicKey\": \"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\", \"integrity\": \"sha512-"
        + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"}";
    String xml = "<configuration>\n  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
        + "    <encoder><pattern>%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n</pattern></encoder>\n"
        + "  </appender>\n  <property name=\"password\" value=\"${DB_PASSWORD}\"/>\n</configuration>\n";
    assertEquals(List.of(), ResourceSecretScanner.scan("application.properties", properties));
    assertEquals(List.of(), ResourceSecretScanner.scan("application.yaml", yaml));
    assertEquals(List.of(), ResourceSecretScanner.scan("package.json", json));
    assertEquals(List.of(), ResourceSecretScanner.scan("logback.xml", xml));
  }

  @Test
  void anyInputIsReadWithoutFailing() {
    Random r = new Random(3);
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 400; j++) {
        String alphabet = "\"{}[]<>=:#!\\\n '${}|->abc";
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      for (String name : List.of("a.json", "a.xml", "a.yml", "a.properties")) {
        String text = sb.toString();
        assertDoesNotThrow(() -> ResourceSecretScanner.scan(name, text), text);
      }
    }
  }
}
