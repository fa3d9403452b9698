package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.VerifiedToken;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds each MCP session id to the principal (issuer and subject) whose token created it, and
 * ends sessions after an idle time and an absolute lifetime. A session id is never
 * authentication: every request still carries a verified token, and the session must belong to
 * that token's principal.
 */
public final class SessionBindings {

  /** The outcome of {@link #check}. */
  public enum Check {
    /** The session belongs to this principal and is alive (its idle timer restarts). */
    OWNED,
    /** The session belongs to another principal. */
    OTHER_PRINCIPAL,
    /** The session outlived its idle time or absolute lifetime; it is now forgotten. */
    EXPIRED,
    /** This server never bound the session id (or forgot it). */
    UNKNOWN
  }

  private static final long SWEEP_EVERY_MILLIS = 60_000;

  private final long idleMillis;
  private final long maxMillis;
  private final Clock clock;
  private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
  private volatile long lastSweep;

  private static final class Binding {
    final String principal;
    final long created;
    volatile long lastSeen;

    Binding(String principal, long now) {
      this.principal = principal;
      this.created = now;
      this.lastSeen = now;
    }
  }

  public SessionBindings(Duration idleTimeout, Duration maxLifetime, Clock clock) {
    if ((idleTimeout.isNegative() || idleTimeout.isZero()) || (maxLifetime.isNegative() || maxLifetime.isZero())) {
      throw new IllegalArgumentException("session timeouts must be positive");
    }
    this.idleMillis = idleTimeout.toMillis();
    this.maxMillis = maxLifetime.toMillis();
    this.clock = clock;
    this.lastSweep = clock.millis();
  }

  /** Binds a new session id to {@code principalKey} (see {@link VerifiedToken#principalKey()}). */
  public void bind(String sessionId, String principalKey) {
    long now = clock.millis();
    bindings.putIfAbsent(sessionId, new Binding(principalKey, now));
    sweep(now);
  }

  /** Checks a presented session id against the principal of the request's token. */
  public Check check(String sessionId, String principalKey) {
    long now = clock.millis();
    Binding b = bindings.get(sessionId);
    if (b == null) {
      return Check.UNKNOWN;
    }
    if (!b.principal.equals(principalKey)) {
      return Check.OTHER_PRINCIPAL; // the owner's session stays alive and untouched
    }
    if (expired(b, now)) {
      bindings.remove(sessionId, b);
      return Check.EXPIRED;
    }
    b.lastSeen = now;
    return Check.OWNED;
  }

  /** Forgets a session (the client ended it). */
  public void remove(String sessionId) {
    bindings.remove(sessionId);
  }

  /** How many sessions are bound (tests, metrics). */
  public int size() {
    return bindings.size();
  }

  private boolean expired(Binding b, long now) {
    return now - b.lastSeen > idleMillis || now - b.created > maxMillis;
  }

  private void sweep(long now) {
    if (now - lastSweep < SWEEP_EVERY_MILLIS) {
      return;
    }
    lastSweep = now;
    for (Iterator<Binding> it = bindings.values().iterator(); it.hasNext();) {
      if (expired(it.next(), now)) {
        it.remove();
      }
    }
  }
}
