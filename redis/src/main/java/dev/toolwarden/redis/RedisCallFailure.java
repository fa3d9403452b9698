package dev.toolwarden.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Why one call to Redis gave no decision. The kind decides what the {@link OutageBreaker} makes of
 * it: a connection that is gone is an outage at once, while one slow answer (or one error reply)
 * on a busy host is not, until several come in a row.
 */
final class RedisCallFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as the breaker is concerned. */
  enum Kind {
    /** No connection: refused, reset, closed, or the handshake failed (e.g. a wrong password). */
    CONNECTION,
    /** Connected, but no answer within the timeout. */
    SLOW,
    /** Redis answered with an error (e.g. {@code OOM}, {@code READONLY}, {@code BUSY}). */
    ERROR_REPLY,
    /** The calling thread was interrupted (the server is stopping): says nothing about Redis. */
    INTERRUPTED
  }

  private final Kind kind;

  RedisCallFailure(Kind kind, Throwable cause) {
    super(describe(kind, cause), cause, false, false);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  /** Classifies what a Lettuce future failed with. */
  static RedisCallFailure of(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof InterruptedException) {
      return new RedisCallFailure(Kind.INTERRUPTED, t);
    }
    if (t instanceof TimeoutException || t instanceof RedisCommandTimeoutException) {
      return new RedisCallFailure(Kind.SLOW, t);
    }
    if (t instanceof RedisCommandExecutionException) {
      return new RedisCallFailure(Kind.ERROR_REPLY, t);
    }
    // RedisConnectionException, "Connection closed", ClosedChannelException, IOException, ...
    return new RedisCallFailure(Kind.CONNECTION, t);
  }

  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** {@code Class: message} of the cause chain (3 deep, messages cut); Lettuce's messages carry no credentials. */
  private static String describe(Kind kind, Throwable e) {
    if (kind == Kind.SLOW) {
      return "no answer within the timeout";
    }
    StringBuilder b = new StringBuilder();
    Throwable t = e;
    for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.length() > 160) {
        m = m.substring(0, 160) + "…";
      }
      b.append(depth == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(m == null ? "" : ": " + m);
    }
    return b.toString();
  }
}
