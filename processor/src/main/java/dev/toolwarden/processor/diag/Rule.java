package dev.toolwarden.processor.diag;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor can report, in one catalogue so the wording stays consistent
 * and testable. Each has a rule id (printed in brackets, and the name a {@code @Waive} uses),
 * a severity, a message template ({@link String#format} arguments) and a one-line fix.
 */
public enum Rule {
  TOOL_METHOD_SHAPE("TW-TOOL-METHOD", Diagnostic.Kind.ERROR,
      "@McpTool method %s must be public, non-static and non-generic",
      "make the method public, remove 'static' and its type parameters"),
  TOOL_CLASS_SHAPE("TW-TOOL-CLASS", Diagnostic.Kind.ERROR,
      "@McpTool method %s must be declared in a public top-level class or a public static nested class",
      "move the method to such a class (not an interface, enum, local or inner class)"),
  TOOL_NAME_INVALID("TW-TOOL-NAME", Diagnostic.Kind.ERROR,
      "tool name \"%s\" is invalid: MCP tool names are 1 to 128 characters of [A-Za-z0-9_.-]",
      "choose a name made of letters, digits, '_', '.' and '-'"),
  TOOL_NAME_DUPLICATE("TW-TOOL-DUPLICATE", Diagnostic.Kind.ERROR,
      "tool name \"%s\" is already used by %s",
      "give one of the tools another @McpTool(name = ...)"),
  TYPE_UNSUPPORTED("TW-TYPE", Diagnostic.Kind.ERROR,
      "%s has unsupported type %s: %s",
      "use boolean, numbers, BigInteger, BigDecimal, String, an enum, UUID, URI, LocalDate, Instant, "
          + "OffsetDateTime, Duration, @SafePath Path, List, Set, arrays, Map<String, V>, Optional or a record"),
  RETURN_UNSUPPORTED("TW-RETURN", Diagnostic.Kind.ERROR,
      "tool %s returns unsupported type %s: %s",
      "return void, String, a record, a List/Set/Map/array/Optional of supported types, a scalar, "
          + "CallToolResult or MCP content"),
  TYPE_UNRESOLVED("TW-TYPE-UNRESOLVED", Diagnostic.Kind.ERROR,
      "type %s of %s could not be resolved",
      "check the import and that the type is on the compile class path"),
  PATH_WITHOUT_GUARD("TW-PATH-UNGUARDED", Diagnostic.Kind.ERROR,
      "%s is a Path without @SafePath: a client could read or write any file the server can",
      "annotate it with @SafePath(root = \"<root name>\") and bind the root at start-up"),
  SAFEPATH_TYPE("TW-SAFEPATH-TYPE", Diagnostic.Kind.ERROR,
      "@SafePath on %s, whose type %s is neither Path nor String",
      "put @SafePath on a Path or String argument"),
  SAFEPATH_ROOT("TW-SAFEPATH-ROOT", Diagnostic.Kind.ERROR,
      "@SafePath on %s has an invalid root name \"%s\"",
      "name the root with 1 to 64 characters of [A-Za-z0-9_.-]"),
  SAFEPATH_EXTENSION("TW-SAFEPATH-EXTENSION", Diagnostic.Kind.ERROR,
      "@SafePath on %s allows the extension \"%s\", which no file name can end with",
      "write a single extension without the dot, made of letters, digits, '_', '+' or '-' (e.g. \"txt\")"),
  SAFEURL_TYPE("TW-SAFEURL-TYPE", Diagnostic.Kind.ERROR,
      "@SafeUrl on %s, whose type %s is neither URI, String nor URL",
      "put @SafeUrl on a java.net.URI (recommended), String or java.net.URL argument"),
  SAFEURL_SCHEME("TW-SAFEURL-SCHEME", Diagnostic.Kind.ERROR,
      "@SafeUrl on %s %s",
      "list at least one lower-case scheme, e.g. schemes = {\"https\"}"),
  SAFEURL_HOST("TW-SAFEURL-HOST", Diagnostic.Kind.ERROR,
      "@SafeUrl on %s allows the host pattern \"%s\", which %s",
      "write an exact lower-case host name (\"api.example.com\") or \"*.\" and a domain (\"*.example.org\"), "
          + "punycode for internationalised names"),
  SAFEURL_PORT("TW-SAFEURL-PORT", Diagnostic.Kind.ERROR,
      "@SafeUrl on %s allows the port %s, which is outside 1..65535",
      "list ports between 1 and 65535, or none for the scheme's default port"),
  REDACT_DEFAULT("TW-REDACT-DEFAULT", Diagnostic.Kind.ERROR,
      "%s is @Redact but has a default value, which the schema publishes to every client",
      "remove the default (make the argument @Nullable or Optional and supply the value in code)"),
  REDACT_KEEP_LAST("TW-REDACT-KEEP", Diagnostic.Kind.ERROR,
      "@Redact on %s has keepLast = %s",
      "use keepLast = 0 (mask all) or a positive number of trailing characters to keep"),
  CONTEXT_DUPLICATE("TW-CONTEXT", Diagnostic.Kind.ERROR,
      "tool %s declares more than one ToolContext parameter",
      "keep one ToolContext parameter"),
  ARGUMENT_NAME_INVALID("TW-ARG-NAME", Diagnostic.Kind.ERROR,
      "argument name \"%s\" of %s is invalid",
      "use 1 to 64 characters of [A-Za-z0-9_.-] in @ToolParam(name = ...)"),
  ARGUMENT_NAME_DUPLICATE("TW-ARG-DUPLICATE", Diagnostic.Kind.ERROR,
      "argument name \"%s\" is used twice in %s",
      "rename one of them with @ToolParam(name = ...)"),
  CONSTRAINT_NOT_APPLICABLE("TW-CONSTRAINT-TYPE", Diagnostic.Kind.ERROR,
      "@%s cannot apply to %s of type %s",
      "%s"),
  CONSTRAINT_INVALID("TW-CONSTRAINT-VALUE", Diagnostic.Kind.ERROR,
      "@%s on %s: %s",
      "%s"),
  BOUNDS_CONTRADICTORY("TW-BOUNDS", Diagnostic.Kind.ERROR,
      "the constraints on %s admit no value: %s",
      "fix the bounds so that the lower one does not exceed the upper one"),
  PATTERN_INVALID("TW-PATTERN", Diagnostic.Kind.ERROR,
      "@Pattern on %s is not a valid regular expression: %s",
      "correct the regular expression"),
  PATTERN_NOT_PORTABLE("TW-PATTERN-PORTABLE", Diagnostic.Kind.ERROR,
      "@Pattern on %s uses %s, which JSON Schema clients (ECMA-262 regular expressions) do not understand",
      "rewrite the expression with constructs common to Java and ECMA-262"),
  DEFAULT_INVALID("TW-DEFAULT", Diagnostic.Kind.ERROR,
      "default value \"%s\" of %s is invalid: %s",
      "change the default so that it parses as the argument's type and meets its own constraints"),
  NULLABLE_PRIMITIVE("TW-NULLABLE-PRIMITIVE", Diagnostic.Kind.ERROR,
      "%s is @Nullable but has primitive type %s",
      "use the boxed type or Optional"),
  SCOPE_INVALID("TW-SCOPE", Diagnostic.Kind.ERROR,
      "scope \"%s\" is not a valid OAuth scope token",
      "use printable ASCII without spaces, '\"' or '\\\\' (RFC 6749 section 3.3)"),
  RATE_LIMIT_INVALID("TW-RATE-LIMIT", Diagnostic.Kind.ERROR,
      "@RateLimit %s",
      "use permits > 0 and a window such as \"30s\", \"1m\", \"1h\" or \"1d\""),
  TOKEN_PASSTHROUGH("TW-TOKEN-PASSTHROUGH", Diagnostic.Kind.ERROR,
      "%s carries a credential from the client (its name says %s). The MCP specification: \"The MCP server "
          + "MUST NOT pass through the token it received from the MCP client\"",
      "remove the argument; call upstream services with the server's own credentials, e.g. "
          + "Secrets.require(\"UPSTREAM_API_KEY\")", true),
  LITERAL_SECRET("TW-SECRET", Diagnostic.Kind.ERROR,
      "[%s] literal secret: %s %s%s",
      "remove it from the source and read it from the environment, e.g. Secrets.require(\"%s\")", true),
  PATH_STRING("TW-PATH-STRING", Diagnostic.Kind.WARNING,
      "%s is a String named like a file path but has no @SafePath: a client could name any file",
      "take a Path (or String) with @SafePath(root = \"<root name>\")", true),
  URL_STRING("TW-URL-STRING", Diagnostic.Kind.WARNING,
      "%s is a String named like a URL: fetching a client-chosen URL lets a client reach internal services (SSRF)",
      "take a URI with @SafeUrl(hosts = {...}) and fetch it with SafeUrls.httpClient()", true),
  TOOL_DESCRIPTION("TW-TOOL-DESCRIPTION", Diagnostic.Kind.WARNING,
      "tool %s has no description: models choose tools by their descriptions",
      "write a Javadoc comment on the method or set @McpTool(description = ...)", true),
  TOOL_SCOPE("TW-TOOL-SCOPE", Diagnostic.Kind.WARNING,
      "tool %s requires no scope: any authenticated caller may call it",
      "add @RequiresScope(\"...\") to the method or its class", true),
  WAIVER_INVALID("TW-WAIVER", Diagnostic.Kind.ERROR,
      "@Waive(rule = \"%s\") %s",
      "name a waivable rule id (%s) and say in reason = \"...\" why it does not apply here");

  private final String id;
  private final Diagnostic.Kind kind;
  private final String template;
  private final String fix;
  private final boolean waivable;

  Rule(String id, Diagnostic.Kind kind, String template, String fix) {
    this(id, kind, template, fix, false);
  }

  Rule(String id, Diagnostic.Kind kind, String template, String fix, boolean waivable) {
    this.id = id;
    this.kind = kind;
    this.template = template;
    this.fix = fix;
    this.waivable = waivable;
  }

  /** Whether {@code @Waive} may silence this rule (security rules and lints; never a rule whose code could not be generated). */
  public boolean waivable() {
    return waivable;
  }

  /** The rule with this id, or null. */
  public static Rule byId(String id) {
    for (Rule r : values()) {
      if (r.id.equals(id)) {
        return r;
      }
    }
    return null;
  }

  public String id() {
    return id;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /**
   * The full message. When the fix template takes an argument (the constraint rules, whose fix
   * depends on the constraint), the last argument fills it.
   */
  public String format(Object... args) {
    int fixArgs = fix.contains("%s") ? 1 : 0;
    Object[] messageArgs = java.util.Arrays.copyOf(args, args.length - fixArgs);
    String fixText = fixArgs == 1 ? String.format(fix, args[args.length - 1]) : fix;
    return "[" + id + "] " + String.format(template, messageArgs) + ". Fix: " + fixText + ".";
  }
}
