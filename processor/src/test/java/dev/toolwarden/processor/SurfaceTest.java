package dev.toolwarden.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Resources, resource templates, prompts and completions across a compilation: a completion may name a prompt or
 * template of another class, the service file lists their bundles, and the security manifest lists each of them with
 * its policy.
 */
class SurfaceTest {

  private static final String IMPORTS = "import dev.toolwarden.*; import java.util.*; import java.nio.file.Path;";

  @Test
  void completionMayNameAPromptAndATemplateOfAClassProcessedLater() throws IOException {
    JavaFileObject completions = Compiler.source("A", IMPORTS, "@RequiresScope(\"s\") public class A {",
        "  /** Topics. */",
        "  @McpComplete(prompt = \"review\", argument = \"topic\") public List<String> topics(String v) {",
        "    return List.of(); }",
        "  /** Ids. */",
        "  @McpComplete(resourceTemplate = \"docs://{id}\", variable = \"id\")",
        "  public List<String> ids(String v, Map<String, String> chosen) { return List.of(); }", "}");
    JavaFileObject declarations = Compiler.source("B", IMPORTS, "@RequiresScope(\"s\") public class B {",
        "  /** Review. @param topic what */", "  @McpPrompt public String review(String topic) { return topic; }",
        "  /** A doc. @param id which */",
        "  @McpResourceTemplate(uriTemplate = \"docs://{id}\") public String doc(String id) { return id; }", "}");
    Compilation c = Compiler.compile(List.of(completions, declarations));
    assertThat(c).succeededWithoutWarnings();
    String services = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", ToolwardenProcessor.SERVICE_FILE)
        .orElseThrow().getCharContent(false).toString();
    assertEquals("test.A_ToolBundle\ntest.B_ToolBundle\n", services);
  }

  @Test
  void unknownArgumentOfAPromptInAnotherClassFailsOnTheCompletion() {
    JavaFileObject completions = Compiler.source("A", IMPORTS, "public class A {",
        "  @McpComplete(prompt = \"review\", argument = \"tone\") public List<String> tones(String v) {",
        "    return List.of(); }", "}");
    JavaFileObject declarations = Compiler.source("B", IMPORTS, "public class B {",
        "  @McpPrompt public String review(String topic) { return topic; }", "}");
    Compilation c = Compiler.compile(List.of(completions, declarations));
    assertThat(c).hadErrorContaining("[TW-COMPLETE-UNKNOWN] @McpComplete on tones() names the argument 'tone' of "
        + "prompt review, which is not among the prompt's arguments [topic]").inFile(completions).onLine(4);
  }

  @Test
  void manifestListsEveryResourceTemplatePromptAndCompletionWithItsPolicy() throws IOException {
    Compilation c = Compiler.compile(Compiler.fixture("dev.toolwarden.fixtures.WorkspaceServer"));
    assertThat(c).succeededWithoutWarnings();
    String manifest = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/toolwarden/manifest.json")
        .orElseThrow().getCharContent(false).toString();
    String compact = manifest.replaceAll("\\s+", "");
    for (String expected : List.of(
        "\"resources\":{\"file:///workspace/README.md\":{\"class\":\"dev.toolwarden.fixtures.WorkspaceServer\","
            + "\"method\":\"readme\",\"scopes\":[\"files:read\"]}",
        "\"workspace://summary\":{\"class\":\"dev.toolwarden.fixtures.WorkspaceServer\",\"method\":\"summary\","
            + "\"scopes\":[\"files:read\"],\"rateLimit\":{\"permits\":10,\"windowMillis\":60000,\"key\":\"PRINCIPAL\"}}",
        "\"file:///workspace/{+path}\":{\"class\":\"dev.toolwarden.fixtures.WorkspaceServer\",\"method\":\"file\","
            + "\"scopes\":[\"files:read\"],\"safePaths\":[{\"argument\":\"path\",\"root\":\"workspace\",\"kind\":"
            + "\"FILE\",\"mustExist\":false,\"followLinks\":false,\"extensions\":[]}],\"safeUrls\":[],\"redacted\":[],"
            + "\"variablesSchemaSha256\":\"",
        "\"prompts\":{\"greet\":",
        "\"review\":{\"class\":\"dev.toolwarden.fixtures.WorkspaceServer\",\"method\":\"review\",\"scopes\":"
            + "[\"files:read\"],\"safePaths\":[],\"safeUrls\":[],\"redacted\":[\"/input/ticket\"],"
            + "\"argumentsSchemaSha256\":\"",
        "\"PROMPTreview/topic\":{\"class\":\"dev.toolwarden.fixtures.WorkspaceServer\",\"method\":\"completeTopic\","
            + "\"scopes\":[\"files:read\"],\"ref\":\"prompt\"}",
        "\"RESOURCE_TEMPLATEissues://{id}/comments{/page}/id\":")) {
      assertTrue(compact.contains(expected), expected + " in " + manifest);
    }
    // sorted like tools: a reviewer diffs it
    assertTrue(compact.indexOf("\"file:///workspace/README.md\"") < compact.indexOf("\"workspace://logo\""));
    assertTrue(compact.indexOf("\"workspace://logo\"") < compact.indexOf("\"workspace://summary\""));
  }
}
