package dev.toolwarden.processor.gen;

import com.palantir.javapoet.CodeBlock;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.function.Function;

/**
 * Emits the expression that turns a returned Java value into a JSON tree (maps, lists,
 * strings, numbers, booleans), so the runtime never reflects on user types.
 */
final class ValueWriter {

  private final ToolClassModel model;
  private final Function<RecordModel, String> recordWriter;

  ValueWriter(ToolClassModel model, Function<RecordModel, String> recordWriter) {
    this.model = model;
    this.recordWriter = recordWriter;
  }

  CodeBlock write(JType t, CodeBlock value, int depth) {
    String e = "e" + depth;
    if (t instanceof JType.Scalar s) {
      return switch (s.kind()) {
        case UUID, URI, LOCAL_DATE, INSTANT, OFFSET_DATE_TIME, DURATION, PATH ->
            CodeBlock.of("$T.text($L)", TypeNames.OUT, value);
        default -> value;
      };
    }
    if (t instanceof JType.EnumType) {
      return CodeBlock.of("$T.name($L)", TypeNames.OUT, value);
    }
    if (t instanceof JType.RecordType r) {
      return CodeBlock.of("$L($L)", recordWriter.apply(model.record(r)), value);
    }
    if (t instanceof JType.ArrayType a) {
      CodeBlock element = write(a.element(), CodeBlock.of("$L", e), depth + 1);
      if (a.container() == JType.Container.ARRAY) {
        return CodeBlock.of("$T.array($L, ($T $L) -> $L)", TypeNames.OUT, value, TypeNames.of(a.element()).box(), e, element);
      }
      return CodeBlock.of("$T.list($L, $L -> $L)", TypeNames.OUT, value, e, element);
    }
    if (t instanceof JType.MapType m) {
      return CodeBlock.of("$T.map($L, $L -> $L)", TypeNames.OUT, value, e, write(m.value(), CodeBlock.of("$L", e),
          depth + 1));
    }
    if (t instanceof JType.OptionalType o) {
      return CodeBlock.of("$L.map($L -> ($T) $L).orElse(null)", value, e, Object.class,
          write(o.value(), CodeBlock.of("$L", e), depth + 1));
    }
    throw new IllegalStateException("cannot write " + t);
  }
}
