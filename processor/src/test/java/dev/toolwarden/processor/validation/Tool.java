package dev.toolwarden.processor.validation;

import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.spi.ArgumentsRejectedException;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.Violation;
import dev.toolwarden.runtime.spi.Violations;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One tool of the corpus: its generated definition, an instance to call it on, and its oracle. */
final class Tool {

  /** A test invocation: no context (the corpus only passes it through) and no path roots. */
  static final Invocation INVOCATION = new Invocation() {
    @Override
    public ToolContext context() {
      return null;
    }

    @Override
    public Path resolvePath(PathRule rule, String pointer, String raw, Violations violations) {
      throw new UnsupportedOperationException("the differential corpus has no @SafePath arguments");
    }
  };

  private final String className;
  private final ToolDefinition definition;
  private final Object target;
  private final Method method;
  private Oracle oracle;
  private Map<String, Object> exactSchema;

  Tool(String className, ToolDefinition definition, Object target, Method method) {
    this.className = className;
    this.definition = definition;
    this.target = target;
    this.method = method;
  }

  String name() {
    return definition.name();
  }

  String className() {
    return className;
  }

  String schema() {
    return definition.inputSchema();
  }

  Method method() {
    return method;
  }

  synchronized Oracle oracle() {
    if (oracle == null) {
      oracle = new Oracle(schema());
    }
    return oracle;
  }

  /** The input schema with exact numbers. */
  synchronized Map<String, Object> exactSchema() {
    if (exactSchema == null) {
      exactSchema = JsonText.exact(schema());
    }
    return exactSchema;
  }

  /** What the generated invoker says about the arguments. */
  sealed interface Verdict {
    boolean accepted();
  }

  /** Accepted: the tool method ran. */
  record Accepted(Object outcome) implements Verdict {
    @Override
    public boolean accepted() {
      return true;
    }
  }

  /** Rejected with the violations the invoker reported. */
  record Rejected(List<Violation> violations) implements Verdict {
    @Override
    public boolean accepted() {
      return false;
    }
  }

  /** The generated code threw something other than ArgumentsRejectedException: always a bug. */
  record Crashed(Throwable error) implements Verdict {
    @Override
    public boolean accepted() {
      return false;
    }
  }

  Verdict invoke(Map<String, Object> arguments) {
    try {
      return new Accepted(definition.invoker().invoke(target, arguments, INVOCATION));
    } catch (ArgumentsRejectedException e) {
      return new Rejected(e.violations());
    } catch (Throwable t) {
      return new Crashed(t);
    }
  }

  @Override
  public String toString() {
    return className + "#" + name();
  }
}
