package dev.toolwarden.runtime.internal.audit;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials and {@code @Redact} values out of the framework's own log lines. Applied to
 * every audit field and to every log line of ours that carries request data (exceptions from
 * tool calls and HTTP requests). The OAuth filters use it too.
 *
 * <p>Recognised shapes: {@code Bearer …} / {@code Basic …} credentials, JWTs (three base64url
 * parts, the first starting {@code eyJ}), and {@code access_token=…}-style parameters. Each is
 * replaced by {@value #MASK}.
 */
public final class LogScrubber {

  public static final String MASK = "****";
  /** The most characters of one exception message {@link #describe} writes. */
  static final int MAX_MESSAGE = 2048;

  static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)\\b(bearer|basic|dpop)(\\s+|%20|\\+)[A-Za-z0-9\\-._~+/]+=*");
  static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{2,}(?:\\.[A-Za-z0-9_-]{2,}){1,4}(?:\\.[A-Za-z0-9_-]*)?");
  static final Pattern PARAMETER = Pattern.compile("(?i)\\b(access_token|id_token|refresh_token"
      + "|client_secret|client_assertion|api[_-]?key|password|authorization)([\"']?\\s*[=:]\\s*[\"']?)(?!(?i:bearer|basic|dpop)\\b)([^&\\s\"',;]+)");

  private LogScrubber() {}

  /** The text with token shapes masked; {@code null} stays {@code null}. */
  public static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    if (s.indexOf("eyJ") >= 0) {
      s = maskJwts(s);
    }
    // each pattern runs only where its keyword occurs: most audit fields (times, names, outcomes) hold none, and a
    // matcher per field was most of what the audit writer allocated
    if (containsAny(s, SCHEME_WORDS)) {
      s = AUTH_SCHEME.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
    }
    if (containsAny(s, PARAMETER_WORDS)) {
      s = PARAMETER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
    }
    return s;
  }

  /**
   * {@code JWT.matcher(s).replaceAll(MASK)} in linear time. The pattern alone is quadratic on text such as
   * {@code eyJeyJeyJ…} (every {@code eyJ} starts a scan to the end of the run that then fails): a client's 1 MB
   * {@code clientInfo} name took the audit writer minutes. A try that fails at an {@code eyJ} fails at every later one
   * of the same base64url run (they reach the same end of it, where a {@code .} and a part must follow), so the search
   * resumes after the run.
   */
  private static String maskJwts(String s) {
    Matcher m = JWT.matcher(s);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    int at;
    while ((at = s.indexOf("eyJ", from)) >= 0) {
      m.region(at, s.length());
      if (m.lookingAt()) {
        (out == null ? out = new StringBuilder(s.length()) : out).append(s, copied, at).append(MASK);
        copied = m.end();
        from = m.end();
      } else {
        from = endOfRun(s, at);
      }
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** The index after the run of base64url characters starting at {@code at}. */
  private static int endOfRun(String s, int at) {
    int i = at;
    while (i < s.length() && isBase64Url(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBase64Url(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  /** A word every match of {@link #AUTH_SCHEME} contains (ignoring ASCII case, as the pattern does). */
  private static final String[] SCHEME_WORDS = {"bearer", "basic", "dpop"};
  /** A word every match of {@link #PARAMETER} contains: each of its names holds one of these. */
  private static final String[] PARAMETER_WORDS = {"token", "secret", "assertion", "key", "password", "authorization"};

  /**
   * Whether {@code text} contains one of {@code words} (lower-case ASCII) ignoring ASCII case, which is all the
   * patterns' {@code (?i)} folds (no {@code UNICODE_CASE}), so a pattern match is never skipped (it may run where it
   * then finds nothing). One pass over the text, comparing a word only where its first letter stands: this runs on
   * every audit field, and a comparison at every position for every word was a quarter of the audit writer's time.
   */
  private static boolean containsAny(String text, String[] words) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      for (String word : words) {
        if (word.charAt(0) == lower && text.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The text with token shapes and each of the given secret values masked (values shorter than
   * 3 characters are left alone: masking every "a" would destroy the text and hide nothing).
   */
  public static String scrub(String text, Collection<String> secrets) {
    String s = scrub(text);
    if (s == null || secrets == null) {
      return s;
    }
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 3 && s.contains(secret)) {
        s = s.replace(secret, MASK);
      }
    }
    return s;
  }

  /** Escapes CR, LF and other control characters so a value cannot start a forged log line. */
  public static String escapeControl(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
      if (control && b == null) {
        b = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (b != null) {
        if (control) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? text : b.toString();
  }

  /**
   * A throwable rendered for a log line without its raw messages: class names, scrubbed and
   * escaped messages, stack frames, causes. Log this instead of the throwable itself when its
   * message may carry request data.
   */
  public static String describe(Throwable t, Collection<String> secrets) {
    StringBuilder b = new StringBuilder(512);
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Throwable cur = t;
    boolean first = true;
    while (cur != null && seen.add(cur) && seen.size() <= 8) {
      if (!first) {
        b.append("\n  Caused by: ");
      }
      first = false;
      b.append(cur.getClass().getName());
      if (cur.getMessage() != null) {
        String message = escapeControl(scrub(cur.getMessage(), secrets));
        // a message may quote what the client sent (a 4 MB argument): one log line stays bounded
        b.append(": ").append(message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…");
      }
      StackTraceElement[] frames = cur.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 24); i++) {
        b.append("\n    at ").append(frames[i]);
      }
      if (frames.length > 24) {
        b.append("\n    ... ").append(frames.length - 24).append(" more");
      }
      cur = cur.getCause();
    }
    return b.toString();
  }
}
