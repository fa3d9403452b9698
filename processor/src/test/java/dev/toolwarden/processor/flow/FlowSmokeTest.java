package dev.toolwarden.processor.flow;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowSmokeTest {
  @Test
  void smoke() {
    List<String> lines = List.of(
        "public class T {",
        "  Connection conn;",
        "  /** Finds. @param q what */",
        "  @McpTool @RequiresScope(\"a\") public String find(String q) throws Exception {",
        "    String sql = \"select * from t where a = '\" + q + \"'\";",
        "    conn.createStatement().executeQuery(sql); // SINK",
        "    new ProcessBuilder(\"git\", \"log\", q).start();",
        "    new ProcessBuilder(\"sh\", \"-c\", \"ls \" + q).start();",
        "    Files.readString(Path.of(\"/data\", q));",
        "    new URL(\"https://api.example.com/\" + q).openStream();",
        "    new URL(\"https://api.example.com\" + q).openStream();",
        "    return helper(q);",
        "  }",
        "  private String helper(String s) throws Exception { StringBuilder b = new StringBuilder(\"x\"); b.append(s);"
            + " return String.valueOf(Class.forName(b.toString())); }",
        "}");
    Compilation c = FlowSources.compile(FlowSources.tool(lines));
    c.diagnostics().forEach(d -> System.out.println(d.getKind() + " " + d.getLineNumber() + ": " + d.getMessage(null)));
  }
}
