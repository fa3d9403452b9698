package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds each MCP session id to the principal whose request created it, and ends sessions after an
 * idle time and an absolute lifetime. A session id is never authentication: every request still
 * carries a verified token (with OAuth), and the session must belong to that token's principal.
 *
 * <p>Sessions are bounded, because each one holds memory in the SDK: a principal keeps at most
 * {@code perPrincipal} sessions (binding one more forgets its least recently used one, so a
 * client that leaks sessions only ever hurts itself), and the server at most {@code total}
 * ({@link #isFull()}: new sessions are refused until some expire). Every session this class
 * forgets (expired, evicted) is returned to the caller, which must close it in the SDK too.
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

  /** Sessions one principal may hold at once unless configured otherwise. */
  public static final int DEFAULT_PER_PRINCIPAL = 64;
  /** Sessions the whole server may hold at once unless configured otherwise. */
  public static final int DEFAULT_TOTAL = 10_000;

  private static final long SWEEP_EVERY_MILLIS = 60_000;

  private final long idleMillis;
  private final long maxMillis;
  private final int perPrincipal;
  private final int total;
  private final Clock clock;
  private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
  private volatile long lastSweep;
  private long bound;

  private static final class Binding {
    final String principal;
    final long created;
    final long order; // breaks ties between sessions seen in the same millisecond
    volatile long lastSeen;

    Binding(String principal, long now, long order) {
      this.principal = principal;
      this.created = now;
      this.order = order;
      this.lastSeen = now;
    }
  }

  /** Bindings with the default bounds ({@link #DEFAULT_PER_PRINCIPAL}, {@link #DEFAULT_TOTAL}). */
  public SessionBindings(Duration idleTimeout, Duration maxLifetime, Clock clock) {
    this(idleTimeout, maxLifetime, DEFAULT_PER_PRINCIPAL, DEFAULT_TOTAL, clock);
  }

  /** Bindings with explicit bounds on the sessions of one principal and of the whole server. */
  public SessionBindings(Duration idleTimeout, Duration maxLifetime, int perPrincipal, int total, Clock clock) {
    if ((idleTimeout.isNegative() || idleTimeout.isZero()) || (maxLifetime.isNegative() || maxLifetime.isZero())) {
      throw new IllegalArgumentException("session timeouts must be positive");
    }
    if (perPrincipal < 1 || total < perPrincipal) {
      throw new IllegalArgumentException("session bounds must be positive, the total at least the per-principal one");
    }
    this.idleMillis = idleTimeout.toMillis();
    this.maxMillis = maxLifetime.toMillis();
    this.perPrincipal = perPrincipal;
    this.total = total;
    this.clock = clock;
    this.lastSweep = clock.millis();
  }

  /** The idle time after which a session ends. */
  public Duration idleTimeout() {
    return Duration.ofMillis(idleMillis);
  }

  /**
   * Binds a new session id to {@code principalKey} (see {@link VerifiedToken#principalKey()}).
   *
   * @return the sessions forgotten to make room or because they expired: close them in the SDK
   */
  public synchronized List<String> bind(String sessionId, String principalKey) {
    long now = clock.millis();
    List<String> forgotten = sweep(now, false);
    if (bindings.putIfAbsent(sessionId, new Binding(principalKey, now, bound++)) != null) {
      return forgotten; // already bound (ids are random UUIDs: never in practice)
    }
    List<Map.Entry<String, Binding>> others = new ArrayList<>();
    for (Map.Entry<String, Binding> e : bindings.entrySet()) {
      if (e.getValue().principal.equals(principalKey) && !e.getKey().equals(sessionId)) {
        others.add(e);
      }
    }
    int excess = others.size() + 1 - perPrincipal;
    if (excess > 0) {
      others.sort(Comparator.comparingLong((Map.Entry<String, Binding> e) -> e.getValue().lastSeen)
          .thenComparingLong(e -> e.getValue().order));
      for (Map.Entry<String, Binding> e : others.subList(0, excess)) {
        if (bindings.remove(e.getKey(), e.getValue())) {
          forgotten.add(e.getKey());
        }
      }
    }
    return forgotten;
  }

  /** Checks a presented session id against the principal of the request. */
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

  /**
   * Whether the server holds its maximum number of sessions, after forgetting the expired ones
   * (returned through {@code forgotten}, to be closed in the SDK).
   */
  public synchronized boolean isFull(List<String> forgotten) {
    forgotten.addAll(sweep(clock.millis(), true));
    return bindings.size() >= total;
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

  private List<String> sweep(long now, boolean force) {
    List<String> expired = new ArrayList<>();
    if (!force && now - lastSweep < SWEEP_EVERY_MILLIS) {
      return expired;
    }
    lastSweep = now;
    for (Map.Entry<String, Binding> e : bindings.entrySet()) {
      if (expired(e.getValue(), now) && bindings.remove(e.getKey(), e.getValue())) {
        expired.add(e.getKey());
      }
    }
    return expired;
  }
}
