package dev.toolwarden.runtime.internal.config;

import dev.toolwarden.runtime.ToolwardenStartupException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  private final Map<String, String> props = new HashMap<>();
  private final Map<String, String> env = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final KeyWarnings keyWarnings = new KeyWarnings(warnings::add);
  private final Config config = new Config(props::get, env::get, keyWarnings);

  @Test
  void builderValueWinsOverPropertyAndEnvironment() {
    config.set("http.port", "1");
    props.put("toolwarden.http.port", "2");
    env.put("TOOLWARDEN_HTTP_PORT", "3");
    assertEquals(1L, config.integer(Setting.HTTP_PORT).orElseThrow());
  }

  @Test
  void systemPropertyWinsOverEnvironment() {
    props.put("toolwarden.http.port", "2");
    env.put("TOOLWARDEN_HTTP_PORT", "3");
    assertEquals(2L, config.integer(Setting.HTTP_PORT).orElseThrow());
  }

  @Test
  void environmentNameIsUpperCaseWithUnderscores() {
    env.put("TOOLWARDEN_ROOT_MY_FILES", "/srv/files");
    assertEquals(Path.of("/srv/files"), config.path(Setting.ROOT, "my-files").orElseThrow());
    assertEquals("TOOLWARDEN_ROOT_MY_FILES", Setting.environmentName("root.my-files"));
    assertEquals("toolwarden.root.my-files", Setting.propertyName("root.my-files"));
    assertEquals("TOOLWARDEN_OAUTH_CLOCK_SKEW", Setting.OAUTH_CLOCK_SKEW.environmentName());
    assertEquals("toolwarden.oauth.clock-skew", Setting.OAUTH_CLOCK_SKEW.propertyName());
    assertEquals("TOOLWARDEN_ROOT_<NAME>", Setting.ROOT.environmentName());
  }

  @Test
  void blankValuesCountAsUnsetAndValuesAreTrimmed() {
    props.put("toolwarden.transport", "  ");
    env.put("TOOLWARDEN_TRANSPORT", " HTTP ");
    assertEquals("http", config.choice(Setting.TRANSPORT).orElseThrow());
    assertTrue(config.duration(Setting.OAUTH_CLOCK_SKEW).isEmpty());
  }

  @Test
  void malformedValueIsAStartupErrorNamingBothSpellingsTheValueAndTheAcceptedForms() {
    env.put("TOOLWARDEN_HTTP_PORT", "eighty");
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, () -> config.integer(Setting.HTTP_PORT));
    assertEquals("invalid toolwarden.http.port / TOOLWARDEN_HTTP_PORT = 'eighty': not a whole number;"
        + " accepted: a whole number from 0 to 65535", e.getMessage());

    props.put("toolwarden.oauth.clock-skew", "30 s");
    e = assertThrows(ToolwardenStartupException.class, () -> config.duration(Setting.OAUTH_CLOCK_SKEW));
    assertEquals("invalid toolwarden.oauth.clock-skew / TOOLWARDEN_OAUTH_CLOCK_SKEW = '30 s': not a duration; accepted: "
        + Durations.ACCEPTED, e.getMessage());
  }

  @Test
  void aBooleanIsTrueOrFalseAndNothingElse() {
    env.put("TOOLWARDEN_OAUTH_FILTER_TOOLS", "FALSE");
    assertFalse(config.flag(Setting.OAUTH_FILTER_TOOLS).orElseThrow());
    env.put("TOOLWARDEN_OAUTH_FILTER_TOOLS", "no");
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, () -> config.flag(Setting.OAUTH_FILTER_TOOLS));
    assertTrue(e.getMessage().contains("TOOLWARDEN_OAUTH_FILTER_TOOLS = 'no'"), e.getMessage());
    assertTrue(e.getMessage().endsWith("accepted: true or false (any letter case)"), e.getMessage());
  }

  @Test
  void aSecretValueIsNeverPrinted() {
    String url = "redis://:" + String.join("", "hunter", "2pw") + "@cache:6379 x";
    config.set("redis.url", url);
    ToolwardenStartupException e = config.invalid(Setting.REDIS_URL, "not usable");
    assertFalse(e.getMessage().contains("hunter2pw"), e.getMessage());
    assertTrue(e.getMessage().contains("toolwarden.redis.url / TOOLWARDEN_REDIS_URL = (value hidden: secret)"), e.getMessage());
  }

  @Test
  void controlCharactersInAValueDoNotBreakTheMessage() {
    props.put("toolwarden.http.port", "80\n81");
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, () -> config.integer(Setting.HTTP_PORT));
    assertTrue(e.getMessage().contains("'80?81'"), e.getMessage());
  }

  @Test
  void anOldSpellingIsReadAndWarnedOncePerProcess() {
    props.put("toolwarden.oauth.clock.skew", "10s");
    assertEquals(Duration.ofSeconds(10), config.duration(Setting.OAUTH_CLOCK_SKEW).orElseThrow());
    assertEquals(Duration.ofSeconds(10), config.duration(Setting.OAUTH_CLOCK_SKEW).orElseThrow());
    // another configuration of the same process: still no second warning
    Config other = new Config(props::get, env::get, keyWarnings);
    assertEquals(Duration.ofSeconds(10), other.duration(Setting.OAUTH_CLOCK_SKEW).orElseThrow());
    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals("configuration toolwarden.oauth.clock.skew is an old spelling of oauth.clock-skew: use"
        + " toolwarden.oauth.clock-skew / TOOLWARDEN_OAUTH_CLOCK_SKEW; the old spelling stops working in the next release",
        warnings.get(0));
    // another old key is warned on its own
    config.set("http.behind.tls.proxy", "true");
    assertTrue(config.flag(Setting.HTTP_BEHIND_TLS_PROXY).orElseThrow());
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(1).startsWith("configuration http.behind.tls.proxy is an old spelling of"
        + " http.behind-tls-proxy: use toolwarden.http.behind-tls-proxy"), warnings.get(1));
  }

  @Test
  void theNewSpellingWinsOverTheOldWithoutAWarning() {
    props.put("toolwarden.oauth.clock.skew", "10s");
    props.put("toolwarden.oauth.clock-skew", "20s");
    assertEquals(Duration.ofSeconds(20), config.duration(Setting.OAUTH_CLOCK_SKEW).orElseThrow());
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void aMalformedValueUnderAnOldSpellingNamesWhereItWasSet() {
    props.put("toolwarden.http.allowed.origins", " , ");
    config.set("http.allowed.origins", ",");
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> config.list(Setting.HTTP_ALLOWED_ORIGINS));
    assertTrue(e.getMessage().startsWith("invalid toolwarden.http.allowed-origins / TOOLWARDEN_HTTP_ALLOWED_ORIGINS = ','"
        + " (set as http.allowed.origins): no item in the list"), e.getMessage());
  }

  @Test
  void onlyListedKeysCanBeSetOrRead() {
    IllegalArgumentException set = assertThrows(IllegalArgumentException.class, () -> config.set("oauth.clockskew", "1s"));
    assertTrue(set.getMessage().contains("unknown configuration key 'oauth.clockskew'"), set.getMessage());
    assertThrows(IllegalArgumentException.class, () -> config.get("missing"));
    assertThrows(IllegalArgumentException.class, () -> config.set("root.", "/x"));
    assertTrue(config.get("root.workspace").isEmpty());
    // each setting is read by the reader of its type only
    assertThrows(IllegalStateException.class, () -> config.duration(Setting.HTTP_PORT));
  }

  @Test
  void applyTurnsAnOptionsRefusalIntoAStartupErrorNamingTheKey() {
    env.put("TOOLWARDEN_OAUTH_CLOCK_SKEW", "10m");
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> config.apply("x", Setting.OAUTH_CLOCK_SKEW, config::duration, (x, d) -> {
          throw new IllegalArgumentException("clock skew must be between 0 and 5m");
        }));
    assertTrue(e.getMessage().startsWith("invalid toolwarden.oauth.clock-skew / TOOLWARDEN_OAUTH_CLOCK_SKEW = '10m':"
        + " clock skew must be between 0 and 5m; accepted: a duration"), e.getMessage());
    assertEquals("y", config.apply("y", Setting.OAUTH_SESSION_IDLE, config::duration, (x, d) -> "changed"));
  }

  @Test
  void theUntypedReadersStillWorkForListedKeys() {
    env.put("TOOLWARDEN_REDIS_FAILURE_THRESHOLD", "5");
    assertEquals(5, config.getInt("redis.failure-threshold", 3));
    assertEquals(3, new Config(k -> null, k -> null, keyWarnings).getInt("redis.failure-threshold", 3));
    assertEquals("5", config.get("redis.failure-threshold").orElseThrow());
    props.put("toolwarden.grant.scopes", "a b");
    assertEquals("a b", config.get("grant-scopes").orElseThrow());
    assertEquals("a b", config.get("grant.scopes").orElseThrow());
  }
}
