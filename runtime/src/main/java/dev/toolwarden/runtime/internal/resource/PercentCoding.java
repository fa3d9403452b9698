package dev.toolwarden.runtime.internal.resource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-coding of URI template values, UTF-8 and strict: unlike {@link java.net.URLDecoder} a {@code +}
 * stays a {@code +}, and malformed escapes or invalid UTF-8 are reported (as {@code null}) instead of replaced.
 */
final class PercentCoding {

  private PercentCoding() {}

  /** Percent-decodes {@code uri[from, to)} as UTF-8; null when malformed. */
  static String decode(String uri, int from, int to) {
    int percent = uri.indexOf('%', from);
    if (percent < 0 || percent >= to) {
      return uri.substring(from, to);
    }
    StringBuilder out = new StringBuilder(to - from);
    ByteBuffer bytes = ByteBuffer.allocate(to - from);
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int i = from;
    while (i < to) {
      char c = uri.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      bytes.clear();
      while (i < to && uri.charAt(i) == '%') {
        if (i + 3 > to) {
          return null; // '%' without two characters after it
        }
        int hi = hex(uri.charAt(i + 1));
        int lo = hex(uri.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.put((byte) (hi << 4 | lo));
        i += 3;
      }
      bytes.flip();
      try {
        out.append(utf8.decode(bytes));
      } catch (CharacterCodingException e) {
        return null;
      }
    }
    return out.toString();
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  static boolean isUnreserved(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
        || c == '~';
  }

  /** Unreserved characters (and {@code /} when {@code slash}) stay; everything else becomes {@code %XX} of UTF-8. */
  static String encode(String s, boolean slash) {
    StringBuilder b = new StringBuilder(s.length());
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (x >= 0 && (isUnreserved(c) || slash && c == '/')) {
        b.append(c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
