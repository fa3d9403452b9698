package dev.toolwarden.processor.validation;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.toolwarden.processor.ToolwardenProcessor;
import dev.toolwarden.processor.validation.Tool.Accepted;
import dev.toolwarden.processor.validation.Tool.Crashed;
import dev.toolwarden.processor.validation.Tool.Rejected;
import dev.toolwarden.processor.validation.Tool.Verdict;
import dev.toolwarden.runtime.spi.ArgumentsRejectedException;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.ResourceTemplateDefinition;
import dev.toolwarden.runtime.spi.ToolBundle;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The tools' differential test ({@link DifferentialTest}) for prompts and resource templates: a client sends prompt
 * arguments and URI variables as strings, the runtime converts each to the JSON type its schema property declares
 * (its own {@code ArgumentTypes}, called here as the runtime calls it), and then the generated renderer or reader
 * binds and validates them. For thousands of string inputs per prompt and template, that binding must accept exactly
 * what networknt accepts against the {@code argumentsSchema} / {@code variablesSchema} the server publishes, given the
 * same converted values.
 */
class FeatureBindingDifferentialTest {

  private static final String PACKAGE = "dev.toolwarden.featurediff";
  private static final int INPUTS = Integer.getInteger("toolwarden.diff.featureInputs", 3000);
  private static final long SEED = Long.getLong("toolwarden.diff.seed", 20261107L);
  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  /** One prompt or template: its published schema and how the generated code binds converted values. */
  private record Feature(String name, String schema, Binding binding) {}

