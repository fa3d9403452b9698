package dev.toolwarden.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.internal.auth.ResourceServerAccess;
import dev.toolwarden.runtime.internal.auth.ResourceServerOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceServerConfigTest {

  private static final String ISSUER = "https://id.example.com/realms/acme";
  private static final String RESOURCE = "https://mcp.example.com/mcp";

  private final Map<String, String> props = new HashMap<>();
  private final Map<String, String> env = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final Config config = new Config(props::get, env::get, new KeyWarnings(warnings::add));

  private void oauthOn() {
    env.put("TOOLWARDEN_OAUTH_ISSUER", ISSUER);
    env.put("TOOLWARDEN_OAUTH_RESOURCE", RESOURCE);
  }

  @Test
  void noIssuerMeansNoOAuth() {
    env.put("TOOLWARDEN_OAUTH_RESOURCE", RESOURCE);
    assertTrue(ResourceServerConfig.read(config).isEmpty());
  }

  @Test
  void everyOAuthSettingIsRead() {
    oauthOn();
    env.put("TOOLWARDEN_OAUTH_MODE", "Introspection");
    env.put("TOOLWARDEN_OAUTH_JWKS_URI", "https://id.example.com/jwks");
    env.put("TOOLWARDEN_OAUTH_INTROSPECTION_ENDPOINT", "https://id.example.com/introspect");
    env.put("TOOLWARDEN_OAUTH_AUTHORIZATION_SERVERS", "https://a.example, https://b.example");
    env.put("TOOLWARDEN_OAUTH_CLOCK_SKEW", "PT10S");
    env.put("TOOLWARDEN_OAUTH_INTROSPECTION_CACHE", "0s");
    env.put("TOOLWARDEN_OAUTH_SESSION_IDLE", "5m");
    env.put("TOOLWARDEN_OAUTH_SESSION_MAX", "1d");
    env.put("TOOLWARDEN_OAUTH_REQUIRED_SCOPES", "mcp:use,mcp:admin");
    env.put("TOOLWARDEN_OAUTH_FILTER_TOOLS", "false");
    ResourceServer rs = ResourceServerConfig.read(config).orElseThrow();
    ResourceServerOptions o = ResourceServerAccess.options(rs);
    assertEquals(ResourceServer.Mode.INTROSPECTION, rs.mode());
    assertEquals(ISSUER, rs.issuer());
    assertEquals(RESOURCE, rs.resource());
    assertEquals(URI.create("https://id.example.com/jwks"), o.jwksUri());
    assertEquals(URI.create("https://id.example.com/introspect"), o.introspectionEndpoint());
    assertEquals(List.of("https://a.example", "https://b.example"), rs.authorizationServers());
    assertEquals(Duration.ofSeconds(10), rs.clockSkew());
    assertEquals(Duration.ZERO, o.introspectionCacheTtl());
    assertEquals(Duration.ofMinutes(5), rs.sessionIdleTimeout());
    assertEquals(Duration.ofDays(1), rs.sessionMaxLifetime());
    assertEquals(List.of("mcp:use", "mcp:admin"), rs.requiredScopes());
    assertFalse(rs.filterToolsList());
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void oldSpellingsStillWorkWithAWarningEach() {
    props.put("toolwarden.oauth.issuer", ISSUER);
    props.put("toolwarden.oauth.resource", RESOURCE);
    props.put("toolwarden.oauth.clock.skew", "45s");
    props.put("toolwarden.oauth.filter.tools", "false");
    ResourceServer rs = ResourceServerConfig.read(config).orElseThrow();
    assertEquals(Duration.ofSeconds(45), rs.clockSkew());
    assertFalse(rs.filterToolsList());
    assertEquals(2, warnings.size(), warnings.toString());
  }

  @Test
  void defaultsWhenOnlyIssuerAndResourceAreSet() {
    oauthOn();
    ResourceServer rs = ResourceServerConfig.read(config).orElseThrow();
    assertEquals(ResourceServer.Mode.JWT, rs.mode());
    assertEquals(ResourceServer.DEFAULT_CLOCK_SKEW, rs.clockSkew());
    assertEquals(List.of(ISSUER), rs.authorizationServers());
    assertTrue(rs.filterToolsList());
  }

  @Test
  void aMissingResourceNamesBothKeys() {
    env.put("TOOLWARDEN_OAUTH_ISSUER", ISSUER);
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, () -> ResourceServerConfig.read(config));
    assertTrue(e.getMessage().startsWith("missing toolwarden.oauth.resource / TOOLWARDEN_OAUTH_RESOURCE:"
        + " TOOLWARDEN_OAUTH_ISSUER is set"), e.getMessage());
  }

  @Test
  void aValueTheResourceServerRefusesIsAStartupErrorNamingTheKey() {
    oauthOn();
    env.put("TOOLWARDEN_OAUTH_CLOCK_SKEW", "10m");
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, () -> ResourceServerConfig.read(config));
    assertEquals("invalid toolwarden.oauth.clock-skew / TOOLWARDEN_OAUTH_CLOCK_SKEW = '10m': clock skew must be"
        + " between 0 and 5m; accepted: " + Durations.ACCEPTED, e.getMessage());

    env.put("TOOLWARDEN_OAUTH_CLOCK_SKEW", "30s");
    env.put("TOOLWARDEN_OAUTH_SESSION_IDLE", "0s");
    e = assertThrows(ToolwardenStartupException.class, () -> ResourceServerConfig.read(config));
    assertTrue(e.getMessage().startsWith("invalid toolwarden.oauth.session-idle / TOOLWARDEN_OAUTH_SESSION_IDLE = '0s':"
        + " the session idle timeout must be positive"), e.getMessage());
  }

  @Test
  void malformedValuesAreStartupErrorsNeverSilentDefaults() {
    oauthOn();
    for (String[] bad : new String[][] {
        {"TOOLWARDEN_OAUTH_FILTER_TOOLS", "yes", "toolwarden.oauth.filter-tools"},
        {"TOOLWARDEN_OAUTH_MODE", "opaque", "toolwarden.oauth.mode"},
        {"TOOLWARDEN_OAUTH_JWKS_URI", "file:///etc/jwks", "toolwarden.oauth.jwks-uri"},
        {"TOOLWARDEN_OAUTH_SESSION_MAX", "30", "toolwarden.oauth.session-max"},
        {"TOOLWARDEN_OAUTH_REQUIRED_SCOPES", ",", "toolwarden.oauth.required-scopes"}}) {
      Map<String, String> e2 = new HashMap<>(env);
      e2.put(bad[0], bad[1]);
      Config c = new Config(props::get, e2::get, new KeyWarnings(warnings::add));
      ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, () -> ResourceServerConfig.read(c), bad[0]);
      assertTrue(e.getMessage().startsWith("invalid " + bad[2] + " / " + bad[0] + " = '" + bad[1] + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("; accepted: "), e.getMessage());
    }
  }
}
