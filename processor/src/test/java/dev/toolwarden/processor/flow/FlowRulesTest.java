package dev.toolwarden.processor.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The finer points of the rules: separate command arguments, fixed origins, guards, waivers and the manifest. */
class FlowRulesTest {

  private static Compilation compile(String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("@RequiresScope(\"s\") public class T {");
    lines.add("  Connection conn; javax.xml.parsers.DocumentBuilderFactory factory;");
    lines.addAll(List.of(body));
    lines.add("}");
    return FlowSources.compile(FlowSources.tool(lines));
  }

  private static List<String> errors(Compilation c) {
    List<String> out = new ArrayList<>();
    c.errors().forEach(e -> out.add(e.getLineNumber() + ": " + e.getMessage(null)));
    return out;
  }

  private static List<String> warnings(Compilation c, String rule) {
    return FlowSources.diagnostics(c, Diagnostic.Kind.WARNING, rule);
  }

  @Test
  void aToolArgumentAsASeparateArgumentOfAFixedProgramIsAllowedAfterDoubleDash() {
    Compilation c = compile("  /** Log. */ @McpTool public String log(String q) throws Exception {",
        "    new ProcessBuilder(\"git\", \"log\", \"--\", q).start();",
        "    new ProcessBuilder(List.of(\"git\", \"show\", \"./\" + q)).start();",
        "    return \"\"; }");
    assertEquals(List.of(), errors(c));
    assertEquals(List.of(), warnings(c, "TW-COMMAND-OPTION"));
  }

  @Test
  void aSeparateArgumentThatMayStartWithADashIsAWarning() {
    Compilation c = compile("  /** Log. */ @McpTool public String log(String q) throws Exception {",
        "    new ProcessBuilder(\"git\", \"log\", q).start();",
        "    return \"\"; }");
    assertEquals(List.of(), errors(c));
    List<String> w = warnings(c, "TW-COMMAND-OPTION");
    assertEquals(1, w.size(), String.valueOf(w));
    assertTrue(w.get(0).startsWith("6: ") && w.get(0).contains("an argument of git and may start with '-'"), w.get(0));
  }

  @Test
  void aPatternThatCannotStartWithADashSilencesTheOptionWarning() {
    Compilation c = compile("  /** Log. */ @McpTool public String log("
            + "@Pattern(regexp = \"^[A-Za-z0-9_][A-Za-z0-9_.-]*$\") String q) throws Exception {",
        "    new ProcessBuilder(\"git\", \"log\", q).start();",
        "    return \"\"; }");
    assertEquals(List.of(), errors(c));
    assertEquals(List.of(), warnings(c, "TW-COMMAND-OPTION"));
  }

  @Test
  void aUrlWithAFixedOriginIsNotSsrfButAnOpenHostIs() {
    Compilation c = compile("  /** Get. */ @McpTool public String get(String q) throws Exception {",
        "    new URL(\"https://api.example.com/items/\" + q).openStream();",
        "    new URL(String.format(\"https://api.example.com/items?id=%s\", q)).openStream();",
        "    new URL(\"https://api.example.com\" + q).openStream();",
        "    return \"\"; }");
    List<String> e = errors(c);
    assertEquals(1, e.size(), String.valueOf(e));
    assertTrue(e.get(0).startsWith("8: ") && e.get(0).contains("[TW-SSRF]"), e.get(0));
  }

  @Test
  void typesThatCannotCarryTextAreNotSources() {
    Compilation c = compile("  public enum Table { USERS, ORDERS }",
        "  /** Count. */ @McpTool public String count(Table t, UUID id, int n, List<Long> ids) throws Exception {",
        "    conn.createStatement().executeQuery(\"select count(*) from \" + t + \" where id = '\" + id + \"' limit \""
            + " + n + \" \" + ids);",
        "    return \"\"; }");
    assertEquals(List.of(), errors(c));
  }

  @Test
  void aPatternWhoseAlphabetIsTooWideIsNoGuard() {
    Compilation c = compile("  /** Q. */ @McpTool public String q(@Pattern(regexp = \"^[a-z ;']+$\") String a,",
        "      @Pattern(regexp = \".*\") String b, @Pattern(regexp = \"^[\\\\w.]+$\")"
            + " String c) throws Exception {",
        "    conn.createStatement().executeQuery(\"select \" + a);",
        "    conn.createStatement().executeQuery(\"select \" + b);",
        "    conn.createStatement().executeQuery(\"select \" + c);",
        "    return \"\"; }");
    List<String> e = errors(c);
    assertEquals(3, e.size(), String.valueOf(e));
    assertTrue(e.stream().allMatch(x -> x.contains("[TW-SQL-INJECTION]")), String.valueOf(e));
  }

