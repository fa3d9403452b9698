package dev.toolwarden.processor.secrets;

import java.util.List;

/**
 * {@code TW-SECRET-PRIVATE-KEY}: a PEM or PGP private key block with a body: {@code -----BEGIN <label>-----} where the
 * label ends in {@code PRIVATE KEY} (RSA, EC, DSA, OPENSSH, ENCRYPTED, plain PKCS#8, …) or is {@code PGP PRIVATE KEY
 * BLOCK}, followed (after optional {@code Name: value} header lines) by at least {@value #MIN_BODY} base64 characters
 * with some entropy. A header alone (as in a parser's constant) is not a finding. Hand-written matcher: the label is
 * read within 64 characters, the body within a bounded window, and the end marker searched within
 * {@value #END_WINDOW} characters.
 */
final class PrivateKeyRule extends SecretRule {
  private static final String BEGIN = "-----BEGIN ";
  private static final String DASHES = "-----";
  private static final int MIN_BODY = 64;
  private static final int END_WINDOW = 16_384;

  PrivateKeyRule() {
    super("TW-SECRET-PRIVATE-KEY", "PEM/PGP private key block", "PRIVATE_KEY_FILE");
  }

  @Override
  public List<String> keywords() {
    return List.of(BEGIN);
  }

  @Override
  public void find(String text, String contextName, List<SecretFinding> out) {
    int len = text.length();
    int from = 0;
    int hit;
    // the next "-----END " at or after endSearchFrom (-1: none), shared by all candidates so the search is linear
    int endSearchFrom = -1;
    int nextEnd = -1;
    while ((hit = text.indexOf(BEGIN, from)) >= 0) {
      from = hit + 1;
      int labelStart = hit + BEGIN.length();
      int p = labelStart;
      int labelLimit = Math.min(len, labelStart + 64);
      while (p < labelLimit && (Text.isAlnum(text.charAt(p)) || text.charAt(p) == ' ')) {
        p++;
      }
      if (!text.startsWith(DASHES, p)) {
        continue;
      }
      String label = text.substring(labelStart, p);
      if (!(label.endsWith("PRIVATE KEY") || label.equals("PGP PRIVATE KEY BLOCK"))) {
        continue;
      }
      int bodyStart = p + DASHES.length();
      int bodyEnd = body(text, bodyStart);
      if (bodyEnd < 0) {
        continue;
      }
      int end = bodyEnd;
      if (endSearchFrom < 0 || (nextEnd >= 0 && nextEnd < bodyEnd)) {
        endSearchFrom = bodyEnd;
        nextEnd = text.indexOf("-----END ", bodyEnd);
      }
      int endMarker = nextEnd >= bodyEnd && nextEnd - bodyEnd <= END_WINDOW ? nextEnd : -1;
      if (endMarker >= 0) {
        int close = indexOf(text, DASHES, endMarker + 9, Math.min(len, endMarker + 9 + 64));
        end = close >= 0 ? close + DASHES.length() : endMarker + 9;
      }
      report(text, hit, end, out);
      from = end;
    }
  }

  /** Returns the offset after {@value #MIN_BODY} base64 body characters, or -1 if there is no such body. */
  private static int body(String text, int start) {
    int len = text.length();
    int p = start;
    // optional "Name: value" header lines (Proc-Type, DEK-Info, Version, Comment), at most 8 of at most 256 chars
    for (int line = 0; line < 8; line++) {
      int q = skipSpace(text, p);
      int eol = q;
      int limit = Math.min(len, q + 256);
      boolean colon = false;
      while (eol < limit && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
        colon |= text.charAt(eol) == ':';
        eol++;
      }
      if (!colon || eol >= limit) {
        break;
      }
      p = eol;
    }
    int count = 0;
    int[] seen = new int[128];
    int distinct = 0;
    int limit = Math.min(len, p + 4 * MIN_BODY + 256);
    while (p < limit && count < MIN_BODY) {
      char c = text.charAt(p);
      if (Text.isAlnum(c) || c == '+' || c == '/' || c == '=') {
        if (seen[c]++ == 0) {
          distinct++;
        }
        count++;
        p++;
      } else if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
        p++;
      } else if (c == '\\' && p + 1 < len && (text.charAt(p + 1) == 'n' || text.charAt(p + 1) == 'r')) {
        p += 2; // an escaped newline kept as text
      } else {
        break;
      }
    }
    return count >= MIN_BODY && distinct >= 16 ? p : -1;
  }

  private static int skipSpace(String s, int p) {
    while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
      p++;
    }
    return p;
  }

  /** {@code indexOf} restricted to matches that start before {@code limit}. */
  static int indexOf(String s, String needle, int from, int limit) {
    char first = needle.charAt(0);
    for (int i = from; i < limit; i++) {
      if (s.charAt(i) == first && s.startsWith(needle, i)) {
        return i;
      }
    }
    return -1;
  }
}
