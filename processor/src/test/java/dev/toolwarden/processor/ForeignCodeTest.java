package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Unusual but valid user code, and attempts to slip a secret or a passed-through token past the build: each case
 * a defect the adversarial review found, failing before its fix.
 */
class ForeignCodeTest {

  private static final String IMPORTS = "import dev.toolwarden.*; import jakarta.validation.constraints.*; "
      + "import java.util.*; import dev.toolwarden.runtime.ToolContext;";

  private static JavaFileObject tools(String... members) {
    String[] lines = new String[members.length + 3];
    lines[0] = IMPORTS;
    lines[1] = "@RequiresScope(\"s\") public class T {";
    System.arraycopy(members, 0, lines, 2, members.length);
    lines[lines.length - 1] = "}";
    return Compiler.source("T", lines);
  }

  @Test
  void overloadedToolsWithTheDefaultNameAreTwoToolsOfOneName() {
    Compilation c = Compiler.compile(tools(
        "  /** Says hello. */ @McpTool public String hello(String x) { return x; }",
        "  /** Says hello. */ @McpTool public String hello(int x) { return \"\"; }"));
    assertThat(c).hadErrorContaining("[TW-TOOL-DUPLICATE] tool name \"hello\" is already used by "
        + "test.T.hello(java.lang.String)");
    assertThat(c).hadErrorContaining("Fix: give one of the tools another @McpTool(name = ...)");
  }

  @Test
  void overloadedPromptsWithTheDefaultNameAreTwoPromptsOfOneName() {
    Compilation c = Compiler.compile(tools(
        "  /** A prompt. */ @McpPrompt public String review(String code) { return code; }",
        "  /** A prompt. */ @McpPrompt public String review(String code, String style) { return code; }"));
    assertThat(c).hadErrorContaining("[TW-PROMPT-DUPLICATE] prompt name \"review\" is already used by "
        + "test.T.review(java.lang.String)");
  }

  /**
   * U+2028 and U+2029 (pasted from a word processor) in a description, a title, a pattern, a default and a prompt
   * argument's description: the bundle compiles and keeps the text exactly.
   */
  @Test
  void lineAndParagraphSeparatorsInUserTextLeaveTheBundleCompilable() throws Exception {
    // in the test sources the separators are unicode escapes, which javac turns into the characters themselves
    Compilation c = Compiler.compile(tools(
        "  /**", "   * Finds\\u2028things.", "   * @param q the\\u2029query", "   */",
        "  @McpTool(title = \"Find\\u2028it\") public String find(",
        "      @Pattern(regexp = \"[^\\u2028]*\") @ToolParam(defaultValue = \"a\\u2029b\") String q) { return q; }",
        "  /**", "   * A prompt.\\u2028Really.", "   * @param code the\\u2028code", "   */",
        "  @McpPrompt public String review(String code) { return code; }"));
    assertThat(c).succeeded();
    String bundle = Compiler.generated(c, "test.T_ToolBundle");
    assertTrue(bundle.contains("\"Finds\" + \"\\u2028\" + \"things.\""), bundle);
    assertTrue(bundle.contains("Pattern.compile(\"[^\" + \"\\u2028\" + \"]*\")"), bundle);
    assertTrue(bundle.contains("\"a\" + \"\\u2029\" + \"b\""), bundle);
  }

  /** A session token or API key is often a UUID: the type does not make the argument harmless. */
  @Test
  void aTokenTypedAsUuidIsStillAPassedThroughCredential() {
    Compilation c = Compiler.compile(tools(
        "  /** Calls upstream. */ @McpTool public String call(UUID sessionToken) { return \"\"; }"));
    assertThat(c).hadErrorContaining("[TW-TOKEN-PASSTHROUGH] parameter 'sessionToken' of call() carries a credential");
    assertThat(c).hadErrorContaining("Fix:");
  }

  /** The body of a made-up GitHub token (36 alphanumerics after {@code ghp_}); split so this file holds no secret. */
  private static final String GH_BODY = "R8aZ3kQ9mX2vL7pN4tW6yB1cD5fG0hJ2sK4u";

  private static final String SECRET_FOUND = "[TW-SECRET] [TW-SECRET-GITHUB] literal secret: GitHub token";

