package dev.toolwarden.processor.flow;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.toolwarden.processor.ToolwardenProcessor;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Test sources for the flow analysis: tool classes compiled with the processor, together with tiny stubs that
 * declare library sinks under their real qualified names (Spring, JPA, jOOQ, OkHttp, SpEL are not on the test
 * class path; the analysis matches sinks by name only).
 */
final class FlowSources {

  static final String IMPORTS = "import dev.toolwarden.*; import jakarta.validation.constraints.*; import java.util.*;"
      + " import java.io.*; import java.net.*; import java.net.http.*; import java.nio.file.*; import java.sql.*;";

  private FlowSources() {}

  static List<JavaFileObject> stubs() {
    List<JavaFileObject> s = new ArrayList<>();
    s.add(stub("org.springframework.jdbc.core.JdbcTemplate", "public class JdbcTemplate {",
        "  public List<Map<String, Object>> queryForList(String sql, Object... args) { return null; }",
        "  public int update(String sql, Object... args) { return 0; }", "}"));
    s.add(stub("jakarta.persistence.EntityManager", "public interface EntityManager {",
        "  Object createNativeQuery(String sql);", "  Object createQuery(String jpql);", "}"));
    s.add(stub("org.jooq.impl.DSL", "public class DSL {",
        "  public static Object sql(String sql, Object... parts) { return null; }", "}"));
    s.add(stub("org.springframework.web.client.RestTemplate", "public class RestTemplate {",
        "  public <T> T getForObject(String url, Class<T> type, Object... vars) { return null; }", "}"));
    s.add(stub("okhttp3.Request", "public final class Request {", "  public static final class Builder {",
        "    public Builder url(String url) { return this; }", "  }", "}"));
    s.add(stub("org.springframework.expression.ExpressionParser", "public interface ExpressionParser {",
        "  Object parseExpression(String expression);", "}"));
    return s;
  }

  private static JavaFileObject stub(String qualifiedName, String... lines) {
    String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    List<String> all = new ArrayList<>();
    all.add("package " + pkg + ";");
    all.add("import java.util.*; import java.lang.annotation.*;");
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines(qualifiedName, all);
  }

  /** A tool class {@code test.T} made of these lines (after the package and imports, which take lines 1-2). */
  static JavaFileObject tool(List<String> lines) {
    List<String> all = new ArrayList<>();
    all.add("package test;");
    all.add(IMPORTS);
    all.addAll(lines);
    return JavaFileObjects.forSourceLines("test.T", all);
  }

  /** Compiles a tool class with the processor and the stubs. */
  static Compilation compile(JavaFileObject tool, String... options) {
    List<JavaFileObject> all = new ArrayList<>(stubs());
    all.add(tool);
    return javac().withProcessors(new ToolwardenProcessor()).withOptions(List.of(options)).compile(all);
  }

  /** Every diagnostic of a kind whose message carries the rule id, as "line: message". */
  static List<String> diagnostics(Compilation c, Diagnostic.Kind kind, String ruleId) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getKind() == kind && d.getMessage(null).contains("[" + ruleId + "]")) {
        out.add(d.getLineNumber() + ": " + d.getMessage(null));
      }
    }
    return out;
  }

  /** The 1-based line of the first line containing the marker, counting the two header lines. */
  static int lineOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i + 3;
      }
    }
    throw new IllegalArgumentException("no " + marker);
  }
}