  @Test
  void decodingDropsTheGuard() {
    Compilation c = compile("  /** Load. */ @McpTool public String load(@Pattern(regexp = \"^[A-Za-z0-9_]+$\") String q)"
            + " throws Exception {",
        "    byte[] data = Base64.getDecoder().decode(q);",
        "    new ObjectInputStream(new ByteArrayInputStream(data)).readObject();",
        "    return \"\"; }");
    List<String> e = errors(c);
    assertEquals(1, e.size(), String.valueOf(e));
    assertTrue(e.get(0).startsWith("7: ") && e.get(0).contains("[TW-UNSAFE-EVAL]")
        && e.get(0).contains("Decoder.decode"), e.get(0));
  }

  @Test
  void anXmlParserWithDoctypesDisallowedIsNotXxe() {
    Compilation c = compile("  /** Parse. */ @McpTool public String parse(String q) throws Exception {",
        "    factory.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);",
        "    factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(q)));",
        "    return \"\"; }");
    assertEquals(List.of(), errors(c));
  }

  @Test
  void aWaiverOnTheToolOnItsClassOrOnTheHelperSilencesTheFindingAndTheManifestListsIt() throws IOException {
    List<String> lines = List.of(
        "@RequiresScope(\"s\") @Waive(rule = \"TW-SSRF\", reason = \"the operator's own proxy\") public class T {",
        "  Connection conn;",
        "  /** A. */ @McpTool @Waive(rule = \"TW-SQL-INJECTION\", reason = \"q is a reviewed report name\")",
        "  public String a(String q) throws Exception {",
        "    conn.createStatement().executeQuery(\"select * from \" + q); new URL(q); return run(q); }",
        "  @Waive(rule = \"TW-PATH-UNGUARDED\", reason = \"a scratch directory\")",
        "  private String run(String s) throws Exception { return Files.readString(Path.of(s)); }",
        "}");
    Compilation c = FlowSources.compile(FlowSources.tool(lines));
    assertEquals(List.of(), errors(c));
    String manifest = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/toolwarden/manifest.json")
        .orElseThrow().getCharContent(false).toString();
    for (String rule : List.of("TW-SQL-INJECTION", "TW-SSRF", "TW-PATH-UNGUARDED")) {
      assertTrue(manifest.contains("\"" + rule + " test.T#a(): 'q' of a reaches "), rule + " in " + manifest);
      assertTrue(manifest.contains("\"rule\": \"" + rule + "\""), rule + " waiver in " + manifest);
    }
    assertTrue(manifest.contains("(waived)"), manifest);
  }

  @Test
  void aWaiverOfAnotherRuleDoesNotSilenceTheFinding() {
    Compilation c = compile("  /** A. */ @McpTool @Waive(rule = \"TW-SSRF\", reason = \"not this one\")",
        "  public String a(String q) throws Exception {",
        "    conn.createStatement().executeQuery(q); return \"\"; }");
    List<String> e = errors(c);
    assertEquals(1, e.size(), String.valueOf(e));
    assertTrue(e.get(0).startsWith("7: ") && e.get(0).contains("[TW-SQL-INJECTION]"), e.get(0));
  }

  @Test
  void aWarningThatIsNotWaivedIsListedInTheManifestToo() throws IOException {
    Compilation c = compile("  /** Log. */ @McpTool public String log(String q) throws Exception {",
        "    new ProcessBuilder(\"git\", \"log\", q).start();",
        "    return \"\"; }");
    String manifest = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/toolwarden/manifest.json")
        .orElseThrow().getCharContent(false).toString();
    assertTrue(manifest.contains("\"TW-COMMAND-OPTION test.T#log(): 'q' of log reaches new ProcessBuilder(String...)"
        + " as an argument of git\""), manifest);
  }

  @Test
  void theMeasurementOptionSwitchesTheAnalysisOff() {
    List<String> lines = List.of("@RequiresScope(\"s\") public class T {",
        "  /** Run. */ @McpTool public String run(String q) throws Exception { Runtime.getRuntime().exec(q); return q; }",
        "}");
    assertEquals(1, errors(FlowSources.compile(FlowSources.tool(lines))).size());
    assertEquals(List.of(), errors(FlowSources.compile(FlowSources.tool(lines), "-Atoolwarden.flow=off")));
  }
}
