package dev.toolwarden.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.http.HttpOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpConfigTest {

  private final Map<String, String> props = new HashMap<>();
  private final Map<String, String> env = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final Config config = new Config(props::get, env::get, new KeyWarnings(warnings::add));

  @Test
  void defaultsAreLoopback8080WithoutOAuthOrTls() {
    HttpOptions o = HttpConfig.read(config);
    assertEquals("127.0.0.1", o.host());
    assertEquals(8080, o.port());
    assertNull(o.oauth());
    assertNull(o.tls());
    assertFalse(o.isBehindTlsProxy());
    assertEquals(HttpOptions.DEFAULT_MAX_REQUEST_BYTES, o.maxRequestBytes());
  }

  @Test
  void everyHttpSettingIsRead() {
    env.put("TOOLWARDEN_HTTP_HOST", "0.0.0.0");
    env.put("TOOLWARDEN_HTTP_PORT", "8443");
    env.put("TOOLWARDEN_TLS_KEYSTORE", "/etc/mcp/keystore.p12");
    env.put("TOOLWARDEN_HTTP_BEHIND_TLS_PROXY", "true");
    env.put("TOOLWARDEN_HTTP_ALLOWED_ORIGINS", "https://app.example.com https://b.example.com");
    env.put("TOOLWARDEN_HTTP_MAX_REQUEST_SIZE", "1MiB");
    env.put("TOOLWARDEN_HTTP_MAX_HEADER_SIZE", "8KiB");
    env.put("TOOLWARDEN_OAUTH_ISSUER", "https://id.example.com");
    env.put("TOOLWARDEN_OAUTH_RESOURCE", "https://mcp.example.com/mcp");
    HttpOptions o = HttpConfig.read(config);
    assertEquals("0.0.0.0", o.host());
    assertEquals(8443, o.port());
    assertEquals(Path.of("/etc/mcp/keystore.p12"), o.tls().keystore());
    assertTrue(o.isBehindTlsProxy());
    assertEquals(List.of("https://app.example.com", "https://b.example.com"), o.allowedOrigins());
    assertEquals(1 << 20, o.maxRequestBytes());
    assertEquals(8 << 10, o.maxHeaderBytes());
    assertEquals("https://mcp.example.com/mcp", o.oauth().resource());
  }

  @Test
  void oldSpellingsOfHttpKeysStillWork() {
    props.put("toolwarden.http.behind.tls.proxy", "true");
    props.put("toolwarden.http.allowed.origins", "https://app.example.com");
    HttpOptions o = HttpConfig.read(config);
    assertTrue(o.isBehindTlsProxy());
    assertEquals(List.of("https://app.example.com"), o.allowedOrigins());
    assertEquals(2, warnings.size(), warnings.toString());
  }

  @Test
  void badValuesNameTheirKey() {
    Map<String, String> cases = Map.of(
        "TOOLWARDEN_HTTP_PORT", "65536",
        "TOOLWARDEN_HTTP_BEHIND_TLS_PROXY", "1",
        "TOOLWARDEN_HTTP_MAX_REQUEST_SIZE", "4MB",
        "TOOLWARDEN_HTTP_MAX_HEADER_SIZE", "512");
    cases.forEach((key, value) -> {
      Config c = new Config(k -> null, Map.of(key, value)::get, new KeyWarnings(warnings::add));
      ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, () -> HttpConfig.read(c), key);
      assertTrue(e.getMessage().contains(key + " = '" + value + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("; accepted: "), e.getMessage());
    });
  }
}
