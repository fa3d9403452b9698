package dev.toolwarden.test;

import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.test.internal.CapturedAudit;
import dev.toolwarden.test.internal.KitServer;
import dev.toolwarden.test.internal.ManualClock;
import dev.toolwarden.test.internal.RequestCaller;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An MCP client for unit tests of {@code @McpTool} (and {@code @McpResource}, {@code @McpPrompt},
 * {@code @McpComplete}) classes, connected in memory to the real server: the generated bundles are found by
 * {@code ServiceLoader} and matched to the given instances as in production, and every request goes through the
 * SDK client, the JSON-RPC messages and the whole pipeline — audit, scope check, rate limit, validation,
 * {@code @SafePath} and {@code @SafeUrl} confinement, the method, output redaction. What a test sees is what a client
 * sees.
 *
 * <pre>{@code
 * try (ToolwardenTestClient client = ToolwardenTestClient.of(new OrderTools()).withScopes("orders:read")) {
 *   ToolResult r = client.callTool("find_orders", Map.of("customerEmail", "ada@example.com"));
 *   assertFalse(r.isError(), r.text());
 *   assertEquals(AuditOutcome.OK, client.lastAuditEvent().outcome());
 * }
 * }</pre>
 *
 * <p><b>Caller.</b> Like a stdio server, the caller is the anonymous local user with every scope the served classes
 * declare, until {@link #withScopes} or {@link #asPrincipal} says otherwise; both may change between requests (rate
 * limits are per principal).
 *
 * <p><b>Time.</b> {@code @RateLimit} budgets run on a clock that only {@link #advanceClock} moves.
 *
 * <p><b>Life cycle.</b> The server is assembled at the first request (or {@link #start()}), with every start-up check
 * of the real server: a {@code @SafePath} root that is not bound is a
 * {@link dev.toolwarden.runtime.ToolwardenStartupException} there. {@link #close()} ends the session. An instance is
 * safe for concurrent requests.
 */
public final class ToolwardenTestClient implements AutoCloseable {

  private final ServerBuilder builder;
  private final ManualClock clock = new ManualClock();
  private final CapturedAudit audit = new CapturedAudit();
  /** Guards the life cycle (assembly, start failure, close); requests run outside it, concurrently. */
  private final Object lifecycle = new Object();
  private volatile RequestCaller caller = RequestCaller.DEFAULT;
  private KitServer server;
  private RuntimeException startFailure;
  private boolean closed;

  private ToolwardenTestClient(ServerBuilder builder) {
    this.builder = builder;
  }

  /**
   * A client of a server that serves {@code toolInstances} (each needs its generated bundle on the class path).
   *
   * @param toolInstances instances of annotated classes, at least one
   */
  public static ToolwardenTestClient of(Object... toolInstances) {
    if (toolInstances.length == 0) {
      throw new IllegalArgumentException("give at least one instance of an annotated class");
    }
    return new ToolwardenTestClient(Toolwarden.server("toolwarden-test", "0.0.0").tools(toolInstances));
  }

  /**
   * A client of the server {@code server} describes — the builder your {@code main} fills, with its roots,
   * settings, factory and egress — served in memory instead of over its transport. The kit sets the builder's
   * rate-limit backend (unless it has one: then {@link #advanceClock} does not reach it) and adds its own audit sink
   * after any the builder has. Do not use the builder for anything else afterwards.
   */
  public static ToolwardenTestClient forServer(ServerBuilder server) {
    return new ToolwardenTestClient(Objects.requireNonNull(server, "server"));
  }

  // ---- configuration -------------------------------------------------------------------------

  /**
   * Binds the {@code @SafePath} root {@code rootName} to {@code dir} (typically a JUnit {@code @TempDir}).
   *
   * @throws IllegalStateException once the server is assembled
   */
  public ToolwardenTestClient root(String rootName, Path dir) {
    synchronized (lifecycle) {
      requireNotStarted("root");
      builder.root(rootName, dir);
    }
    return this;
  }

  /**
   * Sets a server setting ({@code key} as in {@code toolwarden.<key>}, see {@code docs/settings.md}).
   *
   * @throws IllegalArgumentException when {@code key} is not a known setting
   * @throws IllegalStateException once the server is assembled
   */
  public ToolwardenTestClient config(String key, String value) {
    synchronized (lifecycle) {
      requireNotStarted("config");
      builder.config(key, value);
    }
    return this;
  }

  /**
   * Grants exactly {@code scopes} to the requests from now on (none when empty), as a verified token with those
   * scopes would; a tool, resource or prompt that needs another is refused.
   */
  public ToolwardenTestClient withScopes(String... scopes) {
    caller = caller.withScopes(Set.of(scopes));
    return this;
  }

  /** Makes the requests from now on come from {@code principal} (the audit's {@code principal}, its own rate limits). */
  public ToolwardenTestClient asPrincipal(String principal) {
    caller = caller.withPrincipal(Objects.requireNonNull(principal, "principal"));
    return this;
  }

  /** Moves the rate limits' clock forward: a spent {@code @RateLimit} budget refills as that much time passed. */
  public ToolwardenTestClient advanceClock(Duration by) {
    clock.advance(Objects.requireNonNull(by, "by"));
    return this;
  }

  /**
   * Assembles the server and connects now (the first request does otherwise).
   *
   * @throws dev.toolwarden.runtime.ToolwardenStartupException when the real server would refuse to start
   */
  public ToolwardenTestClient start() {
    sdkClient();
    return this;
  }

  // ---- requests ------------------------------------------------------------------------------

  /** Calls a tool without arguments. */
  public ToolResult callTool(String name) {
    return callTool(name, Map.of());
  }

  /**
   * Calls a tool. The arguments cross as JSON: numbers, strings, booleans, lists and maps, as a client sends them.
   */
  public ToolResult callTool(String name, Map<String, ?> arguments) {
    McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder(name)
        .arguments(new LinkedHashMap<>(arguments)).build();
    try {
      return new ToolResult(sdkClient().callTool(request), null);
    } catch (McpError e) {
      return new ToolResult(null, e);
    }
  }

  /** Reads a resource (an {@code @McpResource} URI, or a URI an {@code @McpResourceTemplate} matches). */
  public ResourceResult readResource(String uri) {
    try {
      return new ResourceResult(sdkClient().readResource(McpSchema.ReadResourceRequest.builder(uri).build()), null);
    } catch (McpError e) {
      return new ResourceResult(null, e);
    }
  }

  /** Gets a prompt without arguments. */
  public PromptResult getPrompt(String name) {
    return getPrompt(name, Map.of());
  }

  /** Gets a prompt; MCP prompt arguments are strings. */
  public PromptResult getPrompt(String name, Map<String, String> arguments) {
    try {
      McpSchema.GetPromptRequest request = McpSchema.GetPromptRequest.builder(name)
          .arguments(new LinkedHashMap<>(arguments)).build();
      return new PromptResult(sdkClient().getPrompt(request), null);
    } catch (McpError e) {
      return new PromptResult(null, e);
    }
  }

  /** Completes the argument {@code argument} of the prompt {@code prompt} from what the user typed so far. */
  public CompletionResult completePromptArgument(String prompt, String argument, String value) {
    return completePromptArgument(prompt, argument, value, Map.of());
  }

  /** As {@link #completePromptArgument(String, String, String)}, with the arguments already chosen. */
  public CompletionResult completePromptArgument(String prompt, String argument, String value,
      Map<String, String> chosen) {
    return complete(new McpSchema.PromptReference(prompt), argument, value, chosen);
  }

  /** Completes the variable {@code variable} of the resource template {@code uriTemplate}. */
  public CompletionResult completeResourceTemplateVariable(String uriTemplate, String variable, String value) {
    return completeResourceTemplateVariable(uriTemplate, variable, value, Map.of());
  }

  /** As {@link #completeResourceTemplateVariable(String, String, String)}, with the variables already chosen. */
  public CompletionResult completeResourceTemplateVariable(String uriTemplate, String variable, String value,
      Map<String, String> chosen) {
    return complete(new McpSchema.ResourceReference(uriTemplate), variable, value, chosen);
  }

  /** The tools the server lists to this caller, as the SDK client decoded them (names, schemas, annotations). */
  public List<McpSchema.Tool> listTools() {
    List<McpSchema.Tool> all = new ArrayList<>();
    String cursor = null;
    do {
      McpSchema.ListToolsResult page = sdkClient().listTools(cursor);
      all.addAll(page.tools());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  /**
   * The connected SDK client, for what this class does not cover (lists, subscriptions, pings). Its requests carry
   * the caller of {@link #withScopes} and {@link #asPrincipal} too.
   */
  public McpSyncClient sdkClient() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("this test client is closed");
      }
      if (startFailure != null) {
        throw startFailure; // the builder is spent: the same refusal again
      }
      if (server == null) {
        Supplier<RequestCaller> current = () -> caller;
        try {
          server = KitServer.start(builder, clock, audit, current);
        } catch (RuntimeException e) {
          startFailure = e;
          throw e;
        }
      }
      return server.client();
    }
  }

  // ---- what the server recorded --------------------------------------------------------------

  /** Every audit event so far, in order: one per request that reached the pipeline (refused or not). */
  public List<AuditEvent> auditEvents() {
    return audit.events();
  }

  /**
   * The audit events of the requests that were refused before anything ran: validation, {@code @SafePath} or
   * {@code @SafeUrl}, rate limit, missing scope. (A tool that ran and failed is {@link AuditOutcome#ERROR}, not here.)
   */
  public List<AuditEvent> rejections() {
    List<AuditEvent> refused = new ArrayList<>();
    for (AuditEvent e : audit.events()) {
      if (isRejection(e.outcome())) {
        refused.add(e);
      }
    }
    return refused;
  }

  /**
   * The most recent audit event.
   *
   * @throws NoSuchElementException when there is none
   */
  public AuditEvent lastAuditEvent() {
    List<AuditEvent> all = audit.events();
    if (all.isEmpty()) {
      throw new NoSuchElementException("no audit event yet");
    }
    return all.get(all.size() - 1);
  }

  /** Forgets the audit events so far (the rate-limit budgets are kept). */
  public ToolwardenTestClient clearAudit() {
    audit.clear();
    return this;
  }

  /** Ends the session and stops the server. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (server != null) {
        server.close();
      }
    }
  }

  private CompletionResult complete(McpSchema.CompleteReference ref, String argument, String value,
      Map<String, String> chosen) {
    McpSchema.CompleteRequest.Builder request = McpSchema.CompleteRequest.builder(ref,
        new McpSchema.CompleteRequest.CompleteArgument(argument, value));
    if (!chosen.isEmpty()) {
      request.context(new McpSchema.CompleteRequest.CompleteContext(new LinkedHashMap<>(chosen)));
    }
    try {
      return new CompletionResult(sdkClient().completeCompletion(request.build()), null);
    } catch (McpError e) {
      return new CompletionResult(null, e);
    }
  }

  private static boolean isRejection(AuditOutcome outcome) {
    return switch (outcome) {
      case VALIDATION_REJECTED, PATH_REJECTED, RATE_LIMITED, SCOPE_DENIED -> true;
      default -> false;
    };
  }

  private void requireNotStarted(String what) {
    if (server != null || startFailure != null || closed) {
      throw new IllegalStateException(what + "(..) configures the server: call it before the first request");
    }
  }
}
