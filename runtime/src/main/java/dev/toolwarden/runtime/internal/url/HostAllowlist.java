package dev.toolwarden.runtime.internal.url;

import java.util.List;
import java.util.Locale;

/**
 * The {@code hosts} of a rule: exact names and {@code *.suffix} patterns. A suffix matches on a
 * label boundary only ({@code *.example.org} matches {@code a.example.org}, never
 * {@code example.org} nor {@code badexample.org}). A punycode label ({@code xn--…}) in the host
 * must be spelled out by the pattern: a wildcard never stands for one, so a look-alike
 * subdomain cannot slip in under {@code *.}.
 */
public final class HostAllowlist {

  private final List<String> patterns;

  private HostAllowlist(List<String> patterns) {
    this.patterns = patterns;
  }

  /**
   * An allowlist of {@code patterns}; empty means any host.
   *
   * @throws IllegalArgumentException naming the first malformed pattern
   */
  public static HostAllowlist of(List<String> patterns) {
    for (String p : patterns) {
      String problem = problem(p);
      if (problem != null) {
        throw new IllegalArgumentException("host pattern \"" + p + "\" " + problem);
      }
    }
    return new HostAllowlist(List.copyOf(patterns));
  }

  /** What is wrong with a pattern, or {@code null} when it is valid. */
  public static String problem(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return "is empty";
    }
    if (!pattern.equals(pattern.toLowerCase(Locale.ROOT))) {
      return "must be lower case";
    }
    String name = pattern.startsWith("*.") ? pattern.substring(2) : pattern;
    if (name.indexOf('*') >= 0) {
      return "may only start with \"*.\"";
    }
    if (name.endsWith(".")) {
      return "must not end with a dot";
    }
    if (IpLiterals.looksNumeric(name)) {
      return "must be a host name, not an IP address";
    }
    try {
      HostNames.checkSyntax(name);
    } catch (UrlRefusal e) {
      return "is not a valid host name (ASCII letters, digits and hyphens; punycode for IDNs)";
    }
    if (pattern.startsWith("*.") && name.indexOf('.') < 0) {
      return "must not cover a whole top-level domain";
    }
    return null;
  }

  /** Whether no host is listed (any host with allowed addresses passes). */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** Whether a lower-case host name matches a pattern. */
  public boolean matches(String host) {
    for (String p : patterns) {
      if (p.startsWith("*.")) {
        String suffix = p.substring(1); // ".example.org"
        if (host.length() > suffix.length() && host.endsWith(suffix)
            && !hasPunycodeLabel(host.substring(0, host.length() - suffix.length()))) {
          return true;
        }
      } else if (p.equals(host)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an unlisted host would be refused for carrying a punycode label. */
  public static boolean hasPunycodeLabel(String host) {
    for (String label : host.split("\\.")) {
      if (HostNames.isPunycode(label)) {
        return true;
      }
    }
    return false;
  }
}
