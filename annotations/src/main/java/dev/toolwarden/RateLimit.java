package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often a tool may be called: {@code permits} calls per window, as a token
 * bucket refilled smoothly. On a class it applies to each tool of the class separately.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimit {

  /** Calls admitted per window; must be positive. */
  int permits();

  /**
   * The window, in the duration grammar of every Toolwarden setting: a whole number and a unit,
   * {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} (e.g. {@code "1m"}, {@code "30s"}),
   * or ISO-8601 (e.g. {@code "PT0.25S"}); positive, whole milliseconds, at most {@code 365d}.
   * Checked at compile time.
   */
  String per();

  /** Whose budget a call spends. */
  Key key() default Key.PRINCIPAL;

  /** Budget owners. */
  enum Key {
    /** One budget per authenticated principal (anonymous callers share one). */
    PRINCIPAL,
    /** One budget per MCP session. */
    SESSION,
    /** One budget for all callers. */
    GLOBAL
  }
}