  @FunctionalInterface
  private interface Binding {
    Object bind(Map<String, Object> converted) throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> generatedBindingAgreesWithThePublishedSchema() {
    return features().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> run(f)));
  }

  /** The comparison is not blind: a schema one bound wider than the binding's is caught. */
  @org.junit.jupiter.api.Test
  void aSchemaThatDiffersFromTheBindingIsCaught() throws IOException {
    Feature typed = features().get(0);
    String count = "\"count\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":10}";
    assertTrue(typed.schema().contains(count), typed.schema());
    List<String> found = compare(typed, typed.schema().replace(count, count.replace("10", "11")), new int[1]);
    assertTrue(found.stream().anyMatch(d -> d.contains("count=Integer(11)") && d.contains("schema ACCEPTS")),
        found.toString());
  }

  private static void run(Feature f) throws IOException {
    int[] accepted = new int[1];
    List<String> disagreements = compare(f, f.schema(), accepted);
    int compared = INPUTS;
    System.out.printf("%-40s inputs=%5d accepted=%5d rejected=%5d disagreements=%d%n", f.name(), compared,
        accepted[0], compared - accepted[0], disagreements.size());
    assertEquals(List.of(), disagreements, f.name() + ": the generated binding and the published schema disagree"
        + "\nschema: " + f.schema());
    // not vacuous: both verdicts occur often
    assertTrue(accepted[0] > compared / 20 && accepted[0] < compared - compared / 20,
        f.name() + ": accepted " + accepted[0] + " of " + compared);
  }

  /** Up to 10 disagreements between the binding and networknt on {@code oracleSchema}; counts the agreed accepts. */
  private static List<String> compare(Feature f, String oracleSchema, int[] acceptedOut) throws IOException {
    Oracle oracle = new Oracle(oracleSchema);
    RuntimeConversion conversion = RuntimeConversion.of(f.schema());
    Map<String, Object> schema = JSON.readValue(f.schema(), new TypeRef<Map<String, Object>>() {});
    Strings strings = new Strings(schema, new Random(SEED ^ f.name().hashCode()));
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    for (Map<String, Object> raw : strings.inputs(INPUTS)) {
      Map<String, Object> converted = conversion.convert(raw);
      Verdict subject = verdict(f.binding(), converted);
      boolean schemaAccepts = oracle.validate(converted).valid();
      if (subject instanceof Crashed || subject.accepted() != schemaAccepts) {
        if (disagreements.size() < 10) {
          disagreements.add("sent " + raw + ", converted " + Differential.Outcome.types(converted) + ": generated "
              + Differential.Outcome.describe(subject) + ", schema " + (schemaAccepts ? "ACCEPTS" : "REJECTS"));
        }
      } else if (schemaAccepts) {
        accepted++;
      }
    }
    acceptedOut[0] = accepted;
    return disagreements;
  }

  private static Verdict verdict(Binding binding, Map<String, Object> converted) {
    try {
      return new Accepted(binding.bind(converted));
    } catch (ArgumentsRejectedException e) {
      return new Rejected(e.violations());
    } catch (Throwable t) {
      return new Crashed(t);
    }
  }

  // ---- the corpus: compiled with the processor, as a user's build would -------------------------------------

  private static List<Feature> features() {
    JavaFileObject source = JavaFileObjects.forResource(FeatureBindingDifferentialTest.class.getClassLoader()
        .getResource("sources/" + PACKAGE.replace('.', '/') + "/FeatureBindingTools.java"));
    Compilation c = javac().withProcessors(new ToolwardenProcessor()).compile(source);
    assertEquals(Compilation.Status.SUCCESS, c.status(), () -> c.diagnostics().toString());
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        String binary = path.substring(path.indexOf("/dev/toolwarden/") + 1, path.length() - 6).replace('/', '.');
        try (InputStream in = f.openInputStream()) {
          classes.put(binary, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    ClassLoader loader = new Corpus.InMemoryClassLoader(classes, FeatureBindingDifferentialTest.class.getClassLoader());
    try {
      Object target = loader.loadClass(PACKAGE + ".FeatureBindingTools").getDeclaredConstructor().newInstance();
      ToolBundle bundle = (ToolBundle) loader.loadClass(PACKAGE + ".FeatureBindingTools_ToolBundle")
          .getDeclaredConstructor().newInstance();
      List<Feature> out = new ArrayList<>();
      for (PromptDefinition p : bundle.prompts()) {
        out.add(new Feature("prompt " + p.name(), p.argumentsSchema(),
            args -> p.renderer().render(target, args, Tool.INVOCATION)));
      }
      for (ResourceTemplateDefinition t : bundle.resourceTemplates()) {
        out.add(new Feature("template " + t.uriTemplate(), t.variablesSchema(),
            vars -> t.reader().read(target, t.uriTemplate(), vars, Tool.INVOCATION)));
      }
      assertEquals(5, out.size(), out.toString());
      return out;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The runtime's string-to-JSON-type conversion of prompt arguments and template variables
   * ({@code dev.toolwarden.runtime.internal.feature.ArgumentTypes}, not exported): called reflectively so that this
   * test exercises the very code the server runs rather than a copy of it.
   */
  private static final class RuntimeConversion {
    private final Object types;
    private final Method convert;

    private RuntimeConversion(Object types, Method convert) {
      this.types = types;
      this.convert = convert;
    }

    static RuntimeConversion of(String schema) {
      try {
        Class<?> c = Class.forName("dev.toolwarden.runtime.internal.feature.ArgumentTypes");
        Method of = c.getDeclaredMethod("of", String.class, McpJsonMapper.class);
        of.setAccessible(true);
        Method convert = c.getDeclaredMethod("convert", Map.class);
        convert.setAccessible(true);
        return new RuntimeConversion(of.invoke(null, schema, JSON), convert);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the runtime's ArgumentTypes changed shape", e);
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> convert(Map<String, Object> raw) {
      try {
        return (Map<String, Object>) convert.invoke(types, raw);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // ---- the inputs: what a client can send -----------------------------------------------------------------

  /** String values per property, chosen by the property's schema type; keys dropped and added at random. */
  private static final class Strings {
    private static final List<String> INTEGERS = List.of("0", "1", "2", "3", "5", "6", "9", "10", "11", "99", "100",
        "-1", "-0", "007", "+1", "1.0", "1e1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "99999999999999999999999", " 1", "1 ", "", "abc", "0x10", "١");
    private static final List<String> NUMBERS = List.of("0", "0.5", "0.49", "0.5000001", "1", "7.25", "10", "10.0",
        "10.000001", "99.5", "99.50", "99.51", "100", "-1", "-0", "1e1", "1E-1", "1e400", "4.9e-324", ".5", "5.",
        "NaN", "Infinity", "", "abc", "1,5", " 2");
    private static final List<String> BOOLEANS = List.of("true", "false", "TRUE", "False", "1", "0", "yes", "", "null");
    private static final List<String> TEXTS = List.of("", " ", "a", "ab", "abc", "abcde", "abcdef", "x1", "xy9",
        "ab12", "Ab", "a b", "a/b", "a/b/c", "abcdefghijklm", "///", "LOW", "HIGH", "low", "MEDIUM", "\t", "é", "日本",
        "\uD83D\uDE00\uD83D\uDE00", "a\uD83D\uDE00", "\u0000", "line\n", "null", "1");
    private static final List<String> UUIDS = List.of("3f0c9a8e-1b2c-4d5e-8f90-0a1b2c3d4e5f",
        "3F0C9A8E-1B2C-4D5E-8F90-0A1B2C3D4E5F", "3f0c9a8e1b2c4d5e8f900a1b2c3d4e5f", "not-a-uuid", "",
        "3f0c9a8e-1b2c-4d5e-8f90-0a1b2c3d4e5");
    private static final List<String> DATES = List.of("2026-02-28", "2026-02-29", "2024-02-29", "2026-13-01",
        "2026-1-1", "20260101", "", "2026-12-31T00:00:00Z");

    private final Map<String, Object> properties;
    private final List<String> required;
    private final Random random;

    @SuppressWarnings("unchecked")
    Strings(Map<String, Object> schema, Random random) {
      this.properties = (Map<String, Object>) schema.get("properties");
      this.required = (List<String>) schema.getOrDefault("required", List.of());
      this.random = random;
    }

    List<Map<String, Object>> inputs(int count) {
      List<Map<String, Object>> out = new ArrayList<>();
      while (out.size() < count) {
        Map<String, Object> base = valid();
        out.add(base);
        for (String key : properties.keySet()) { // each value of each pool in an otherwise valid input
          for (Object v : pool(key)) {
            Map<String, Object> m = new LinkedHashMap<>(base);
            m.put(key, v);
            out.add(m);
          }
          Map<String, Object> missing = new LinkedHashMap<>(base);
          missing.remove(key);
          out.add(missing);
        }
        Map<String, Object> extra = new LinkedHashMap<>(base);
        extra.put("unexpected", "1");
        out.add(extra);
        for (int i = 0; i < 40; i++) {
          out.add(randomInput());
        }
      }
      return out.subList(0, count);
    }

    /** A valid input, found by sampling the pools (the first values that the schema's type admits). */
    private Map<String, Object> valid() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String key : properties.keySet()) {
        if (required.contains(key) || random.nextBoolean()) {
          m.put(key, validValue(key));
        }
      }
      return m;
    }

    private Object validValue(String key) {
      Map<?, ?> p = (Map<?, ?>) properties.get(key);
      if (p.get("enum") instanceof List<?> e) {
        return String.valueOf(e.get(random.nextInt(2)));
      }
      switch (type(p)) {
        case "integer": return String.valueOf(Math.max(1, Math.min(5, 1 + random.nextInt(5))));
        case "number": return List.of("0.5", "1", "7.25", "9.5").get(random.nextInt(4));
        case "boolean": return random.nextBoolean() ? "true" : "false";
        case "array": return List.of(List.of("a"), List.of("ab", "cd"), List.of()).get(random.nextInt(3));
        default:
          if ("uuid".equals(p.get("format"))) {
            return UUIDS.get(0);
          }
          if ("date".equals(p.get("format"))) {
            return DATES.get(0);
          }
          return List.of("abc", "xy9", "ab/cd").get(random.nextInt(3));
      }
    }

    private Map<String, Object> randomInput() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String key : properties.keySet()) {
        if (random.nextInt(5) > 0) {
          List<Object> pool = pool(key);
          m.put(key, pool.get(random.nextInt(pool.size())));
        }
      }
      return m;
    }

    private List<Object> pool(String key) {
      Map<?, ?> p = (Map<?, ?>) properties.get(key);
      List<Object> out = new ArrayList<>();
      switch (type(p)) {
        case "integer" -> out.addAll(INTEGERS);
        case "number" -> out.addAll(NUMBERS);
        case "boolean" -> out.addAll(BOOLEANS);
        case "array" -> {
          out.add(List.of());
          out.add(List.of("a"));
          out.add(List.of("abcd", "b", "c"));
          out.add(List.of("a", "b", "c", "d"));
          out.add(List.of("abcde"));
          out.add(List.of(""));
          out.add("a"); // a client cannot send a string for an exploded variable, but binding must not crash
        }
        default -> {
          out.addAll(TEXTS);
          if ("uuid".equals(p.get("format"))) {
            out.addAll(UUIDS);
          }
          if ("date".equals(p.get("format"))) {
            out.addAll(DATES);
          }
        }
      }
      return out;
    }

    private static String type(Map<?, ?> property) {
      Object t = property.get("type");
      if (t instanceof List<?> l) {
        return String.valueOf(l.get(0));
      }
      return String.valueOf(t);
    }
  }
}
