package dev.toolwarden.runtime.internal.http;

import java.util.List;
import java.util.Locale;

/**
 * Reads a request's {@code Content-Type} the way RFC 9110 §8.3 writes it: {@code type/subtype}
 * then {@code ; name=value} parameters, each value a token or a quoted-string.
 *
 * <p>JSON text exchanged between systems is UTF-8 (RFC 8259 §8.1), and the SDK decodes a body with
 * whatever charset the request declares; so a declared charset other than UTF-8 would let the
 * SDK read different characters than every check in front of it. Such requests are refused.
 */
final class JsonMediaType {

  private JsonMediaType() {}

  /**
   * Null when the {@code Content-Type} header values declare no charset, or exactly one that is
   * UTF-8 (any case, quoted or not); else the reason to refuse the request with 415.
   */
  static String charsetProblem(List<String> values) {
    if (values.size() > 1) {
      return "Unsupported media type: send exactly one Content-Type header";
    }
    if (values.isEmpty()) {
      return null;
    }
    String value = values.get(0);
    int semicolon = value.indexOf(';');
    int charsets = 0;
    int i = semicolon < 0 ? value.length() : semicolon;
    while (i < value.length()) {
      // at a ';': parse one parameter
      i = skipSpaces(value, i + 1);
      int eq = value.indexOf('=', i);
      if (eq < 0) {
        if (value.substring(i).isBlank()) {
          break; // a trailing ';' is harmless
        }
        return "Unsupported media type: malformed Content-Type parameters";
      }
      String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder parameter = new StringBuilder();
      int j = eq + 1;
      if (j < value.length() && value.charAt(j) == '"') {
        j++;
        while (j < value.length() && value.charAt(j) != '"') {
          if (value.charAt(j) == '\\' && j + 1 < value.length()) {
            j++;
          }
          parameter.append(value.charAt(j++));
        }
        if (j >= value.length()) {
          return "Unsupported media type: malformed Content-Type parameters";
        }
        j = skipSpaces(value, j + 1);
        if (j < value.length() && value.charAt(j) != ';') {
          return "Unsupported media type: malformed Content-Type parameters";
        }
      } else {
        int end = value.indexOf(';', j);
        end = end < 0 ? value.length() : end;
        parameter.append(value, j, end);
        j = end;
      }
      if (name.equals("charset")) {
        charsets++;
        if (!parameter.toString().trim().equalsIgnoreCase("utf-8")) {
          return "Unsupported media type: JSON must be sent as UTF-8";
        }
      }
      i = j;
    }
    return charsets > 1 ? "Unsupported media type: declare the charset once" : null;
  }

  /** Whether the media type (parameters aside) is {@code application/json}, as the SDK requires. */
  static boolean isJson(String value) {
    if (value == null) {
      return false;
    }
    int semicolon = value.indexOf(';');
    String type = semicolon < 0 ? value : value.substring(0, semicolon);
    return type.trim().equalsIgnoreCase("application/json");
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
