package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.toolwarden.processor.gen.ManifestWriter;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Security lints (warnings, errors under options), the names that must not trip them, waivers and the manifest. */
class PolicyLintTest {

  private static final String IMPORTS = "import dev.toolwarden.*; import jakarta.validation.constraints.*; "
      + "import java.util.*; import java.nio.file.Path;";

  @Test
  void toolWithoutDescriptionWarns() {
    JavaFileObject src = Compiler.source("T", IMPORTS, "@RequiresScope(\"s\") public class T {",
        "  @McpTool public String hello() { return \"\"; }", "}");
    Compilation c = Compiler.compile(src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[TW-TOOL-DESCRIPTION] tool hello has no description").inFile(src).onLine(4);
  }

  @Test
  void toolWithoutScopeWarnsAndFailsUnderRequireScopes() {
    JavaFileObject src = Compiler.source("T", IMPORTS, "public class T {",
        "  @McpTool(description = \"d\") public String hello() { return \"\"; }", "}");
    Compilation lenient = Compiler.compile(src);
    assertThat(lenient).succeeded();
    assertThat(lenient).hadWarningContaining("[TW-TOOL-SCOPE] tool hello requires no scope").inFile(src).onLine(4);
    Compilation strict = Compiler.compileWith(List.of("-Atoolwarden.requireScopes=true"), src);
    assertThat(strict).failed();
    assertThat(strict).hadErrorContaining("[TW-TOOL-SCOPE]").inFile(src).onLine(4);
  }

  @Test
  void stringsNamedLikePathsOrUrlsWarn() {
    JavaFileObject src = Compiler.source("T", IMPORTS, "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String a(String filePath) { return \"\"; }",
        "  @McpTool(description = \"d\") public String b(String callbackUrl) { return \"\"; }", "}");
    Compilation c = Compiler.compile(src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[TW-PATH-STRING] parameter 'filePath' of a()").inFile(src).onLine(4);
    assertThat(c).hadWarningContaining("[TW-URL-STRING] parameter 'callbackUrl' of b()").inFile(src).onLine(5);
  }

  @Test
  void urlStringsWithSafeUrlDoNotWarn() {
    JavaFileObject src = Compiler.source("T", IMPORTS, "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String b(@SafeUrl(hosts = \"*.example.org\") String callbackUrl) {",
        "    return \"\"; }",
        "  @McpTool(description = \"d\") public String c(@SafeUrl java.net.URL webhookUrl) { return \"\"; }", "}");
    assertThat(Compiler.compile(src)).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"int maxTokens", "long tokenCount", "String tokenizer", "String sortKey",
      "String keyword", "String tokenType", "String passwordPolicy", "int apiKeyLength", "String authorName",
      "String monkey", "String sessionId"})
  void ordinaryNamesAreNotCredentials(String parameter) {
    JavaFileObject src = Compiler.source("T", IMPORTS, "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String a(" + parameter + ") { return \"\"; }", "}");
    assertThat(Compiler.compile(src)).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"String token", "String bearerToken", "String refresh_token", "String idToken2",
      "String api_key", "String xApiKey", "char[] password", "byte[] privateKey", "List<String> accessTokens",
      "Map<String, String> cookies", "String clientSecret", "String jwt", "String authorization",
      "Optional<String> secret", "String AWS_SECRET_ACCESS_KEY", "@dev.toolwarden.Nullable String passwd",
      "String sshKey", "String gpg_key", "String deployKey"})
  void credentialArgumentsFailTheBuild(String parameter) {
    JavaFileObject src = Compiler.source("T", IMPORTS, "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String a(" + parameter + ") { return \"\"; }", "}");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(parameter.startsWith("char[]") ? "[TW-TYPE]" : "[TW-TOKEN-PASSTHROUGH]")
        .inFile(src).onLine(4);
  }

