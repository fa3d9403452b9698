package dev.toolwarden.runtime.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionBindingsTest {

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-11-28T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private final SessionBindings sessions = new SessionBindings(Duration.ofMinutes(10), Duration.ofHours(1), clock);

  @Test
  void aSessionBelongsToItsPrincipalOnly() {
    sessions.bind("s1", "iss\u0000alice");
    assertEquals(SessionBindings.Check.OWNED, sessions.check("s1", "iss\u0000alice"));
    assertEquals(SessionBindings.Check.OTHER_PRINCIPAL, sessions.check("s1", "iss\u0000bob"));
    assertEquals(SessionBindings.Check.OTHER_PRINCIPAL, sessions.check("s1", "other-iss\u0000alice"));
    assertEquals(SessionBindings.Check.OWNED, sessions.check("s1", "iss\u0000alice"), "the owner keeps it");
    assertEquals(SessionBindings.Check.UNKNOWN, sessions.check("s2", "iss\u0000alice"));
  }

  @Test
  void idleSessionsExpireAndActivityKeepsThemAlive() {
    sessions.bind("s1", "alice");
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    assertEquals(SessionBindings.Check.OWNED, sessions.check("s1", "alice"));
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    assertEquals(SessionBindings.Check.OWNED, sessions.check("s1", "alice"));
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertEquals(SessionBindings.Check.EXPIRED, sessions.check("s1", "alice"));
    assertEquals(SessionBindings.Check.UNKNOWN, sessions.check("s1", "alice"));
  }

  @Test
  void busySessionsEndAfterTheirAbsoluteLifetime() {
    sessions.bind("s1", "alice");
    for (int i = 0; i < 6; i++) {
      clock.now = clock.now.plus(Duration.ofMinutes(9));
      assertEquals(SessionBindings.Check.OWNED, sessions.check("s1", "alice"));
    }
    clock.now = clock.now.plus(Duration.ofMinutes(9)); // 63 minutes after it started
    assertEquals(SessionBindings.Check.EXPIRED, sessions.check("s1", "alice"));
  }

  @Test
  void expiredSessionsAreSweptAndEndedOnesForgotten() {
    sessions.bind("s1", "alice");
    sessions.bind("s2", "bob");
    sessions.remove("s2");
    assertEquals(1, sessions.size());
    clock.now = clock.now.plus(Duration.ofMinutes(30));
    sessions.bind("s3", "carol"); // binding sweeps the expired ones
    assertEquals(1, sessions.size());
  }
}
