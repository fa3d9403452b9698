package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.toolwarden.processor.diag.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One misuse per compile error of the catalogue: the build fails with the rule id and the
 * expected wording, in the right file, on the line of the offending element.
 */
class DiagnosticsTest {

  private static final String IMPORTS = "import dev.toolwarden.*; import jakarta.validation.constraints.*; "
      + "import java.util.*; import java.nio.file.Path; import dev.toolwarden.runtime.ToolContext;";

  private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

  static Stream<Arguments> misuses() {
    List<Arguments> cases = new ArrayList<>();
    cases.add(misuse(Rule.TOOL_METHOD_SHAPE, "must be public, non-static and non-generic",
        "  @McpTool static String hello() { return \"\"; }"));
    cases.add(misuse(Rule.TOOL_METHOD_SHAPE, "must be public, non-static and non-generic",
        "  @McpTool public <T> String hello(String x) { return \"\"; }"));
    cases.add(Arguments.of(Rule.TOOL_CLASS_SHAPE, "public top-level class", Compiler.source("T",
        IMPORTS, "public class T {", "  public class Inner {",
        "    @McpTool public String hello() { return \"\"; }", "  }", "}"), 5));
    cases.add(misuse(Rule.TOOL_NAME_INVALID, "tool name \"bad name\" is invalid",
        "  @McpTool(name = \"bad name\") public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.TOOL_NAME_DUPLICATE, "tool name \"same\" is already used by test.T.a()",
        "  @McpTool(name = \"same\") public String a() { return \"\"; }",
        "  @McpTool(name = \"same\") public String b() { return \"\"; }"));
    cases.add(misuse(Rule.TYPE_UNSUPPORTED, "has unsupported type char",
        "  @McpTool public String hello(char c) { return \"\"; }"));
    cases.add(misuse(Rule.TYPE_UNSUPPORTED, "map keys must be String",
        "  @McpTool public String hello(Map<Integer, String> m) { return \"\"; }"));
    cases.add(misuse(Rule.RETURN_UNSUPPORTED, "returns unsupported type java.lang.Object",
        "  @McpTool public Object hello() { return \"\"; }"));
    cases.add(misuse(Rule.TYPE_UNRESOLVED, "could not be resolved",
        "  @McpTool public String hello(NoSuchType x) { return \"\"; }"));
    cases.add(misuse(Rule.PATH_WITHOUT_GUARD, "is a Path without @SafePath",
        "  @McpTool public String read(Path file) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEPATH_TYPE, "neither Path nor String",
        "  @McpTool public String read(@SafePath(root = \"w\") int file) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEPATH_ROOT, "invalid root name \"\"",
        "  @McpTool public String read(@SafePath(root = \"\") Path file) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEPATH_EXTENSION, "allows the extension \"tar.gz\"",
        "  @McpTool public String read(@SafePath(root = \"w\", extensions = {\"txt\", \"tar.gz\"}) Path file) "
            + "{ return \"\"; }"));
    cases.add(misuse(Rule.SAFEPATH_EXTENSION, "allows the extension \"\"",
        "  @McpTool public String read(@SafePath(root = \"w\", extensions = \"\") String file) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_TYPE, "@SafeUrl on parameter 'target' of fetch(), whose type int is neither URI",
        "  @McpTool public String fetch(@SafeUrl int target) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_TYPE, "whose type java.nio.file.Path is neither URI",
        "  @McpTool public String fetch(@SafeUrl @SafePath(root = \"w\") Path target) { return \"\"; }"));
    cases.add(misuse(Rule.TYPE_UNSUPPORTED, "a java.net.URL argument needs @SafeUrl",
        "  @McpTool public String fetch(java.net.URL target) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_SCHEME, "@SafeUrl on parameter 'target' of fetch() allows no scheme",
        "  @McpTool public String fetch(@SafeUrl(schemes = {}) java.net.URI target) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_SCHEME, "has the scheme \"HTTPS\", which is not a lower-case URL scheme",
        "  @McpTool public String fetch(@SafeUrl(schemes = \"HTTPS\") java.net.URI target) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_HOST, "allows the host pattern \"*.com\", which covers a whole top-level domain",
        "  @McpTool public String fetch(@SafeUrl(hosts = \"*.com\") String target) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_HOST, "the host pattern \"a.*.example.org\", which is not a lower-case host name",
        "  @McpTool public String fetch(@SafeUrl(hosts = {\"ok.example.org\", \"a.*.example.org\"}) String target) "
            + "{ return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_HOST, "the host pattern \"Api.Example.com\", which is not a lower-case host name",
        "  @McpTool public String fetch(@SafeUrl(hosts = \"Api.Example.com\") java.net.URI target) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_HOST, "the host pattern \"10.0.0.1\", which is an IP address",
        "  @McpTool public String fetch(@SafeUrl(hosts = \"10.0.0.1\") java.net.URI target) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_HOST, "the host pattern \"api.example.com.\", which ends with a dot",
        "  @McpTool public String fetch(@SafeUrl(hosts = \"api.example.com.\") java.net.URI target) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_PORT, "allows the port 70000, which is outside 1..65535",
        "  @McpTool public String fetch(@SafeUrl(ports = {443, 70000}) java.net.URI target) { return \"\"; }"));
    cases.add(misuse(Rule.DEFAULT_INVALID, "a @SafeUrl argument cannot have a default",
        "  @McpTool public String fetch(@SafeUrl @ToolParam(defaultValue = \"https://a.example.com/\") String target) "
            + "{ return \"\"; }"));
    cases.add(misuse(Rule.SAFEURL_HOST, "the host pattern \"b\u00fccher.example\"",
        "  @McpTool public String hook(Hook hook) { return \"\"; }",
        "  public record Hook(@SafeUrl(hosts = \"b\u00fccher.example\") String target) {}"));
    cases.add(misuse(Rule.REDACT_DEFAULT, "parameter 'pin' of hello() is @Redact but has a default value",
        "  @McpTool public String hello(@Redact @ToolParam(defaultValue = \"1234\") String pin) { return \"\"; }"));
    cases.add(misuse(Rule.REDACT_KEEP_LAST, "has keepLast = -1",
        "  @McpTool public Card card() { return null; }",
        "  public record Card(@Redact(keepLast = -1) String number) {}"));
    cases.add(misuse(Rule.REDACT_KEEP_LAST, "the return value of hello",
        "  @McpTool @Redact(keepLast = -2) public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.ELICIT_FIELD, "of the form test.T.F has type java.util.Map<java.lang.String, java.lang.String>",
        "  @McpTool @Elicits(F.class) public String ask() { return \"\"; }",
        "  public record F(boolean ok, java.util.Map<String, String> more) {}"));
    cases.add(misuse(Rule.ELICIT_SECRET, "of the form test.T.F is named like a credential",
        "  @McpTool @Elicits(F.class) public String ask() { return \"\"; }",
        "  public record F(String user, String password) {}"));
    cases.add(misuse(Rule.CONTEXT_DUPLICATE, "more than one ToolContext",
        "  @McpTool public String hello(ToolContext a, ToolContext b) { return \"\"; }"));
    cases.add(misuse(Rule.ARGUMENT_NAME_INVALID, "argument name \"a b\"",
        "  @McpTool public String hello(@ToolParam(name = \"a b\") String x) { return \"\"; }"));
    cases.add(misuse(Rule.ARGUMENT_NAME_DUPLICATE, "argument name \"x\" is used twice",
        "  @McpTool public String hello(String x, @ToolParam(name = \"x\") String y) { return \"\"; }"));
    cases.add(misuse(Rule.CONSTRAINT_NOT_APPLICABLE, "@Size cannot apply to parameter 'n' of hello() of type int",
        "  @McpTool public String hello(@Size(max = 3) int n) { return \"\"; }"));
    cases.add(misuse(Rule.CONSTRAINT_NOT_APPLICABLE, "@Min cannot apply",
        "  @McpTool public String hello(@Min(1) String s) { return \"\"; }"));
    cases.add(misuse(Rule.CONSTRAINT_INVALID, "@Past is not supported",
        "  @McpTool public String hello(@Past java.time.LocalDate d) { return \"\"; }"));
    cases.add(misuse(Rule.CONSTRAINT_INVALID, "\"abc\" is not a decimal number",
        "  @McpTool public String hello(@DecimalMin(\"abc\") double d) { return \"\"; }"));
    cases.add(misuse(Rule.BOUNDS_CONTRADICTORY, "admit no value: @Min >= 10 and @Max <= 5",
        "  @McpTool public String hello(@Min(10) @Max(5) int n) { return \"\"; }"));
    cases.add(misuse(Rule.BOUNDS_CONTRADICTORY, "@Size(min = 5, max = 2)",
        "  @McpTool public String hello(@Size(min = 5, max = 2) String s) { return \"\"; }"));
    cases.add(misuse(Rule.BOUNDS_CONTRADICTORY, "admit no value",
        "  @McpTool public String hello(@Min(300) byte b) { return \"\"; }"));
    cases.add(misuse(Rule.PATTERN_INVALID, "is not a valid regular expression",
        "  @McpTool public String hello(@Pattern(regexp = \"[a-\") String s) { return \"\"; }"));
    cases.add(misuse(Rule.PATTERN_NOT_PORTABLE, "a possessive quantifier",
        "  @McpTool public String hello(@Pattern(regexp = \"a++b\") String s) { return \"\"; }"));
    cases.add(misuse(Rule.PATTERN_NOT_PORTABLE, "\\p{javaLowerCase}",
        "  @McpTool public String hello(@Pattern(regexp = \"\\\\p{javaLowerCase}+\") String s) { return \"\"; }"));
    cases.add(misuse(Rule.PATTERN_NOT_PORTABLE, "the inline flags (?s)",
        "  @McpTool public String hello(@Pattern(regexp = \"(?s)a.b\") String s) { return \"\"; }"));
    cases.add(misuse(Rule.DEFAULT_INVALID, "default value \"500\" of parameter 'n' of hello() is invalid: it is above",
        "  @McpTool public String hello(@Max(100) @ToolParam(defaultValue = \"500\") int n) { return \"\"; }"));
    cases.add(misuse(Rule.DEFAULT_INVALID, "does not parse as int",
        "  @McpTool public String hello(@ToolParam(defaultValue = \"ten\") int n) { return \"\"; }"));
    cases.add(misuse(Rule.DEFAULT_INVALID, "does not match the pattern",
        "  @McpTool public String hello(@Pattern(regexp = \"[a-z]+\") @ToolParam(defaultValue = \"ABC\") String s) "
            + "{ return \"\"; }"));
    cases.add(misuse(Rule.NULLABLE_PRIMITIVE, "is @Nullable but has primitive type int",
        "  @McpTool public String hello(@Nullable int n) { return \"\"; }"));
    cases.add(misuse(Rule.SCOPE_INVALID, "scope \"files read\" is not a valid OAuth scope token",
        "  @McpTool @RequiresScope(\"files read\") public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.RATE_LIMIT_INVALID, "window \"1 minute\"",
        "  @McpTool @RateLimit(permits = 5, per = \"1 minute\") public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.RATE_LIMIT_INVALID, "window \"366d\" is not a valid window: use a positive whole number and a unit",
        "  @McpTool @RateLimit(permits = 5, per = \"366d\") public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.RATE_LIMIT_INVALID, "window \"PT0S\" is not a valid window",
        "  @McpTool @RateLimit(permits = 5, per = \"PT0S\") public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.RATE_LIMIT_INVALID, "window \"99999999999999999999d\" is not a valid window",
        "  @McpTool @RateLimit(permits = 5, per = \"99999999999999999999d\") public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.RATE_LIMIT_INVALID, "permits must be positive, not 0",
        "  @McpTool @RateLimit(permits = 0, per = \"1m\") public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.TOKEN_PASSTHROUGH, "parameter 'accessToken' of call() carries a credential",
        "  @McpTool public String call(String accessToken) { return \"\"; }"));
    cases.add(misuse(Rule.TOKEN_PASSTHROUGH, "MUST NOT pass through the token",
        "  @McpTool public String call(Optional<String> apiKey) { return \"\"; }"));
    cases.add(misuse(Rule.TOKEN_PASSTHROUGH, "its name says \"password\"",
        "  @McpTool public String login(Login login) { return \"\"; }",
        "  public record Login(String user, String password) {}"));
    cases.add(misuse(Rule.WAIVER_INVALID, "has no reason",
        "  @McpTool public String call(@Waive(rule = \"TW-TOKEN-PASSTHROUGH\", reason = \" \") String token) "
            + "{ return \"\"; }"));
    cases.add(misuse(Rule.WAIVER_INVALID, "names a rule that cannot be waived",
        "  @McpTool @Waive(rule = \"TW-BOUNDS\", reason = \"why not\") public String call() { return \"\"; }"));
    // resources, resource templates, prompts and completions
    cases.add(misuse(Rule.ANNOTATION_CONFLICT, "method hello() carries both @McpTool and @McpPrompt",
        "  @McpTool @McpPrompt public String hello() { return \"\"; }"));
    cases.add(misuse(Rule.TOOL_METHOD_SHAPE, "@McpResource method hello() must be public",
        "  @McpResource(uri = \"docs://a\") String hello() { return \"\"; }"));
    cases.add(misuse(Rule.RESOURCE_URI, "@McpResource(uri = \"readme.md\") of readme() is not an absolute URI",
        "  @McpResource(uri = \"readme.md\") public String readme() { return \"\"; }"));
    cases.add(misuse(Rule.RESOURCE_URI, "it has the expression {id}, and a fixed resource has no variables",
        "  @McpResource(uri = \"docs://{id}\") public String doc() { return \"\"; }"));
    cases.add(misuse(Rule.TEMPLATE_SYNTAX, "the expression {?q} is not supported",
        "  @McpResourceTemplate(uriTemplate = \"docs://x{?q}\") public String doc(String q) { return \"\"; }"));
    cases.add(misuse(Rule.TEMPLATE_SYNTAX, "{+path} takes the rest of the URI, so it must be the last part",
        "  @McpResourceTemplate(uriTemplate = \"file:///{+path}/meta\") public String doc(String path) "
            + "{ return \"\"; }"));
    cases.add(misuse(Rule.TEMPLATE_SYNTAX, "the expressions {a} and {b} are adjacent",
        "  @McpResourceTemplate(uriTemplate = \"x://{a}{b}\") public String doc(String a, String b) { return \"\"; }"));
    cases.add(misuse(Rule.TEMPLATE_VARIABLE, "variable 'id' of resource template \"docs://{id}\" has no parameter",
        "  @McpResourceTemplate(uriTemplate = \"docs://{id}\") public String doc() { return \"\"; }"));
    cases.add(misuse(Rule.TEMPLATE_PARAMETER, "parameter 'lang' of doc() has no variable in resource template "
            + "docs://{id}",
        "  @McpResourceTemplate(uriTemplate = \"docs://{id}\") public String doc(String id,",
        "      String lang) { return \"\"; }"));
    cases.add(misuse(Rule.TEMPLATE_PARAMETER, "parameter 'id' of doc() has no variable in resource docs://a",
        "  @McpResource(uri = \"docs://a\") public String doc(String id) { return \"\"; }"));
    cases.add(misuse(Rule.VARIABLE_TYPE, "parameter 'segments' of doc() of resource template x://a{/segments*} has "
            + "type java.lang.String, which is not List<String>",
        "  @McpResourceTemplate(uriTemplate = \"x://a{/segments*}\") public String doc(String segments) "
            + "{ return \"\"; }"));
    cases.add(misuse(Rule.VARIABLE_TYPE, "of prompt p has type java.util.List<java.lang.String>, which is not "
            + "carried by one string",
        "  @McpPrompt public String p(List<String> words) { return \"\"; }"));
    cases.add(misuse(Rule.SAFEPATH_VARIABLE, "@SafePath on parameter 'name' of doc(), bound to {name} of resource "
            + "template file:///w/{name}, which is not a path-shaped variable",
        "  @McpResourceTemplate(uriTemplate = \"file:///w/{name}\")",
        "  public String doc(@SafePath(root = \"w\") String name) { return \"\"; }"));
    cases.add(misuse(Rule.RESOURCE_DUPLICATE, "resource URI \"docs://a\" is already used by test.T.a()",
        "  @McpResource(uri = \"docs://a\") public String a() { return \"\"; }",
        "  @McpResource(uri = \"docs://a\") public String b() { return \"\"; }"));
    cases.add(misuse(Rule.TEMPLATE_DUPLICATE, "resource template \"docs://{name}\" is already used by test.T.a(java.lang.String)",
        "  @McpResourceTemplate(uriTemplate = \"docs://{id}\") public String a(String id) { return \"\"; }",
        "  @McpResourceTemplate(uriTemplate = \"docs://{name}\") public String b(String name) { return \"\"; }"));
    cases.add(misuse(Rule.RESOURCE_RETURN, "resource docs://a returns unsupported type int",
        "  @McpResource(uri = \"docs://a\") public int a() { return 0; }"));
    cases.add(misuse(Rule.RESOURCE_RETURN, "resource template docs://{id} returns unsupported type void",
        "  @McpResourceTemplate(uriTemplate = \"docs://{id}\") public void a(String id) {}"));
    cases.add(misuse(Rule.PROMPT_NAME_INVALID, "prompt name \"a b\" is invalid",
        "  @McpPrompt(name = \"a b\") public String p() { return \"\"; }"));
    cases.add(misuse(Rule.PROMPT_DUPLICATE, "prompt name \"p\" is already used by test.T.a()",
        "  @McpPrompt(name = \"p\") public String a() { return \"\"; }",
        "  @McpPrompt(name = \"p\") public String b() { return \"\"; }"));
    cases.add(misuse(Rule.PROMPT_RETURN, "prompt p returns unsupported type java.util.List<java.lang.String>",
        "  @McpPrompt public List<String> p() { return List.of(); }"));
    cases.add(misuse(Rule.COMPLETE_TARGET, "@McpComplete on c() names no single target",
        "  @McpComplete(prompt = \"p\", variable = \"x\") public List<String> c(String value) { return List.of(); }"));
    cases.add(misuse(Rule.COMPLETE_UNKNOWN, "names the argument 'x' of prompt nope, which is no @McpPrompt",
        "  @McpComplete(prompt = \"nope\", argument = \"x\") public List<String> c(String value) "
            + "{ return List.of(); }"));
    cases.add(misuse(Rule.COMPLETE_UNKNOWN, "names the variable 'lang' of resource template docs://{id}, which is "
            + "not among the template's variables [id]",
        "  @McpResourceTemplate(uriTemplate = \"docs://{id}\") public String doc(String id) { return \"\"; }",
        "  @McpComplete(resourceTemplate = \"docs://{id}\", variable = \"lang\") public List<String> c(String v) "
            + "{ return List.of(); }"));
    cases.add(misuse(Rule.COMPLETE_DUPLICATE, "the argument 'topic' of prompt p is already completed by T.a()",
        "  @McpPrompt public String p(String topic) { return \"\"; }",
        "  @McpComplete(prompt = \"p\", argument = \"topic\") public List<String> a(String v) { return List.of(); }",
        "  @McpComplete(prompt = \"p\", argument = \"topic\") public List<String> b(String v) { return List.of(); }"));
    cases.add(misuse(Rule.COMPLETE_SIGNATURE, "must take exactly one String parameter",
        "  @McpPrompt public String p(String topic) { return \"\"; }",
        "  @McpComplete(prompt = \"p\", argument = \"topic\") public List<String> c() { return List.of(); }"));
    cases.add(misuse(Rule.COMPLETE_SIGNATURE, "returns java.util.Set<java.lang.String> instead of List<String>",
        "  @McpPrompt public String p(String topic) { return \"\"; }",
        "  @McpComplete(prompt = \"p\", argument = \"topic\") public Set<String> c(String v) { return Set.of(); }"));
    cases.add(misuse(Rule.COMPLETE_SIGNATURE, "has parameter 'n' of type int",
        "  @McpPrompt public String p(String topic) { return \"\"; }",
        "  @McpComplete(prompt = \"p\", argument = \"topic\") public List<String> c(String v, int n) "
            + "{ return List.of(); }"));
    cases.add(misuse(Rule.TOKEN_PASSTHROUGH, "parameter 'apiKey' of doc() carries a credential",
        "  @McpResourceTemplate(uriTemplate = \"docs://{apiKey}\") public String doc(String apiKey) { return \"\"; }"));
    cases.add(misuse(Rule.TOKEN_PASSTHROUGH, "parameter 'password' of p() carries a credential",
        "  @McpPrompt public String p(String password) { return \"\"; }"));
    cases.add(misuse(Rule.PATH_WITHOUT_GUARD, "parameter 'path' of doc() is a Path without @SafePath",
        "  @McpResourceTemplate(uriTemplate = \"file:///{+path}\") public String doc(Path path) { return \"\"; }"));
    cases.add(misuse(Rule.SQL_INJECTION, "reaches Statement.executeQuery(String) as SQL text",
        "  @McpResourceTemplate(uriTemplate = \"db://{q}\") public String find(String q, ToolContext ctx) "
            + "throws Exception { java.sql.Statement st = null;"
            + " st.executeQuery(\"select * from t where a = '\" + q + \"'\"); return \"\"; }"));
    cases.add(misuse(Rule.COMMAND_INJECTION, "reaches Runtime.exec(String) as a whole command",
        "  @McpPrompt public String p(String q) throws Exception { Runtime.getRuntime().exec(q); return \"\"; }"));
    // tool bodies (flow analysis; the full corpus is in flow/FlowRecallTest)
    cases.add(misuse(Rule.COMMAND_INJECTION, "tool argument 'q' of run reaches Runtime.exec(String) as a whole command",
        "  @McpTool public String run(String q) throws Exception { Runtime.getRuntime().exec(q); return \"\"; }"));
    cases.add(misuse(Rule.SQL_INJECTION, "reaches Statement.executeQuery(String) as SQL text; path: q -> concatenation",
        "  @McpTool public String find(String q, java.sql.Statement st) throws Exception {"
            + " st.executeQuery(\"select * from t where a = '\" + q + \"'\"); return \"\"; }"));
    cases.add(misuse(Rule.SSRF, "reaches URI.create(String) as a URL",
        "  @McpTool public String get(String q) { java.net.URI.create(q); return \"\"; }"));
    cases.add(misuse(Rule.PATH_FLOW, "reaches Path.of(String, String...) as a file path",
        "  @McpTool public String read(String q) { Path.of(q); return \"\"; }"));
    cases.add(misuse(Rule.UNSAFE_EVAL, "reaches Class.forName(String) as a class name",
        "  @McpTool public String load(String q) throws Exception { Class.forName(q); return \"\"; }"));
    // made up at run time, so the repository never holds a live-looking key
    String stripeLike = String.join("_", "sk", "live", new java.util.Random(7).ints(24, 0, 36)
        .mapToObj(i -> Character.toString("abcdefghijklmnopqrstuvwxyz0123456789".charAt(i)))
        .collect(java.util.stream.Collectors.joining()));
    cases.add(misuse(Rule.LITERAL_SECRET, "[TW-SECRET-STRIPE] literal secret",
        "  static final String API_KEY = \"" + stripeLike + "\";"));
    return cases.stream();
  }

