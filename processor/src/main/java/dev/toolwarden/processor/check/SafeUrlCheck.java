package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.SafeUrlModel;
import dev.toolwarden.processor.model.ScalarKind;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.regex.Pattern;

/**
 * {@code @SafeUrl} declarations: on a URI, String or URL; at least one well-formed scheme; host
 * patterns the runtime's allowlist accepts; ports in range; no default value (the client must
 * name the URL, as for {@code @SafePath}). The host grammar is the runtime's
 * ({@code HostAllowlist}): the processor never depends on the runtime, so it is written here as
 * the grammar it is, and the runtime re-checks every pattern when the bundle loads.
 */
public final class SafeUrlCheck implements ModelCheck {

  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
  /** An LDH label; "ab--" prefixes are reserved for IDNA encodings, of which only "xn--" (punycode) exists. */
  private static final String LABEL = "(?!-)(?!(?!xn)[a-z0-9]{2}--)[a-z0-9-]{1,63}(?<!-)";
  /** One or more LDH labels ({@code xn--} is the only {@code ??--} prefix), optionally after {@code *.}. */
  private static final Pattern HOST = Pattern.compile("(?:\\*\\.)?" + LABEL + "(?:\\." + LABEL + ")*");
  private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?:.*\\.)?(?:[0-9]+|0[xX][0-9a-fA-F]*)");
  private static final int MAX_HOST = 253;

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (Field f : InputFields.of(model)) {
      SafeUrlModel url = f.safeUrl();
      if (url != null) {
        check(f, url, reporter);
      } else if (ArgumentCheck.leaf(f.type()) instanceof JType.Scalar s && s.kind() == ScalarKind.URL) {
        reporter.report(Rule.TYPE_UNSUPPORTED, f.element(), ModelReader.describe(f.element()), f.type().javaType(),
            "a java.net.URL argument needs @SafeUrl (or take a java.net.URI)");
      }
    }
  }

  private static void check(Field f, SafeUrlModel url, Reporter reporter) {
    String where = ModelReader.describe(f.element());
    JType leaf = ArgumentCheck.leaf(f.type());
    boolean supported = leaf instanceof JType.Scalar s
        && (s.kind() == ScalarKind.URI || s.kind() == ScalarKind.STRING || s.kind() == ScalarKind.URL);
    if (!supported) {
      reporter.report(Rule.SAFEURL_TYPE, f.element(), url.annotation(), where, f.type().javaType());
    }
    if (url.schemes().isEmpty()) {
      reporter.report(Rule.SAFEURL_SCHEME, f.element(), url.annotation(), where, "allows no scheme");
    }
    for (String scheme : url.schemes()) {
      if (!SCHEME.matcher(scheme).matches()) {
        reporter.report(Rule.SAFEURL_SCHEME, f.element(), url.annotation(), where,
            "has the scheme \"" + scheme + "\", which is not a lower-case URL scheme");
      }
    }
    for (String host : url.hosts()) {
      String problem = hostProblem(host);
      if (problem != null) {
        reporter.report(Rule.SAFEURL_HOST, f.element(), url.annotation(), where, host, problem);
      }
    }
    for (int port : url.ports()) {
      if (port < 1 || port > 65535) {
        reporter.report(Rule.SAFEURL_PORT, f.element(), url.annotation(), where, port);
      }
    }
    if (f.defaultJson() != null) {
      reporter.report(Rule.DEFAULT_INVALID, f.element(), f.defaultJson(), where,
          "a @SafeUrl argument cannot have a default; the client must name the URL");
    }
  }

  /** Why a host pattern is refused, or null. */
  static String hostProblem(String host) {
    String name = host.startsWith("*.") ? host.substring(2) : host;
    if (host.isEmpty()) {
      return "is empty";
    }
    if (name.endsWith(".")) {
      return "ends with a dot (trailing dots are refused at run time)";
    }
    if (NUMERIC_LAST_LABEL.matcher(name).matches() || name.startsWith("[")) {
      return "is an IP address (patterns name hosts; IP literals match only a rule without hosts)";
    }
    if (!HOST.matcher(host).matches() || name.length() > MAX_HOST) {
      return "is not a lower-case host name, optionally after \"*.\"";
    }
    if (host.startsWith("*.") && name.indexOf('.') < 0) {
      return "covers a whole top-level domain";
    }
    return null;
  }
}
