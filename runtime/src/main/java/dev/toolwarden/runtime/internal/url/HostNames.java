package dev.toolwarden.runtime.internal.url;

import java.util.Set;

/**
 * Host name syntax (LDH labels, RFC 1123 and IDNA2008) and the names a server must not reach
 * by default: single-label names (resolved through the search domains of the server's network),
 * special-use suffixes ({@code localhost}, {@code .local}, {@code .internal}, …) and cloud
 * metadata names, which are refused even when listed.
 */
public final class HostNames {

  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;

  /** Names of instance metadata services; never reachable. */
  private static final Set<String> METADATA = Set.of("metadata.google.internal", "metadata.goog", "metadata",
      "instance-data", "instance-data.ec2.internal", "metadata.azure.internal", "metadata.tencentyun.com");

  /** Special-use and private-network suffixes: reachable only when the allowlist names them. */
  private static final Set<String> SPECIAL_SUFFIXES = Set.of("localhost", "local", "internal", "localdomain",
      "home.arpa", "arpa", "lan", "intranet", "corp", "svc", "test", "invalid", "example", "onion", "alt");

  private HostNames() {}

  /** Refuses a lower-case host that is not a syntactically valid LDH name. */
  public static void checkSyntax(String host) {
    if (host.length() > MAX_NAME) {
      throw new UrlRefusal(Refusal.HOST_SYNTAX);
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
        throw new UrlRefusal(Refusal.HOST_SYNTAX);
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          throw new UrlRefusal(Refusal.HOST_SYNTAX);
        }
      }
      // "ab--" is reserved for IDNA-style encodings; only "xn--" (punycode) is one
      if (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-' && !isPunycode(label)) {
        throw new UrlRefusal(Refusal.IDN);
      }
    }
  }

  /** Whether a label is an IDNA A-label (punycode). */
  public static boolean isPunycode(String label) {
    return label.startsWith("xn--");
  }

  /** Whether the name belongs to a cloud metadata service (or is a name under one). */
  public static boolean isMetadata(String host) {
    for (String m : METADATA) {
      if (host.equals(m) || host.endsWith("." + m)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the name is single-label or under a special-use suffix. */
  public static boolean isSpecialUse(String host) {
    if (host.indexOf('.') < 0) {
      return true;
    }
    for (String s : SPECIAL_SUFFIXES) {
      if (host.equals(s) || host.endsWith("." + s)) {
        return true;
      }
    }
    return false;
  }
}
