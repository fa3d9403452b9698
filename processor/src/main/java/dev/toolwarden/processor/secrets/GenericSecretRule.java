package dev.toolwarden.processor.secrets;

import java.util.List;

/**
 * {@code TW-SECRET-GENERIC}: a high-entropy value given to a credential name. Two places are checked:
 *
 * <ul>
 *   <li>the whole literal, when the name it is assigned to, returned as, passed as or annotated with is a credential
 *       name ({@link CredentialNames#isCredentialName}: {@code apiToken}, {@code DB_PASSWORD}, {@code clientSecret};
 *       not {@code maxTokens}, {@code tokenizer}, {@code public_key}, {@code csrf_token}, …);
 *   <li>{@code name=value} and {@code name: value} pairs inside the literal (properties, JSON, YAML, query strings,
 *       JDBC options), when {@code name} is a credential name.
 * </ul>
 *
 * <p>The value must look random ({@link #looksRandom}): 10 to 256 characters, no whitespace, letters with digits or
 * symbols, not a URL, path, template or placeholder, and a Shannon entropy of at least {@code min(3.5, log2(length) -
 * 0.7)} bits per character ({@value #HEX_FLOOR} and 16+ characters for hex). Pre-filter: a credential name, or a
 * {@code =}/{@code :} plus a credential keyword in the text. Each separator costs at most 64 characters of look-back
 * and 256 of look-ahead.
 */
final class GenericSecretRule extends SecretRule {
  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 256;
  private static final double FLOOR = 3.5;
  private static final double HEX_FLOOR = 3.0;
  private static final String[] TEXT_KEYWORDS = {"pass", "pwd", "secret", "token", "key", "auth", "credential"};

  GenericSecretRule() {
    super("TW-SECRET-GENERIC", "high-entropy value assigned to a credential name", "API_SECRET");
  }

  @Override
  public List<String> keywords() {
    return List.of();
  }

  @Override
  public boolean needsContext() {
    return true;
  }

