package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ScalarKind;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Arguments and record components: valid, unique names; one injected context; paths only
 * behind {@code @SafePath}; {@code @Nullable} only where null can be held.
 */
public final class ArgumentCheck implements ModelCheck {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  /** One extension, optionally with its dot: what {@code PathGuard} can compare with a file name's last one. */
  private static final Pattern EXTENSION = Pattern.compile("\\.?[A-Za-z0-9_+-]{1,32}");

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (Operation t : model.inputs()) {
      int contexts = 0;
      for (Field p : t.parameters()) {
        if (p.type() instanceof JType.Context) {
          contexts++;
        }
      }
      if (contexts > 1) {
        reporter.report(Rule.CONTEXT_DUPLICATE, t.method(), t.describe());
      }
      fields(t.parameters(), t.describe(), reporter);
    }
    for (RecordModel r : model.records().values()) {
      fields(r.components(), "record " + r.element().getSimpleName(), reporter);
    }
  }

  private static void fields(List<Field> fields, String owner, Reporter reporter) {
    Set<String> names = new HashSet<>();
    for (Field f : fields) {
      if (f.type() instanceof JType.Context) {
        continue;
      }
      if (!NAME.matcher(f.jsonName()).matches()) {
        reporter.report(Rule.ARGUMENT_NAME_INVALID, f.element(), f.jsonName(), owner);
      } else if (!names.add(f.jsonName())) {
        reporter.report(Rule.ARGUMENT_NAME_DUPLICATE, f.element(), f.jsonName(), owner);
      }
      if (f.nullable() && f.type() instanceof JType.Scalar s && s.primitive()) {
        reporter.report(Rule.NULLABLE_PRIMITIVE, f.element(), ModelReader.describe(f.element()), s.javaType());
      }
      paths(f, reporter);
    }
  }

  private static void paths(Field f, Reporter reporter) {
    JType leaf = leaf(f.type());
    boolean isPath = leaf instanceof JType.Scalar s && s.kind() == ScalarKind.PATH;
    boolean isString = leaf instanceof JType.Scalar s && s.kind() == ScalarKind.STRING;
    if (f.safePath() == null) {
      if (isPath) {
        reporter.report(Rule.PATH_WITHOUT_GUARD, f.element(), ModelReader.describe(f.element()));
      }
      return;
    }
    if (!isPath && !isString) {
      reporter.report(Rule.SAFEPATH_TYPE, f.element(), f.safePath().annotation(),
          ModelReader.describe(f.element()), f.type().javaType());
    }
    if (!NAME.matcher(f.safePath().root()).matches()) {
      reporter.report(Rule.SAFEPATH_ROOT, f.element(), f.safePath().annotation(),
          ModelReader.describe(f.element()), f.safePath().root());
    }
    for (String ext : f.safePath().extensions()) {
      if (!EXTENSION.matcher(ext).matches()) {
        reporter.report(Rule.SAFEPATH_EXTENSION, f.element(), f.safePath().annotation(),
            ModelReader.describe(f.element()), ext);
      }
    }
    if (f.defaultJson() != null) {
      reporter.report(Rule.DEFAULT_INVALID, f.element(), f.defaultJson(), ModelReader.describe(f.element()),
          "a @SafePath argument cannot have a default; the client must name the path");
    }
  }

  /** The type a @SafePath applies to: through Optional, lists and maps. */
  static JType leaf(JType t) {
    if (t instanceof JType.OptionalType o) {
      return leaf(o.value());
    }
    if (t instanceof JType.ArrayType a) {
      return leaf(a.element());
    }
    if (t instanceof JType.MapType m) {
      return leaf(m.value());
    }
    return t;
  }
}
