package dev.toolwarden.runtime.internal.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads granted scopes from the claim forms authorization servers use. */
public final class ScopeClaims {

  private ScopeClaims() {}

  /**
   * The scopes of {@code scope} (RFC 8693/9068: one space-delimited string) and {@code scp}
   * (an array, or a space-delimited string as some providers send it), together.
   */
  public static Set<String> read(Object scope, Object scp) {
    Set<String> scopes = new LinkedHashSet<>();
    add(scopes, scope);
    add(scopes, scp);
    return scopes;
  }

  private static void add(Set<String> into, Object claim) {
    if (claim instanceof String s) {
      for (String part : s.split(" ")) {
        if (!part.isEmpty()) {
          into.add(part);
        }
      }
    } else if (claim instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof String s && !s.isEmpty() && s.indexOf(' ') < 0) {
          into.add(s);
        }
      }
    } else if (claim instanceof Object[] a) {
      add(into, java.util.Arrays.asList(a));
    }
  }
}