  @Override
  public boolean mightMatch(String text, String contextName) {
    if (CredentialNames.isCredentialName(contextName) && text.length() >= MIN_LENGTH) {
      return true;
    }
    if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
      return false;
    }
    for (String k : TEXT_KEYWORDS) {
      if (Text.containsIgnoreCase(text, k)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void find(String text, String contextName, List<SecretFinding> out) {
    int len = text.length();
    if (CredentialNames.isCredentialName(contextName)) {
      int s = 0;
      int e = len;
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      s = skipAuthScheme(text, s, e);
      if (looksRandom(text, s, e)) {
        report(text, s, e, out);
        return;
      }
    }
    // the last name examined and the decision, so a repeated key (a=1&a=2…) is analysed once
    int lastNameStart = -1;
    int lastNameLength = 0;
    boolean lastNameCredential = false;
    for (int i = 0; i < len; i++) {
      char sep = text.charAt(i);
      if (sep != '=' && sep != ':') {
        continue;
      }
      if (sep == ':' && text.startsWith("//", i + 1)) {
        continue; // a URL scheme
      }
      // the name before the separator, optionally quoted and followed by spaces: password = x, "password": "x"
      int ne = i;
      while (ne > 0 && i - ne < 4 && (text.charAt(ne - 1) == ' ' || text.charAt(ne - 1) == '"'
          || text.charAt(ne - 1) == '\'')) {
        ne--;
      }
      int ns = ne;
      while (ns > 0 && ne - ns < 64 && isNameChar(text.charAt(ns - 1))) {
        ns--;
      }
      if (ns == ne || (ns > 0 && isNameChar(text.charAt(ns - 1)))) {
        continue;
      }
      if (ne - ns < 3) {
        continue;
      }
      boolean credential;
      if (lastNameStart >= 0 && lastNameLength == ne - ns
          && text.regionMatches(lastNameStart, text, ns, lastNameLength)) {
        credential = lastNameCredential;
      } else {
        credential = hasKeyword(text, ns, ne) && CredentialNames.isCredentialName(text.substring(ns, ne));
        lastNameStart = ns;
        lastNameLength = ne - ns;
        lastNameCredential = credential;
      }
      if (!credential) {
        continue;
      }
      int vs = i + 1;
      while (vs < len && vs - i < 8 && (text.charAt(vs) == ' ' || text.charAt(vs) == '"'
          || text.charAt(vs) == '\'')) {
        vs++;
      }
      int limit = Math.min(len, vs + MAX_LENGTH + 1);
      vs = skipAuthScheme(text, vs, limit);
      int ve = vs;
      while (ve < limit && !isValueEnd(text.charAt(ve))) {
        ve++;
      }
      if (ve >= limit && limit < len) {
        i = ve - 1;
        continue; // over-long value
      }
      if (looksRandom(text, vs, ve)) {
        report(text, vs, ve, out);
        i = ve - 1;
      }
    }
  }

  /** Cheap check before the name analysis: does {@code text[start, end)} contain a credential keyword? */
  private static boolean hasKeyword(String text, int start, int end) {
    for (String k : TEXT_KEYWORDS) {
      int n = k.length();
      for (int i = start; i + n <= end; i++) {
        if (text.regionMatches(true, i, k, 0, n)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True for dotted or dashed identifiers such as {@code spring.security.oauth2.client-secret}: two or more
   * separators, and every segment a word (letters, optionally followed by digits).
   */
  static boolean isDottedIdentifier(String s, int start, int end) {
    int separators = 0;
    int i = start;
    while (i < end) {
      int segStart = i;
      while (i < end && Text.isAsciiLetter(s.charAt(i))) {
        i++;
      }
      int letters = i - segStart;
      while (i < end && Text.isDigit(s.charAt(i))) {
        i++;
      }
      if (letters == 0) {
        return false;
      }
      if (i < end) {
        char c = s.charAt(i);
        if (c != '.' && c != '-' && c != '_') {
          return false;
        }
        separators++;
        i++;
      }
    }
    return separators >= 2;
  }

  /** Skips a leading {@code Bearer }, {@code Basic } or {@code Token } authorisation scheme. */
  private static int skipAuthScheme(String text, int s, int e) {
    for (String scheme : new String[] {"Bearer ", "bearer ", "Basic ", "basic ", "Token ", "token "}) {
      if (text.startsWith(scheme, s) && s + scheme.length() < e) {
        return s + scheme.length();
      }
    }
    return s;
  }

  private static boolean isNameChar(char c) {
    return Text.isAlnum(c) || c == '_' || c == '-' || c == '.';
  }

  private static boolean isValueEnd(char c) {
    return c <= ' ' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '&' || c == '}' || c == ')'
        || c == ']' || c == '<' || c == '>' || c == '`';
  }

  /** True if {@code s[start, end)} looks like a random secret rather than a word, identifier, URL or template. */
  static boolean looksRandom(String s, int start, int end) {
    int n = end - start;
    if (n < MIN_LENGTH || n > MAX_LENGTH) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    boolean symbol = false;
    boolean hexOnly = true;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        return false;
      }
      if (Text.isAsciiLetter(c)) {
        letter = true;
      } else if (Text.isDigit(c)) {
        digit = true;
      } else if (c != '_' && c != '-' && c != '.') {
        symbol = true;
      }
      if (!Text.isHex(c)) {
        hexOnly = false;
      }
    }
    if (!letter || !(digit || symbol)) {
      return false;
    }
    char first = s.charAt(start);
    if (first == '/' || first == '.' || first == '$' || first == '%' || first == '{' || first == '<'
        || first == '#' || first == '@' || first == '\\') {
      return false;
    }
    if (isDottedIdentifier(s, start, end)) {
      return false;
    }
    double h = Text.entropy(s, start, end);
    boolean entropyOk = hexOnly
        ? n >= 16 && h >= HEX_FLOOR
        : h >= Math.min(FLOOR, Math.log(n) / Math.log(2) - 0.7);
    if (!entropyOk) {
      return false;
    }
    // the allocating checks last
    String v = s.substring(start, end);
    return !v.contains("://") && !Text.isPlaceholder(s, start, end);
  }
}
