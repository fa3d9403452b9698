package dev.toolwarden.processor.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * The recall corpus: every sink of the catalogue (one statement each, {@code %s} is the value) crossed with every
 * flow shape the analysis follows. One tool class per sink holds one tool per shape, so a sink costs one
 * compilation; each tool marks its sink line with a block comment {@code SINK-<shape>}.
 */
final class FlowCorpus {

  /** A sink statement, the rule it breaks, and the guard that makes a {@code String} argument safe for it. */
  record SinkCase(String name, String ruleId, String statement, String guard) {
    @Override
    public String toString() {
      return ruleId + " " + name;
    }
  }

  /**
   * A flow shape: the tool's parameters ({@code G} is replaced by the guard), its body before the sink, the
   * expression that reaches the sink, extra class members ({@code #} is replaced by the shape's number) and the
   * argument name the finding must name. With {@code sinkInMember}, the sink statement is in a member.
   */
  record Shape(String name, String params, String body, String expression, String members, String source,
      boolean sinkInMember) {}

  static final String SQL_IDENTIFIER = "@Pattern(regexp = \"^[A-Za-z0-9_]+$\")";

  static List<SinkCase> sinks() {
    List<SinkCase> s = new ArrayList<>();
    String cmd = "TW-COMMAND-INJECTION";
    s.add(new SinkCase("Runtime.exec(String)", cmd, "Runtime.getRuntime().exec(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("sh -c", cmd, "new ProcessBuilder(\"sh\", \"-c\", %s).start();", SQL_IDENTIFIER));
    s.add(new SinkCase("program", cmd, "new ProcessBuilder(List.of(%s, \"--help\")).start();", SQL_IDENTIFIER));
    s.add(new SinkCase("command(bash -c)", cmd, "new ProcessBuilder().command(\"/bin/bash\", \"-lc\", %s);",
        SQL_IDENTIFIER));
    s.add(new SinkCase("exec(cmd /c)", cmd, "Runtime.getRuntime().exec(new String[] {\"cmd.exe\", \"/c\", %s});",
        SQL_IDENTIFIER));
    String sql = "TW-SQL-INJECTION";
    s.add(new SinkCase("executeQuery", sql, "conn.createStatement().executeQuery(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("addBatch", sql, "conn.createStatement().addBatch(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("prepareStatement", sql, "conn.prepareStatement(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("JdbcTemplate", sql, "jdbc.queryForList(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("JPA native", sql, "em.createNativeQuery(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("jOOQ plain SQL", sql, "org.jooq.impl.DSL.sql(%s);", SQL_IDENTIFIER));
    String ssrf = "TW-SSRF";
    String safeUrl = "@SafeUrl(hosts = \"api.example.com\")";
    s.add(new SinkCase("new URL", ssrf, "new URL(%s).openStream();", safeUrl));
    s.add(new SinkCase("URI.create", ssrf, "URI.create(%s);", safeUrl));
    s.add(new SinkCase("HttpClient", ssrf,
        "http.send(HttpRequest.newBuilder(new URI(%s)).build(), HttpResponse.BodyHandlers.ofString());", safeUrl));
    s.add(new SinkCase("RestTemplate", ssrf, "rest.getForObject(%s, String.class);", safeUrl));
    s.add(new SinkCase("OkHttp", ssrf, "new okhttp3.Request.Builder().url(%s);", safeUrl));
    String path = "TW-PATH-UNGUARDED";
    String safePath = "@SafePath(root = \"w\")";
    s.add(new SinkCase("Files(Path.of)", path, "Files.readString(Path.of(%s));", safePath));
    s.add(new SinkCase("Paths.get", path, "Paths.get(\"/srv\", %s);", safePath));
    s.add(new SinkCase("resolve", path, "Path.of(\"/srv\").resolve(%s);", safePath));
    s.add(new SinkCase("FileInputStream", path, "new FileInputStream(%s).close();", safePath));
    s.add(new SinkCase("File", path, "new File(%s).delete();", safePath));
    s.add(new SinkCase("RandomAccessFile", path, "new RandomAccessFile(%s, \"r\").close();", safePath));
    String eval = "TW-UNSAFE-EVAL";
    s.add(new SinkCase("ScriptEngine", eval, "engine.eval(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("Class.forName", eval, "Class.forName(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("SpEL", eval, "parser.parseExpression(%s);", SQL_IDENTIFIER));
    s.add(new SinkCase("XML", eval, "xml.parse(new org.xml.sax.InputSource(new StringReader(%s)));", SQL_IDENTIFIER));
    s.add(new SinkCase("ObjectInputStream", eval,
        "new ObjectInputStream(new ByteArrayInputStream(%s.getBytes())).readObject();", SQL_IDENTIFIER));
    return s;
  }

  static List<Shape> shapes() {
    List<Shape> s = new ArrayList<>();
    s.add(new Shape("direct", "G String q", "", "q", "", "'q'", false));
    s.add(new Shape("concatenation", "G String q", "String v = \"x\" + q + \"y\";", "v", "", "'q'", false));
    s.add(new Shape("String.format", "G String q", "String v = String.format(\"x%sy\", q);", "v", "", "'q'", false));
    s.add(new Shape("formatted", "G String q", "String v = \"x%sy\".formatted(q);", "v", "", "'q'", false));
    s.add(new Shape("StringBuilder", "G String q",
        "StringBuilder b = new StringBuilder(); b.append(\"x\").append(q); String v = b.toString();", "v", "",
        "'q'", false));
    s.add(new Shape("StringBuilder.insert", "G String q",
        "StringBuilder b = new StringBuilder(\"y\"); b.insert(0, q); String v = b.toString();", "v", "", "'q'",
        false));
    s.add(new Shape("String.join", "G String q", "String v = String.join(\" \", \"x\", q);", "v", "", "'q'", false));
    s.add(new Shape("helper return", "G String q", "String v = wrap#(q);", "v",
        "private static String wrap#(String s) { return \"x\" + s; }", "'q'", false));
    s.add(new Shape("helper sink", "G String q", "run#(q);", "s",
        "private void run#(String s) throws Exception { SINK }", "'q'", true));
    s.add(new Shape("two helpers", "G String q", "String v = outer#(q);", "v",
        "private String outer#(String s) { return inner#(s + \"x\"); } "
            + "private static String inner#(String s) { return s.trim(); }", "'q'", false));
    s.add(new Shape("record component", "Req# r", "", "r.q()", "public record Req#(G String q, int n) {}", "'r.q'",
        false));
    s.add(new Shape("nested record", "Outer# o", "", "o.inner().q()",
        "public record Outer#(In# inner) {} public record In#(G String q) {}", "'o.inner.q'", false));
    s.add(new Shape("List.of", "G String q", "List<String> l = List.of(\"x\", q); String v = String.join(\",\", l);",
        "v", "", "'q'", false));
    s.add(new Shape("list add", "G String q", "List<String> l = new ArrayList<>(); l.add(q); String v = l.get(0);",
        "v", "", "'q'", false));
    s.add(new Shape("Arrays.asList", "G String q", "List<String> l = Arrays.asList(\"x\", q); String v = l.get(1);",
        "v", "", "'q'", false));
    s.add(new Shape("list parameter", "List<G String> qs", "", "qs.get(0)", "", "'qs'", false));
    s.add(new Shape("ternary", "G String q, boolean f", "String v = f ? q : \"x\";", "v", "", "'q'", false));
    s.add(new Shape("loop", "G String q", "String v = \"\"; for (int i = 0; i < 3; i++) { v = v + q; }", "v", "",
        "'q'", false));
    s.add(new Shape("compound assignment", "G String q", "String v = \"x\"; v += q;", "v", "", "'q'", false));
    s.add(new Shape("for each", "List<G String> qs", "String v = \"\"; for (String s : qs) { v = s; }", "v", "",
        "'qs'", false));
    s.add(new Shape("Optional", "Optional<G String> q", "", "q.orElse(\"x\")", "", "'q'", false));
    s.add(new Shape("lambda", "G String q",
        "Runnable r = () -> { try { SINK } catch (Exception e) { throw new RuntimeException(e); } }; r.run();",
        "q", "", "'q'", true));
    return s;
  }

  /** The tool class for one sink: one tool per shape, the sink line of shape i marked with a SINK-i comment. */
  static List<String> toolClass(SinkCase sink, String guard) {
    List<String> lines = new ArrayList<>();
    lines.add("@RequiresScope(\"corpus\") public class T {");
    lines.add("  Connection conn; org.springframework.jdbc.core.JdbcTemplate jdbc; "
        + "jakarta.persistence.EntityManager em; org.springframework.web.client.RestTemplate rest; "
        + "HttpClient http; javax.script.ScriptEngine engine; org.springframework.expression.ExpressionParser parser; "
        + "javax.xml.parsers.DocumentBuilder xml;");
    List<Shape> shapes = shapes();
    for (int i = 0; i < shapes.size(); i++) {
      Shape s = shapes.get(i);
      String n = String.valueOf(i);
      String statement = String.format(sink.statement(), s.expression()) + " /* SINK-" + n + " */";
      String params = s.params().replace("G ", guard.isEmpty() ? "" : guard + " ").replace("#", n);
      String members = s.members().replace("#", n).replace("G ", guard.isEmpty() ? "" : guard + " ");
      lines.add("  /** Shape " + s.name() + ". */");
      lines.add("  @McpTool(name = \"t" + n + "\") public String t" + n + "(" + params + ") throws Exception {");
      String body = s.body().replace("#", n);
      if (s.sinkInMember() && body.contains("SINK")) {
        lines.add("    " + body.replace("SINK", statement));
      } else {
        lines.add("    " + body);
        if (!s.sinkInMember()) {
          lines.add("    " + statement);
        }
      }
      lines.add("    return \"\";");
      lines.add("  }");
      if (!members.isEmpty()) {
        lines.add("  " + members.replace("SINK", statement));
      }
    }
    lines.add("}");
    return lines;
  }
}