  @Test
  void aSecretSplitIntoConstantsIsStillFound() {
    Compilation c = Compiler.compile(tools(
        "  static final String PREFIX = \"ghp_\";",
        "  static final String HEAD = \"" + GH_BODY.substring(0, 18) + "\";",
        "  static final String TOKEN = PREFIX + HEAD + \"" + GH_BODY.substring(18) + "\";",
        "  /** Calls upstream. */ @McpTool public String call(String q) { return q; }"));
    assertThat(c).hadErrorContaining(SECRET_FOUND);
    assertThat(c).hadErrorContaining("in 'TOKEN'");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aSecretSplitByACharOrALocalConstantIsStillFound() {
    Compilation c = Compiler.compile(tools(
        "  static final String UPSTREAM = \"ghp\" + '_' + \"" + GH_BODY + "\";",
        "  /** Calls upstream. */ @McpTool public String call(String q) {",
        "    final String p = \"ghp_\";",
        "    String s = p + \"" + GH_BODY + "\";",
        "    return q + s; }"));
    // names that say nothing: only the folded value, with its ghp_ prefix, gives the secret away
    assertThat(c).hadErrorContaining("in 'UPSTREAM'");
    assertThat(c).hadErrorContaining("in 's'");
    assertThat(c).hadErrorCount(2);
  }

  /**
   * Valid code beside the tools, with names in concatenations inside method bodies, a record's compact constructor and
   * wildcard types: the constant fold once asked javac for the element of each name, which attributed those bodies
   * early, and this compilation then failed ("invalid canonical constructor", "cannot find symbol: captured
   * wildcard") — the integration tests' own sources did.
   */
  @Test
  void foldingNamesNeverBreaksTheCompilationOfValidCode() {
    Compilation c = Compiler.compile(tools(
        "  static final String LABEL = \"tool \";",
        "  /** Calls. */ @McpTool public String call(String q) { return LABEL + q; }",
        "  public record Launch(List<String> prefix, Map<String, String> env, String label) {",
        "    public Launch { prefix = List.copyOf(prefix); env = Map.copyOf(env); }",
        "    public static Launch jar(String jar) { return new Launch(List.of(\"java\", jar), Map.of(), \"jar \" + jar); }",
        "    public String describe() { return label + \" \" + prefix + env; }",
        "  }",
        "  static int count(List<? extends CharSequence> xs) { String n = \"n\" + xs + xs.get(0); return n.length(); }",
        "  static <K> String keys(Map<K, ? super Integer> m) { return \"k\" + m.keySet() + m; }"));
    assertThat(c).succeededWithoutWarnings();
  }

  /** A tool body that uses a record with a compact constructor declared beside it (the flow checks read tool bodies). */
  @Test
  void aToolBodyUsingANestedRecordCompiles() {
    Compilation c = Compiler.compile(tools(
        "  /** Calls. */ @McpTool public String call(String q) { return Launch.jar(q).describe(); }",
        "  public record Launch(List<String> prefix, String label) {",
        "    public Launch { prefix = List.copyOf(prefix); }",
        "    public static Launch jar(String jar) { return new Launch(List.of(jar), jar); }",
        "    public String describe() { return label + prefix; }",
        "  }"));
    assertThat(c).succeededWithoutWarnings();
  }

  /** A record with a constructor declared inside a tool body: the same, and the note says why nothing was checked. */
  @Test
  void aToolBodyDeclaringALocalRecordCompilesWithANote() {
    Compilation c = Compiler.compile(tools(
        "  /** Calls. */ @McpTool public String call(String q) {",
        "    record P(String a) { P { a = a.trim(); } }",
        "    Runnable r = new Runnable() { public void run() { } }; r.run();",
        "    return new P(q).a(); }"));
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("[TW-FLOW] the tool bodies in T were not checked");
  }

  /** Anonymous classes and enums with constructors beside the tools are attributed once: checked as usual. */
  @Test
  void anonymousClassesAndEnumsBesideTheToolsCompile() {
    Compilation c = Compiler.compile(tools(
        "  enum Mode { A(\"a\"), B(\"b\"); final String s; Mode(String s) { this.s = s; } }",
        "  /** Calls. */ @McpTool public String call(String q) {",
        "    Object o = new ArrayList<String>(List.of(q)) { };",
        "    return q + o + Mode.valueOf(q).s; }"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aSecretWrittenAsACharArrayIsStillFound() {
    StringBuilder chars = new StringBuilder();
    for (char ch : ("ghp_" + GH_BODY).toCharArray()) {
      chars.append(chars.length() == 0 ? "" : ", ").append('\'').append(ch).append('\'');
    }
    Compilation c = Compiler.compile(tools(
        "  static final char[] TOKEN = {" + chars + "};",
        "  /** Calls upstream. */ @McpTool public String call(String q) { return q + new String(TOKEN); }"));
    assertThat(c).hadErrorContaining(SECRET_FOUND);
    assertThat(c).hadErrorContaining("in 'TOKEN'");
  }

  /** Constants of ordinary code, folded, stay quiet; a secret constant is reported once, where it is declared. */
  @Test
  void foldingConstantsAddsNoFalsePositiveAndNoSecondReport() {
    Compilation c = Compiler.compile(tools(
        "  static final String BASE = \"https://api.example.com\";",
        "  static final String USERS = BASE + \"/v1/users/\" + 42 + '/' + \"123e4567-e89b-12d3-a456-426614174000\";",
        "  static final char[] SEP = {'-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-'};",
        "  static final String TOKEN = \"ghp_" + GH_BODY + "\";",
        "  static final String HEADER = \"Bearer \" + TOKEN;",
        "  /** Calls upstream. */ @McpTool public String call(String q) { return USERS + HEADER + q; }"));
    assertThat(c).hadErrorContaining("in 'TOKEN'");
    assertThat(c).hadErrorCount(1);
  }
}
