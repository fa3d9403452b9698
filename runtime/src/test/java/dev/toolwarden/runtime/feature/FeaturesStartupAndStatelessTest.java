package dev.toolwarden.runtime.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.spi.CompletionDefinition;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.PromptOutcome;
import dev.toolwarden.runtime.spi.ResourceDefinition;
import dev.toolwarden.runtime.spi.ResourceOutcome;
import dev.toolwarden.runtime.spi.ResourceTemplateDefinition;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.testtools.FeatureTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up errors that name the element and the fix; the annotated features on the stateless HTTP transport. */
class FeaturesStartupAndStatelessTest {

  @TempDir Path temp;

  private static final ToolPolicy OPEN = new ToolPolicy(List.of(), null, List.of(), List.of());

  /** A bundle built per test, found through a class loader that lists only it. */
  public static final class Custom {}

  private static ToolBundle bundle(List<ResourceDefinition> resources, List<ResourceTemplateDefinition> templates,
      List<PromptDefinition> prompts, List<CompletionDefinition> completions) {
    return new ToolBundle() {
      @Override
      public Class<?> toolClass() {
        return Custom.class;
      }

      @Override
      public List<ToolDefinition> tools() {
        return List.of();
      }

      @Override
      public List<ResourceDefinition> resources() {
        return resources;
      }

      @Override
      public List<ResourceTemplateDefinition> resourceTemplates() {
        return templates;
      }

      @Override
      public List<PromptDefinition> prompts() {
        return prompts;
      }

      @Override
      public List<CompletionDefinition> completions() {
        return completions;
      }
    };
  }

  private static String startupError(ToolBundle b) {
    return startupError(b, List.of());
  }

  private static String startupError(ToolBundle b, List<McpServerFeatures.SyncPromptSpecification> passthrough) {
    return assertThrows(ToolwardenStartupException.class, () -> Toolwarden.server("s", "1")
        .tools(new Custom())
        .prompts(passthrough.toArray(McpServerFeatures.SyncPromptSpecification[]::new))
        .classLoader(loaderOf(b))
        .stdio(new java.io.ByteArrayInputStream(new byte[0]), new java.io.ByteArrayOutputStream())).getMessage();
  }

  /** A class loader whose ServiceLoader finds exactly {@code b}: an in-memory services file naming a holder class. */
  private static ClassLoader loaderOf(ToolBundle b) {
    Holder.current = b;
    return new ClassLoader(FeaturesStartupAndStatelessTest.class.getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        if (name.equals("META-INF/services/" + ToolBundle.class.getName())) {
          Path f = Files.createTempFile("services", ".txt");
          Files.writeString(f, Holder.class.getName() + "\n");
          f.toFile().deleteOnExit();
          return Collections.enumeration(List.of(f.toUri().toURL()));
        }
        return super.getResources(name);
      }
    };
  }

  /** Delegates to the bundle of the running test (ServiceLoader needs a class with a no-arg constructor). */
  public static final class Holder implements ToolBundle {
    static volatile ToolBundle current;

    @Override
    public Class<?> toolClass() {
      return current.toolClass();
    }

    @Override
    public List<ToolDefinition> tools() {
      return current.tools();
    }

    @Override
    public List<ResourceDefinition> resources() {
      return current.resources();
    }

    @Override
    public List<ResourceTemplateDefinition> resourceTemplates() {
      return current.resourceTemplates();
    }

    @Override
    public List<PromptDefinition> prompts() {
      return current.prompts();
    }

    @Override
    public List<CompletionDefinition> completions() {
      return current.completions();
    }
  }

  private static ResourceDefinition resource(String uri) {
    return new ResourceDefinition(uri, "r", null, null, null, OPEN, (t, u, v, i) -> ResourceOutcome.text("x"));
  }

  private static ResourceTemplateDefinition template(String text) {
    return new ResourceTemplateDefinition(text, "t", null, null, null, "{\"type\":\"object\"}", OPEN,
        (t, u, v, i) -> ResourceOutcome.text("x"));
  }

  private static PromptDefinition prompt(String name) {
    return new PromptDefinition(name, null, null, List.of(), "{\"type\":\"object\"}", OPEN,
        (t, a, i) -> PromptOutcome.text("x"));
  }

  @Test
  void startupErrorsNameTheElementAndTheFix() {
    String dup = startupError(bundle(List.of(resource("a://x"), resource("a://x")), List.of(), List.of(), List.of()));
    assertTrue(dup.contains("duplicate resource URI 'a://x'"), dup);
    String outside = startupError(bundle(List.of(), List.of(template("a://{x}{y}")), List.of(), List.of()));
    assertTrue(outside.contains("'a://{x}{y}'") && outside.contains("adjacent"), outside);
    String unknownPrompt = startupError(bundle(List.of(), List.of(), List.of(prompt("p")), List.of(
        new CompletionDefinition(CompletionDefinition.RefKind.PROMPT, "q", "a", OPEN, (t, v, c, i) -> List.of()))));
    assertTrue(unknownPrompt.contains("prompt 'q'"), unknownPrompt);
    String unknownVariable = startupError(bundle(List.of(), List.of(template("a://{x}")), List.of(), List.of(
        new CompletionDefinition(CompletionDefinition.RefKind.RESOURCE_TEMPLATE, "a://{x}", "y", OPEN,
            (t, v, c, i) -> List.of()))));
    assertTrue(unknownVariable.contains("variable 'y'") && unknownVariable.contains("[x]"), unknownVariable);
    String clash = startupError(bundle(List.of(), List.of(), List.of(prompt("p")), List.of()), List.of(
        new McpServerFeatures.SyncPromptSpecification(new McpSchema.Prompt("p", null, List.of()), (e, r) -> null)));
    assertTrue(clash.contains("prompt name 'p'") && clash.contains(".prompts(..)"), clash);
    String root = startupError(bundle(List.of(), List.of(new ResourceTemplateDefinition("f://{+p}", "t", null, null,
        null, "{}", new ToolPolicy(List.of(), null, List.of(new dev.toolwarden.runtime.spi.PathRule("/p", "nowhere",
        true, "FILE", List.of(), false)), List.of()), (t, u, v, i) -> null)), List.of(), List.of()));
    assertTrue(root.contains("resource template 'f://{+p}' needs the root 'nowhere'"), root);
  }

  @Test
  void statelessHttpServesTheAnnotatedFeatures() throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(ws.resolve("a.txt"), "alpha");
    try (RunningServer server = Toolwarden.server("stateless-features", "1.0.0").tools(new FeatureTools())
        .root("ws", ws).http(HttpOptions.loopback(0).stateless());
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
            + server.port()).endpoint("/mcp").build()).requestTimeout(Duration.ofSeconds(20)).build()) {
      client.initialize();
      McpSchema.ReadResourceResult r = client.readResource(new McpSchema.ReadResourceRequest("file:///workspace/a.txt"));
      assertEquals("alpha", ((McpSchema.TextResourceContents) r.contents().get(0)).text());
      McpSchema.GetPromptResult p = client.getPrompt(new McpSchema.GetPromptRequest("greet", Map.of("name", "Ada")));
      assertEquals("Hello Ada!", ((McpSchema.TextContent) p.messages().get(0).content()).text());
      McpSchema.CompleteResult c = client.completeCompletion(new McpSchema.CompleteRequest(
          new McpSchema.PromptReference("greet"), new McpSchema.CompleteRequest.CompleteArgument("name", "name14")));
      assertEquals(11, c.completion().values().size());
      assertTrue(client.listResourceTemplates().resourceTemplates().size() >= 4);
    }
  }
}
