package dev.toolwarden.processor.diag;

import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;

/**
 * The processor's {@code -A} options.
 *
 * <ul>
 *   <li>{@code toolwarden.secrets=error|warn|off} — what a literal secret is (default error);
 *   <li>{@code toolwarden.scan=all|tools} — scan every compilation unit for secrets, or only
 *       classes that declare tools (default all);
 *   <li>{@code toolwarden.requireScopes=true|false} — a tool without a scope is an error
 *       instead of a warning (default false).
 * </ul>
 */
public record Options(Diagnostic.Kind secrets, boolean scanAll, boolean requireScopes, String problem) {

  public static final String SECRETS = "toolwarden.secrets";
  public static final String SCAN = "toolwarden.scan";
  public static final String REQUIRE_SCOPES = "toolwarden.requireScopes";

  public static Options parse(Map<String, String> options) {
    String secrets = options.getOrDefault(SECRETS, "error").trim().toLowerCase(Locale.ROOT);
    String scan = options.getOrDefault(SCAN, "all").trim().toLowerCase(Locale.ROOT);
    String require = options.getOrDefault(REQUIRE_SCOPES, "false").trim().toLowerCase(Locale.ROOT);
    String problem = null;
    Diagnostic.Kind kind = switch (secrets) {
      case "error" -> Diagnostic.Kind.ERROR;
      case "warn", "warning" -> Diagnostic.Kind.WARNING;
      case "off" -> null;
      default -> {
        problem = "-A" + SECRETS + "=" + secrets + " is not error, warn or off";
        yield Diagnostic.Kind.ERROR;
      }
    };
    if (!scan.equals("all") && !scan.equals("tools")) {
      problem = "-A" + SCAN + "=" + scan + " is not all or tools";
    }
    if (!require.equals("true") && !require.equals("false")) {
      problem = "-A" + REQUIRE_SCOPES + "=" + require + " is not true or false";
    }
    return new Options(kind, !scan.equals("tools"), require.equals("true"), problem);
  }

  /** The severity of a rule under these options; null when it is switched off. */
  public Diagnostic.Kind kindOf(Rule rule) {
    if (rule == Rule.LITERAL_SECRET) {
      return secrets;
    }
    if (rule == Rule.TOOL_SCOPE && requireScopes) {
      return Diagnostic.Kind.ERROR;
    }
    return rule.kind();
  }
}
