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

  /** Why a binding ended. */
  public enum End {
    /** The client ended the session ({@link #remove}). */
    CLOSED,
    /** It outlived its idle time or its absolute lifetime. */
    EXPIRED,
    /** Forgotten to make room for a newer session of the same principal. */
    EVICTED
  }

  /** Told of every session this class forgets (telemetry: how long sessions live). */
  @FunctionalInterface
  public interface EndListener {
    /**
     * Session {@code sessionId} ended; called under this class's lock or on a request thread, so it must not block.
     *
     * @param tag what was bound with it ({@link #bind(String, String, String)}), or null
     * @param livedMillis from its binding to now
     */
    void ended(String sessionId, String tag, long livedMillis, End end);
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
  /** The one principal whose bound is the server's total (the local caller without OAuth), or null. */
  private volatile String sharedPrincipal;
  private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
  private volatile long lastSweep;
  private long bound;
  private volatile EndListener ends = (id, tag, lived, end) -> { };

  private static final class Binding {
    final String principal;
    final String tag;
    final long created;
    final long order; // breaks ties between sessions seen in the same millisecond
    volatile long lastSeen;

    Binding(String principal, String tag, long now, long order) {
      this.principal = principal;
      this.tag = tag;
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

  /**
   * Gives {@code principalKey} the server's total as its own bound: without OAuth every caller the server cannot tell
   * apart is that one principal, and its least recently used session makes room for its next. Every other principal
   * keeps the per-principal bound, so that one authenticated user cannot fill the server for the others.
   *
   * @return these bindings
   */
  public SessionBindings sharedPrincipal(String principalKey) {
    this.sharedPrincipal = principalKey;
    return this;
  }

  /** The idle time after which a session ends. */
  public Duration idleTimeout() {
    return Duration.ofMillis(idleMillis);
  }

  /** Tells {@code listener} of every session forgotten from now on (replacing the previous listener). */
  public void onEnd(EndListener listener) {
    this.ends = listener;
  }

  /**
   * Binds a new session id to {@code principalKey} (see {@link VerifiedToken#principalKey()}).
   *
   * @return the sessions forgotten to make room or because they expired: close them in the SDK
   */
  public List<String> bind(String sessionId, String principalKey) {
    return bind(sessionId, principalKey, null);
  }

  /**
   * Binds a new session id to {@code principalKey}, with a {@code tag} handed back to the {@link EndListener} when it
   * ends (the negotiated protocol version, for telemetry).
   *
   * @return the sessions forgotten to make room or because they expired: close them in the SDK
   */
  public synchronized List<String> bind(String sessionId, String principalKey, String tag) {
    long now = clock.millis();
    List<String> forgotten = sweep(now, false);
    if (bindings.putIfAbsent(sessionId, new Binding(principalKey, tag, now, bound++)) != null) {
      return forgotten; // already bound (ids are random UUIDs: never in practice)
    }
    List<Map.Entry<String, Binding>> others = new ArrayList<>();
    for (Map.Entry<String, Binding> e : bindings.entrySet()) {
      if (e.getValue().principal.equals(principalKey) && !e.getKey().equals(sessionId)) {
        others.add(e);
      }
    }
    int excess = others.size() + 1 - (principalKey.equals(sharedPrincipal) ? total : perPrincipal);
    if (excess > 0) {
      others.sort(Comparator.comparingLong((Map.Entry<String, Binding> e) -> e.getValue().lastSeen)
          .thenComparingLong(e -> e.getValue().order));
      for (Map.Entry<String, Binding> e : others.subList(0, excess)) {
        if (bindings.remove(e.getKey(), e.getValue())) {
          forgotten.add(e.getKey());
          ended(e.getKey(), e.getValue(), now, End.EVICTED);
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
      if (bindings.remove(sessionId, b)) {
        ended(sessionId, b, now, End.EXPIRED);
      }
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

  /** Forgets every expired session now, whenever the last sweep was; returns their ids. */
  public synchronized List<String> expire() {
    return sweep(clock.millis(), true);
  }

  /** Whether {@code sessionId} is bound (neither expired, evicted nor ended). */
  public boolean isBound(String sessionId) {
    return bindings.containsKey(sessionId);
  }

  /** Forgets a session (the client ended it). */
  public void remove(String sessionId) {
    Binding b = bindings.remove(sessionId);
    if (b != null) {
      ended(sessionId, b, clock.millis(), End.CLOSED);
    }
  }

  /** How many sessions are bound (tests, metrics). */
  public int size() {
    return bindings.size();
  }

  private void ended(String sessionId, Binding b, long now, End end) {
    try {
      ends.ended(sessionId, b.tag, Math.max(0, now - b.created), end);
    } catch (RuntimeException e) {
      // telemetry never stops a session from ending
    }
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
        ended(e.getKey(), e.getValue(), now, End.EXPIRED);
      }
    }
    return expired;
  }
}