  /** A class T whose first member line (line 4) carries the misuse; the error is on the last line given. */
  private static Arguments misuse(Rule rule, String text, String... members) {
    List<String> lines = new ArrayList<>();
    lines.add(IMPORTS);
    lines.add("public class T {");
    lines.addAll(List.of(members));
    lines.add("}");
    return Arguments.of(rule, text, Compiler.source("T", lines.toArray(String[]::new)), 3 + members.length);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("misuses")
  void misuseFailsTheBuildOnTheElement(Rule rule, String text, JavaFileObject source, int line)
      throws java.io.IOException {
    Compilation c = Compiler.compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + rule.id() + "]").inFile(source).onLine(line);
    assertThat(c).hadErrorContaining(text).inFile(source).onLine(line);
    assertThat(c).hadErrorContaining("Fix: ");
    if (rule == Rule.LITERAL_SECRET) {
      // the secret is masked in the build log: its first characters at most
      String value = source.getCharContent(false).toString().replaceAll("(?s).*\"(sk_live_[a-z0-9]+)\".*", "$1");
      c.diagnostics().forEach(d -> org.junit.jupiter.api.Assertions.assertFalse(
          d.getMessage(null).contains(value.substring(4)), "secret printed: " + d.getMessage(null)));
    }
    COVERED.add(rule);
  }

