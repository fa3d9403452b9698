package dev.toolwarden.benchmarks;

import dev.toolwarden.benchmarks.servers.BareSdk;
import dev.toolwarden.benchmarks.servers.OnlyBundles;
import dev.toolwarden.benchmarks.tools.PipelineTools;
import dev.toolwarden.benchmarks.tools.PipelineTools_ToolBundle;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.ToolDefinition;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.ToolInputValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole tools/call in process: the tool method called directly, the generated invoker alone (bind,
 * validate, call, map, redact), Toolwarden's full pipeline ({@code BuilderAccess.callHandlers(builder)}: audit,
 * error mapping, scope, rate limit, invoker) and, for reference, a hand-written bare-SDK handler with
 * the SDK's validation (ToolInputValidator) as tools/call runs it. Audit events go to an in-memory
 * sink: the cost of a log backend is the backend's ({@link AuditCostBenchmark} measures the default trail).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PipelineBenchmark {

  private PipelineTools tools;
  private ToolDefinition tool;
  private ToolCallHandler handler;
  private SyncToolSpecification sdk;
  private DefaultJsonSchemaValidator sdkValidator;
  private McpSchema.CallToolRequest request;
  private Map<String, Object> args;
  private String id;
  private int count;
  volatile AuditEvent lastEvent;

  private static final Invocation NO_CONTEXT = new Invocation() {
    @Override
    public dev.toolwarden.runtime.ToolContext context() {
      throw new IllegalStateException();
    }

    @Override
    public java.nio.file.Path resolvePath(dev.toolwarden.runtime.spi.PathRule r, String p, String raw,
        dev.toolwarden.runtime.spi.Violations v) {
      throw new IllegalStateException();
    }
  };

  @Setup
  public void setUp() {
    tools = new PipelineTools();
    tool = new PipelineTools_ToolBundle().tools().get(0);
    handler = BuilderAccess.callHandlers(Toolwarden.server("bench", "1.0.0")
        .classLoader(new OnlyBundles(PipelineTools_ToolBundle.class.getName()))
        .tools(tools)
        .auditSink(e -> lastEvent = e)).get("lookup");
    sdk = BareSdk.lookup(McpJsonDefaults.getMapper());
    sdkValidator = new DefaultJsonSchemaValidator();
    args = new LinkedHashMap<>();
    args.put("id", "acct-42");
    args.put("count", 7);
    id = "acct-42";
    count = 7;
    request = new McpSchema.CallToolRequest("lookup", args);
    McpSchema.CallToolResult r = handler.apply(null, request);
    if (Boolean.TRUE.equals(r.isError()) || !r.structuredContent().toString().contains("****1111")) {
      throw new IllegalStateException("pipeline: " + r);
    }
  }

  /** The method itself, typed arguments, no framework. */
  @Benchmark
  public Object direct() {
    return tools.lookup(id, count);
  }

  /** The generated invoker alone: bind + validate + call + map with output redaction. */
  @Benchmark
  public Object generatedInvoker() throws Exception {
    return tool.invoker().invoke(tools, args, NO_CONTEXT);
  }

  /** Toolwarden's whole pipeline, as a transport calls it. */
  @Benchmark
  public McpSchema.CallToolResult toolwardenPipeline() {
    return handler.apply(null, request);
  }

  /** Bare SDK: its input validation as tools/call runs it, then the hand-written handler. */
  @Benchmark
  public McpSchema.CallToolResult bareSdkHandler() {
    McpSchema.CallToolResult invalid = ToolInputValidator.validate(sdk.tool(), args, true, sdkValidator);
    return invalid != null ? invalid : sdk.callHandler().apply(null, request);
  }
}
