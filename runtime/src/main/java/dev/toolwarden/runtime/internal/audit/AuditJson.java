package dev.toolwarden.runtime.internal.audit;

import dev.toolwarden.runtime.audit.AuditEvent;

import java.util.List;
import java.util.Map;

/** The JSON line of an {@link AuditEvent}: fixed field order, every string scrubbed, bounded and escaped. */
public final class AuditJson {

  private AuditJson() {}

  public static String write(AuditEvent e) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"time\":");
    string(b, e.time().toString(), 64);
    b.append(",\"outcome\":");
    string(b, e.outcome().wireName(), 64);
    b.append(",\"tool\":");
    string(b, e.tool(), 128);
    b.append(",\"principal\":");
    string(b, e.principal(), 256);
    b.append(",\"client\":");
    string(b, e.client(), 256);
    b.append(",\"session\":");
    string(b, e.session(), 64);
    b.append(",\"reason\":");
    string(b, e.reason(), AuditEvent.MAX_TEXT);
    b.append(",\"durationMs\":");
    if (e.durationNanos() < 0) {
      b.append("null");
    } else {
      long micros = e.durationNanos() / 1000;
      b.append(micros / 1000).append('.');
      String frac = Long.toString(micros % 1000);
      b.append("000", 0, 3 - frac.length()).append(frac);
    }
    b.append(",\"arguments\":");
    value(b, e.arguments(), 0);
    if (e.action() != null) {
      b.append(",\"action\":");
      string(b, e.action(), 64);
    }
    if (e.target() != null) {
      b.append(",\"target\":");
      string(b, e.target(), 256);
    }
    if (e.ref() != null) {
      b.append(",\"ref\":");
      string(b, e.ref(), 64);
    }
    if (e.remote() != null) {
      b.append(",\"remote\":");
      string(b, e.remote(), 64);
    }
    return b.append('}').toString();
  }

  private static void value(StringBuilder b, Object v, int depth) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s, ArgumentRedactor.MAX_STRING);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
        || v instanceof Byte || v instanceof java.math.BigInteger || v instanceof java.math.BigDecimal) {
      b.append(v);
    } else if (v instanceof Double d && Double.isFinite(d) || v instanceof Float f && Float.isFinite(f)) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (depth >= ArgumentRedactor.MAX_DEPTH) {
        b.append("\"…\"");
        return;
      }
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        string(b, String.valueOf(entry.getKey()), 128);
        b.append(':');
        value(b, entry.getValue(), depth + 1);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      if (depth >= ArgumentRedactor.MAX_DEPTH) {
        b.append("\"…\"");
        return;
      }
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        value(b, l.get(i), depth + 1);
      }
      b.append(']');
    } else {
      string(b, v.toString(), ArgumentRedactor.MAX_STRING);
    }
  }

  /** A JSON string: scrubbed of tokens, cut at {@code max} characters, every control character escaped. */
  static void string(StringBuilder b, String s, int max) {
    if (s == null) {
      b.append("null");
      return;
    }
    String text = LogScrubber.scrub(s);
    boolean cut = text.length() > max;
    int end = cut ? max : text.length();
    if (cut && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    b.append('"');
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
              || (Character.isSurrogate(c) && !pairedAt(text, i))) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    if (cut) {
      b.append('…');
    }
    b.append('"');
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
