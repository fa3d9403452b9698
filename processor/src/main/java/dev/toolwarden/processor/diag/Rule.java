package dev.toolwarden.processor.diag;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor can report, in one catalogue so the wording stays consistent
 * and testable. Each has a rule id (printed in brackets, and the name a {@code @Waive} uses),
 * a severity, a message template ({@link String#format} arguments) and a one-line fix.
 */
public enum Rule {
  TOOL_METHOD_SHAPE("TW-TOOL-METHOD", Diagnostic.Kind.ERROR,
      "%s method %s must be public, non-static and non-generic",
      "make the method public, remove 'static' and its type parameters"),
  TOOL_CLASS_SHAPE("TW-TOOL-CLASS", Diagnostic.Kind.ERROR,
      "%s method %s must be declared in a public top-level class or a public static nested class",
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
  ELICIT_FIELD("TW-ELICIT-FIELD", Diagnostic.Kind.ERROR,
      "%s of the form %s has type %s, which an elicitation form cannot ask for",
      "use String, boolean, a number, an enum, a List or Set of an enum, or an Optional/@Nullable one of them"),
  ELICIT_SECRET("TW-ELICIT-SECRET", Diagnostic.Kind.ERROR,
      "%s of the form %s is named like a credential: form elicitation must not ask for secrets",
      "drop the field and obtain the credential out of band (the server's own configuration, or URL elicitation)"),
  CONTEXT_DUPLICATE("TW-CONTEXT", Diagnostic.Kind.ERROR,
      "%s declares more than one ToolContext parameter",
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
  ANNOTATION_CONFLICT("TW-ANNOTATION-CONFLICT", Diagnostic.Kind.ERROR,
      "method %s carries both %s and %s",
      "keep one of the annotations; to expose the same logic twice, call a shared method from two annotated methods"),
  RESOURCE_URI("TW-RESOURCE-URI", Diagnostic.Kind.ERROR,
      "@McpResource(uri = \"%s\") of %s() is not an absolute URI: %s",
      "write an absolute URI such as \"file:///etc/motd\" or \"docs://guide\" (scheme, ':', then RFC 3986 "
          + "characters or %%XX); for a URI with variables use @McpResourceTemplate"),
  TEMPLATE_SYNTAX("TW-TEMPLATE-SYNTAX", Diagnostic.Kind.ERROR,
      "@McpResourceTemplate(uriTemplate = \"%s\") of %s() is malformed: %s",
      "write a scheme, literal text and the expressions {name}, {/name}, {+name} or {/name*} (the last two only at "
          + "the end), one variable each, a literal between two expressions"),
  TEMPLATE_VARIABLE("TW-TEMPLATE-VARIABLE", Diagnostic.Kind.ERROR,
      "variable '%s' of resource template \"%s\" has no parameter of that name in %s()",
      "add a parameter named like the variable (or name one with @ToolParam(name = ...)), or remove the variable"),
  TEMPLATE_PARAMETER("TW-TEMPLATE-PARAMETER", Diagnostic.Kind.ERROR,
      "%s has no variable in %s: nothing in the URI gives it a value",
      "add {name} for it to the URI template (a fixed @McpResource has no variables: use @McpResourceTemplate), "
          + "or remove the parameter; only a ToolContext parameter needs none"),
  VARIABLE_TYPE("TW-VARIABLE-TYPE", Diagnostic.Kind.ERROR,
      "%s of %s has type %s, which %s",
      "use String, a number, boolean, an enum, UUID or a date (or Optional of one), @SafePath Path or String for "
          + "{+name} and {/name}, and List<String> for {/name*}"),
  SAFEPATH_VARIABLE("TW-SAFEPATH-VARIABLE", Diagnostic.Kind.ERROR,
      "@SafePath on %s, bound to %s of %s, which is not a path-shaped variable",
      "write the variable as {+name} (a path that may contain '/') or {/name} (one path segment)"),
  RESOURCE_DUPLICATE("TW-RESOURCE-DUPLICATE", Diagnostic.Kind.ERROR,
      "resource URI \"%s\" is already used by %s",
      "give one of the resources another uri"),
  TEMPLATE_DUPLICATE("TW-TEMPLATE-DUPLICATE", Diagnostic.Kind.ERROR,
      "resource template \"%s\" is already used by %s",
      "give one of the templates another uriTemplate, or merge the two methods"),
  RESOURCE_RETURN("TW-RESOURCE-RETURN", Diagnostic.Kind.ERROR,
      "%s returns unsupported type %s: %s",
      "return String (text), byte[] (blob), a record, List, Set or Map (JSON), ResourceContents, a List of them or "
          + "ReadResourceResult of the MCP SDK, or an Optional of one of these (empty: resource not found)"),
  PROMPT_NAME_INVALID("TW-PROMPT-NAME", Diagnostic.Kind.ERROR,
      "prompt name \"%s\" is invalid: prompt names are 1 to 128 characters of [A-Za-z0-9_.-]",
      "choose a name made of letters, digits, '_', '.' and '-'"),
  PROMPT_DUPLICATE("TW-PROMPT-DUPLICATE", Diagnostic.Kind.ERROR,
      "prompt name \"%s\" is already used by %s",
      "give one of the prompts another @McpPrompt(name = ...)"),
  PROMPT_RETURN("TW-PROMPT-RETURN", Diagnostic.Kind.ERROR,
      "prompt %s returns unsupported type %s",
      "return String (one user message), List<PromptMessage> or GetPromptResult of the MCP SDK"),
  COMPLETE_TARGET("TW-COMPLETE-TARGET", Diagnostic.Kind.ERROR,
      "@McpComplete on %s() %s",
      "set either prompt and argument, or resourceTemplate and variable"),
  COMPLETE_UNKNOWN("TW-COMPLETE-UNKNOWN", Diagnostic.Kind.ERROR,
      "@McpComplete on %s() names the %s, which %s",
      "name a prompt (its @McpPrompt name) and one of its arguments, or a resource template (its uriTemplate text) "
          + "and one of its variables, declared in this compilation"),
  COMPLETE_DUPLICATE("TW-COMPLETE-DUPLICATE", Diagnostic.Kind.ERROR,
      "the %s is already completed by %s",
      "keep one @McpComplete method per prompt argument or template variable"),
  COMPLETE_SIGNATURE("TW-COMPLETE-SIGNATURE", Diagnostic.Kind.ERROR,
      "@McpComplete method %s() %s",
      "declare List<String> complete(String value), optionally with a Map<String, String> of the arguments "
          + "already chosen and a ToolContext"),
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
      "name a waivable rule id (%s) and say in reason = \"...\" why it does not apply here"),
  COMMAND_INJECTION("TW-COMMAND-INJECTION", Diagnostic.Kind.ERROR,
      "tool argument %s reaches %s as %s; path: %s",
      "run a fixed program and pass the value as a separate argument (new ProcessBuilder(\"git\", \"log\", \"--\", "
          + "value)), never as the program, a shell -c script or a whole command line; or restrict it with an enum "
          + "or @Pattern(regexp = \"^[A-Za-z0-9_.,:=+@]+$\")", true),
  COMMAND_OPTION("TW-COMMAND-OPTION", Diagnostic.Kind.WARNING,
      "tool argument %s reaches %s as %s and may start with '-' (options injection); path: %s",
      "put \"--\" before it, prefix it (\"./\" + name) or restrict it with "
          + "@Pattern(regexp = \"^[A-Za-z0-9_][A-Za-z0-9_.-]*$\")", true),
  SQL_INJECTION("TW-SQL-INJECTION", Diagnostic.Kind.ERROR,
      "tool argument %s reaches %s as %s; path: %s",
      "keep the SQL text constant and pass the value as a bind parameter (\"... where name = ?\" with "
          + "setString, or :name); for an identifier use an enum or @Pattern(regexp = \"^[A-Za-z0-9_]+$\")", true),
  SSRF("TW-SSRF", Diagnostic.Kind.ERROR,
      "tool argument %s reaches %s as %s: a client could make the server call internal services (SSRF); path: %s",
      "annotate the argument with @SafeUrl(hosts = {...}), or build the URL from a fixed origin: "
          + "\"https://api.example.com/items/\" + URLEncoder.encode(value, UTF_8)", true),
  PATH_FLOW("TW-PATH-UNGUARDED", Diagnostic.Kind.ERROR,
      "tool argument %s reaches %s as %s: a client could name any file the server can read or write; path: %s",
      "annotate the argument with @SafePath(root = \"<root name>\") and open it with SafeFiles", true),
  UNSAFE_EVAL("TW-UNSAFE-EVAL", Diagnostic.Kind.ERROR,
      "tool argument %s reaches %s as %s; path: %s",
      "never deserialise, evaluate or load classes from client data: map the argument to a fixed choice (an enum); "
          + "parse XML only with DTDs disabled (setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", "
          + "true))", true);

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
    Rule found = null;
    for (Rule r : values()) {
      // two rules share TW-PATH-UNGUARDED (the unguarded Path parameter and the proven flow): prefer the waivable one
      if (r.id.equals(id) && (found == null || r.waivable)) {
        found = r;
      }
    }
    return found;
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
