package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.pipeline.CallChain;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.Pipeline;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.spi.ToolDefinition;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole pipeline of {@link PolicyTools} in-process: a fake clock for rate limits, captured
 * audit events, and a caller chosen per thread.
 */
public final class PolicyHarness {

  public static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  public final AtomicLong clock = new AtomicLong(5_000_000_000L);
  public final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  public final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock::get, 1000);
  private final ThreadLocal<Caller> caller = ThreadLocal.withInitial(() -> new Caller("alice", Set.of()));
  private final Map<String, ToolCallHandler> handlers = new HashMap<>();

  public PolicyHarness(Path root, AuditSink extra) {
    AuditSink sink = events::add;
    CallChain chain = Pipeline.standard(JSON, limiter, extra == null ? sink : extra.and(sink));
    PathGuard paths = PathGuard.of(root == null ? Map.of() : Map.of("ws", root));
    for (ToolDefinition def : new PolicyToolsBundle().tools()) {
      handlers.put(def.name(), new ToolCallHandler(def, new PolicyTools(), chain, exchange -> caller.get(), paths));
    }
  }

  public void as(String principal, String... scopes) {
    caller.set(new Caller(principal, Set.of(scopes)));
  }

  public McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
    return handlers.get(tool).apply(null, new McpSchema.CallToolRequest(tool, args));
  }

  public static String text(McpSchema.CallToolResult r) {
    StringBuilder b = new StringBuilder();
    for (McpSchema.Content c : r.content()) {
      b.append(((McpSchema.TextContent) c).text());
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
