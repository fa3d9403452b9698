package dev.toolwarden.runtime.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void aPrincipalBeyondItsBoundLosesItsLeastRecentlyUsedSessions() {
    SessionBindings bounded = new SessionBindings(Duration.ofMinutes(10), Duration.ofHours(1), 2, 10, clock);
    assertTrue(bounded.bind("a1", "alice").isEmpty());
    bounded.bind("b1", "bob");
    clock.now = clock.now.plusSeconds(1);
    bounded.bind("a2", "alice");
    clock.now = clock.now.plusSeconds(1);
    assertEquals(SessionBindings.Check.OWNED, bounded.check("a1", "alice")); // a1 is now the most recent
    clock.now = clock.now.plusSeconds(1);
    assertEquals(java.util.List.of("a2"), bounded.bind("a3", "alice"));
    assertEquals(SessionBindings.Check.UNKNOWN, bounded.check("a2", "alice"));
    assertEquals(SessionBindings.Check.OWNED, bounded.check("a1", "alice"));
    assertEquals(SessionBindings.Check.OWNED, bounded.check("a3", "alice"));
    assertEquals(SessionBindings.Check.OWNED, bounded.check("b1", "bob"), "other principals are untouched");
  }

  @Test
  void theServerIsFullAtItsTotalUntilSessionsExpire() {
    SessionBindings bounded = new SessionBindings(Duration.ofMinutes(10), Duration.ofHours(1), 1, 2, clock);
    java.util.List<String> expired = new java.util.ArrayList<>();
    bounded.bind("a", "alice");
    assertFalse(bounded.isFull(expired));
    bounded.bind("b", "bob");
    assertTrue(bounded.isFull(expired));
    assertTrue(expired.isEmpty());
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertFalse(bounded.isFull(expired), "expired sessions make room");
    assertEquals(java.util.Set.of("a", "b"), java.util.Set.copyOf(expired), "and are handed back to be closed");
  }

  @Test
  void everyForgottenSessionIsReportedOnceWithItsTagHowLongItLivedAndWhy() {
    SessionBindings bounded = new SessionBindings(Duration.ofMinutes(10), Duration.ofHours(1), 2, 10, clock);
    java.util.List<String> ends = new java.util.ArrayList<>();
    bounded.onEnd((id, tag, lived, end) -> ends.add(id + " " + tag + " " + lived + " " + end));
    bounded.bind("closed", "alice", "2025-06-18");
    clock.now = clock.now.plus(Duration.ofSeconds(3));
    bounded.remove("closed");
    bounded.remove("closed"); // already gone: nothing more to report
    bounded.bind("old", "bob", "2025-03-26");
    bounded.bind("mid", "bob", null);
    clock.now = clock.now.plus(Duration.ofSeconds(1));
    bounded.bind("new", "bob", null); // bob's third: his least recently used one goes
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertEquals(SessionBindings.Check.EXPIRED, bounded.check("mid", "bob"));
    bounded.expire();
    assertEquals(java.util.List.of("closed 2025-06-18 3000 CLOSED", "old 2025-03-26 1000 EVICTED",
        "mid null 661000 EXPIRED", "new null 660000 EXPIRED"), ends);
  }

  /**
   * Without OAuth the local caller may hold the server's total (its oldest session makes room), but a user a container
   * authenticated keeps the per-principal bound: before, each such user could hold the total and so fill the server
   * for every other user.
   */
  @Test
  void onlyTheSharedLocalPrincipalMayHoldTheServersTotal() {
    SessionBindings bounded = new SessionBindings(Duration.ofMinutes(10), Duration.ofHours(1), 2, 5, clock)
        .sharedPrincipal("local");
    for (int i = 0; i < 5; i++) {
      assertTrue(bounded.bind("l" + i, "local").isEmpty(), "local session " + i);
    }
    assertEquals(java.util.List.of("l0"), bounded.bind("l5", "local"));
    SessionBindings users = new SessionBindings(Duration.ofMinutes(10), Duration.ofHours(1), 2, 5, clock)
        .sharedPrincipal("local");
    assertTrue(users.bind("b0", "local\u0000bob").isEmpty());
    assertTrue(users.bind("b1", "local\u0000bob").isEmpty());
    assertEquals(java.util.List.of("b0"), users.bind("b2", "local\u0000bob"));
    assertFalse(users.isFull(new java.util.ArrayList<>()));
  }
}