  @Test
  void waiverSilencesOneRuleOnOneElementAndIsListedInTheManifest() throws IOException {
    JavaFileObject src = Compiler.source("T", IMPORTS, "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String a(",
        "      @Waive(rule = \"TW-TOKEN-PASSTHROUGH\", reason = \"a CSRF nonce, not a credential\") String token,",
        "      String secret) { return \"\"; }",
        "}");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("parameter 'secret' of a()").inFile(src).onLine(6);

    JavaFileObject ok = Compiler.source("T", IMPORTS, "@RequiresScope(\"s\") public class T {",
        "  @McpTool(description = \"d\") public String a(",
        "      @Waive(rule = \"TW-TOKEN-PASSTHROUGH\", reason = \"a CSRF nonce, not a credential\") String token)",
        "      { return \"\"; }",
        "}");
    Compilation built = Compiler.compile(ok);
    assertThat(built).succeededWithoutWarnings();
    String manifest = manifest(built);
    assertTrue(manifest.contains("\"element\": \"test.T#a()/token\""), manifest);
    assertTrue(manifest.contains("\"rule\": \"TW-TOKEN-PASSTHROUGH\""), manifest);
    assertTrue(manifest.contains("\"reason\": \"a CSRF nonce, not a credential\""), manifest);
  }

  @Test
  void manifestListsEveryToolWithItsPolicyAndSchemaHashes() throws IOException {
    Compilation c = Compiler.compile(Compiler.fixture("dev.toolwarden.fixtures.FileTools"),
        Compiler.fixture("dev.toolwarden.fixtures.OrderTools"));
    assertThat(c).succeeded();
    String manifest = manifest(c);
    assertEquals(manifest, manifest(Compiler.compile(Compiler.fixture("dev.toolwarden.fixtures.OrderTools"),
        Compiler.fixture("dev.toolwarden.fixtures.FileTools"))), "manifest depends on source order");
    for (String expected : List.of("\"delete\": {", "\"find_orders\": {", "\"read_file\": {",
        "\"class\": \"dev.toolwarden.fixtures.FileTools\"", "\"method\": \"readFile\"",
        "\"scopes\": [\n        \"files:read\"\n      ]", "\"permits\": 60", "\"windowMillis\": 60000",
        "\"root\": \"workspace\"", "\"/input/customerEmail\"", "\"/output/result/*/cardNumber\"",
        "\"inputSchemaSha256\": \"", "\"outputSchemaSha256\": \"")) {
      assertTrue(manifest.contains(expected), "missing " + expected + " in\n" + manifest);
    }
    assertTrue(manifest.indexOf("\"delete\"") < manifest.indexOf("\"find_orders\"")
        && manifest.indexOf("\"find_orders\"") < manifest.indexOf("\"read_file\""), "tools are sorted by name");
  }

  @Test
  void manifestListsEveryGuardedUrlWithItsRule() throws IOException {
    Compilation c = Compiler.compile(Compiler.fixture("dev.toolwarden.fixtures.UrlTools"));
    assertThat(c).succeededWithoutWarnings();
    String manifest = manifest(c);
    String fetch = manifest.substring(manifest.indexOf("\"fetch_page\": {"), manifest.indexOf("\"register_hooks\": {"));
    String register = manifest.substring(manifest.indexOf("\"register_hooks\": {"));
    for (String expected : List.of("\"safeUrls\": [", "\"pointer\": \"/input/page\"", "\"docs.example.com\"",
        "\"*.example.org\"", "8443", "\"allowPrivate\": false")) {
      assertTrue(fetch.contains(expected), "missing " + expected + " in\n" + fetch);
    }
    for (String expected : List.of("\"pointer\": \"/input/hooks/*/target\"", "\"pointer\": \"/input/mirror\"",
        "\"allowPrivate\": true")) {
      assertTrue(register.contains(expected), "missing " + expected + " in\n" + register);
    }
  }

  private static String manifest(Compilation c) throws IOException {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", ManifestWriter.PATH).orElseThrow()
        .getCharContent(false).toString();
  }
}