  @Test
  void oneBuildReportsEveryProblem() {
    JavaFileObject source = Compiler.source("T", IMPORTS, "public class T {",
        "  @McpTool public String a(@Size(max = 3) int n) { return \"\"; }",
        "  @McpTool public String b(Path p) { return \"\"; }", "}");
    Compilation c = Compiler.compile(source);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[TW-CONSTRAINT-TYPE]").inFile(source).onLine(4);
    assertThat(c).hadErrorContaining("[TW-PATH-UNGUARDED]").inFile(source).onLine(5);
  }

  @Test
  void validToolsCompileWithoutDiagnostics() {
    JavaFileObject source = Compiler.source("T", IMPORTS, "@RequiresScope(\"greet\") public class T {",
        "  /** Says hello. @param name who */",
        "  @McpTool public String hello(@Size(max = 20) String name, @Min(1) int times, ToolContext ctx) {",
        "    return name; }", "}");
    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }

  @Test
  void isoWindowsCompileAsTheRuntimeAcceptsThem() {
    JavaFileObject source = Compiler.source("T", IMPORTS, "@RequiresScope(\"greet\") public class T {",
        "  /** Says hello. */",
        "  @McpTool @RateLimit(permits = 5, per = \"PT0.25S\") public String a() { return \"\"; }",
        "  /** Says hello. */",
        "  @McpTool @RateLimit(permits = 5, per = \"365d\") public String b() { return \"\"; }", "}");
    assertThat(Compiler.compile(source)).succeededWithoutWarnings();
  }

  @AfterAll
  static void everyErrorRuleHasAMisuse() {
    Set<Rule> missing = EnumSet.allOf(Rule.class);
    missing.removeIf(r -> r.kind() != javax.tools.Diagnostic.Kind.ERROR);
    missing.removeAll(COVERED);
    if (!COVERED.isEmpty()) {
      org.junit.jupiter.api.Assertions.assertEquals(Set.of(), missing, "error rules without a misuse test");
    }
  }
}
