package dev.toolwarden.benchmarks;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.toolwarden.benchmarks.tools.ValidationTools;
import dev.toolwarden.benchmarks.tools.ValidationTools.Address;
import dev.toolwarden.benchmarks.tools.ValidationTools.Customer;
import dev.toolwarden.benchmarks.tools.ValidationTools.Line;
import dev.toolwarden.benchmarks.tools.ValidationTools.Order;
import dev.toolwarden.benchmarks.tools.ValidationTools.Priority;
import dev.toolwarden.benchmarks.tools.ValidationTools_ToolBundle;
import dev.toolwarden.runtime.spi.ArgumentsRejectedException;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.ToolDefinition;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.ToolInputValidator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * Argument validation, per call: Toolwarden's generated invoker (bind + validate; the tool method is a
 * no-op) against the SDK's default {@code tools/call} path, networknt with a precompiled schema, and
 * Hibernate Validator's executable validation with the same jakarta constraints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// the SDK logs a WARN line per rejected call; logging is not what is measured here
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dorg.slf4j.simpleLogger.log.io.modelcontextprotocol=error"})
public class ValidationBenchmark {

  @Param({"small", "medium", "nested"})
  public String shape;

  @Param({"valid", "invalid"})
  public String input;

  private ValidationTools target;
  private ToolDefinition tool;
  private Map<String, Object> args;
  private McpSchema.Tool sdkTool;
  private JsonSchemaValidator sdkValidator;
  private Schema networkntSchema;
  private JsonNode tree;
  private ValidatorFactory hvFactory;
  private ExecutableValidator hv;
  private Method method;
  private Object[] typed;

  private static final Invocation NO_CONTEXT = new Invocation() {
    @Override
    public dev.toolwarden.runtime.ToolContext context() {
      throw new IllegalStateException("no context in this benchmark");
    }

    @Override
    public java.nio.file.Path resolvePath(dev.toolwarden.runtime.spi.PathRule rule, String pointer, String raw,
        dev.toolwarden.runtime.spi.Violations violations) {
      throw new IllegalStateException("no paths in this benchmark");
    }
  };

  @Setup
  public void setUp() throws Exception {
    boolean valid = input.equals("valid");
    target = new ValidationTools();
    tool = new ValidationTools_ToolBundle().tools().stream().filter(t -> t.name().equals(shape)).findFirst()
        .orElseThrow();
    args = Inputs.map(shape, valid);

    McpJsonMapper json = McpJsonDefaults.getMapper();
    sdkTool = McpSchema.Tool.builder(shape, json, tool.inputSchema()).build();
    sdkValidator = new DefaultJsonSchemaValidator();

    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    networkntSchema = registry.getSchema(tool.inputSchema());
    tree = Inputs.JSON.valueToTree(args);

    hvFactory = Validation.buildDefaultValidatorFactory();
    hv = hvFactory.getValidator().forExecutables();
    method = switch (shape) {
      case "small" -> ValidationTools.class.getMethod("small", String.class, int.class, boolean.class);
      case "medium" -> ValidationTools.class.getMethod("medium", String.class, String.class, int.class, double.class,
          int.class, List.class, Address.class, Priority.class, boolean.class, String.class);
      default -> ValidationTools.class.getMethod("nested", Order.class);
    };
    typed = typedArguments(shape, valid);

    // every implementation must agree on valid / invalid, or the comparison means nothing
    boolean ours = toolwarden() == null;
    boolean sdk = !Boolean.TRUE.equals(sdkDefault().isError());
    boolean nn = networknt().isEmpty();
    boolean hib = hibernateValidator().isEmpty();
    if (ours != valid || nn != valid || hib != valid) {
      throw new IllegalStateException(shape + "/" + input + ": toolwarden=" + ours + " networknt=" + nn
          + " hibernate=" + hib + " sdk=" + sdk);
    }
    // the SDK does not assert "format": an invalid e-mail alone passes its check (DESIGN.md section 8)
    if (sdk != valid && !(shape.equals("medium") && sdk)) {
      throw new IllegalStateException(shape + "/" + input + ": sdk=" + sdk);
    }
  }

  @TearDown
  public void tearDown() {
    hvFactory.close();
  }

  /** Toolwarden: the generated invoker binds and validates the SDK's map, then calls the no-op method. */
  @Benchmark
  public Object toolwarden() {
    try {
      return tool.invoker().invoke(target, args, NO_CONTEXT) == null ? "" : null;
    } catch (ArgumentsRejectedException e) {
      return e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** (a) What tools/call does in the SDK today: ToolInputValidator with the DefaultJsonSchemaValidator. */
  @Benchmark
  public McpSchema.CallToolResult sdkDefault() {
    McpSchema.CallToolResult r = ToolInputValidator.validate(sdkTool, args, true, sdkValidator);
    return r == null ? OK : r;
  }

  private static final McpSchema.CallToolResult OK = McpSchema.CallToolResult.builder().isError(false).build();

  /** (b) networknt 2020-12, schema compiled once, input already a Jackson tree (its best case). */
  @Benchmark
  public List<com.networknt.schema.Error> networknt() {
    return networkntSchema.validate(tree);
  }

  /** (b') networknt with the map-to-tree conversion a tools/call needs (the arguments arrive as a map). */
  @Benchmark
  public List<com.networknt.schema.Error> networkntFromMap() {
    return networkntSchema.validate(Inputs.JSON.<JsonNode>valueToTree(args));
  }

  /** (c) Hibernate Validator's executable validation of already typed arguments (no binding). */
  @Benchmark
  public java.util.Set<jakarta.validation.ConstraintViolation<ValidationTools>> hibernateValidator() {
    return hv.validateParameters(target, method, typed);
  }

  static Object[] typedArguments(String shape, boolean valid) {
    Address address = new Address("12 St James's Square", valid ? "London" : "", valid ? "12345" : "1234X");
    return switch (shape) {
      case "small" -> valid ? new Object[] {"Ada Lovelace", 36, true} : new Object[] {"", 200, true};
      case "medium" -> new Object[] {"Ada Lovelace", valid ? "ada@example.org" : "ada-at-example.org", 36,
          valid ? 12.5 : -1.0, 3, List.of("math", valid ? "engines" : "", "poetry"),
          new Address("12 St James's Square", "London", valid ? "12345" : "1234X"), Priority.HIGH, true,
          "first programmer"};
      default -> new Object[] {new Order("ord-1001", new Customer("Ada Lovelace", "ada@example.org", address),
          List.of(new Line("A-1", valid ? 2 : 0, 9.99), new Line("B-2", 1, 120.0),
              new Line("C-3", 5, valid ? 0.5 : 0.0)), Priority.NORMAL)};
    };
  }
}
