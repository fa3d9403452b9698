package dev.toolwarden.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.toolwarden.processor.model.Binding;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.RecordModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Emits, from a {@link Binding} plan, the straight-line code that reads one value of the SDK's
 * parsed arguments into a typed local variable, adding a violation (with its JSON pointer) for
 * every rule it breaks. What it accepts is exactly what {@link SchemaGenerator} writes into the
 * schema. Scalars and containers have their own emitters; this one handles presence, Optional,
 * enums and records, and dispatches.
 */
final class BindingEmitter {

  /** What the emitted code binds the properties of: the tool's arguments, or a record's JSON object. */
  enum Frame {
    ARGUMENTS("false", "argument"),
    /** In a record reader, values inherit the reader's {@code red} parameter. */
    RECORD("red", "property");

    final String redaction;
    final String noun;

    Frame(String redaction, String noun) {
      this.redaction = redaction;
      this.noun = noun;
    }
  }

  private final Function<RecordModel, String> recordReader;
  private final Frame frame;
  private final LocalNames names = new LocalNames();
  private final ScalarEmitter scalars;
  private final ContainerEmitter containers;

  BindingEmitter(Constants constants, PatternMatchers patterns, Function<RecordModel, String> recordReader,
      Frame frame) {
    this.recordReader = recordReader;
    this.frame = frame;
    this.scalars = new ScalarEmitter(constants, patterns, names);
    this.containers = new ContainerEmitter(this);
  }

  LocalNames names() {
    return names;
  }

  /**
   * Binds every declared property of an object to a new local variable, in order, and returns their
   * names. Every value is looked up first: when as many declared properties are present as the
   * object has keys, it has no unknown key, and the loop that names the unknown ones is skipped.
   */
  List<String> properties(CodeBlock.Builder b, String map, List<Binding> fields) {
    List<String> raws = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    for (Binding f : fields) {
      if (!declared.add(f.name())) {
        // ArgumentCheck reports duplicate names, and generators run only without errors
        throw new IllegalStateException("duplicate property " + f.name());
      }
      String raw = names.fresh("raw");
      b.addStatement("$T $L = $L.get($S)", Object.class, raw, map, f.name());
      raws.add(raw);
    }
    unknownKeys(b, map, fields, raws);
    List<String> vars = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      vars.add(field(b, fields.get(i), map, raws.get(i)));
    }
    return vars;
  }

  /** Rejects every key of the object that is not a declared property. */
  private void unknownKeys(CodeBlock.Builder b, String map, List<Binding> fields, List<String> raws) {
    CodeBlock keyPointer = CodeBlock.of("\"/\" + $T.escape(key)", TypeNames.VIOLATIONS);
    String noun = frame.noun;
    if (!fields.isEmpty()) {
      // a declared key sent as null is not counted: the loop then runs and finds nothing unknown
      CodeBlock.Builder present = CodeBlock.builder();
      for (int i = 0; i < raws.size(); i++) {
        present.add(i == 0 ? "($L == null ? 0 : 1)" : " +$W($L == null ? 0 : 1)", raws.get(i));
      }
      b.add("// a key that is not declared exists only if fewer declared ones are present than there are keys\n");
      b.beginControlFlow("if ($L.size() != $L)", map, present.build());
    }
    b.beginControlFlow("for ($T key : $L.keySet())", String.class, map);
    if (fields.isEmpty()) {
      b.addStatement("v.add($L, \"additionalProperties\", $S)", keyPointer, "unknown " + noun);
    } else {
      b.beginControlFlow("switch (key)");
      for (Binding f : fields) {
        b.add("case $S:\n", f.name());
      }
      b.indent().addStatement("break").unindent();
      b.add("default:\n").indent()
          .addStatement("v.add($L, \"additionalProperties\", $S)", keyPointer, "unknown " + noun)
          .unindent();
      b.endControlFlow();
    }
    b.endControlFlow();
    if (!fields.isEmpty()) {
      b.endControlFlow();
    }
  }

  /** Binds a property whose value {@code raw} holds (null when absent or null) to a new local variable. */
  private String field(CodeBlock.Builder b, Binding f, String map, String raw) {
    String var = names.fresh("arg");
    b.addStatement("$T $L = $L", TypeNames.of(f.type()), var, f.optional()
        ? CodeBlock.of("$T.empty()", TypeNames.OPTIONAL) : CodeBlock.of(TypeNames.neutral(f.type())));
    if (f.presence() == Binding.Presence.NULLABLE) {
      // absent or null: the neutral value (null or Optional.empty()) stands
      b.beginControlFlow("if ($L != null)", raw);
    } else {
      b.beginControlFlow("if ($L == null)", raw);
      b.beginControlFlow("if ($L.containsKey($S))", map, f.name());
      mustNotBeNull(b, CodeBlock.of("$S", f.pointer()));
      b.nextControlFlow("else");
      if (f.presence() == Binding.Presence.REQUIRED) {
        b.addStatement("v.add(\"\", \"required\", $S)", "missing required " + frame.noun + " '" + f.name() + "'");
      } else {
        b.addStatement("$L = $L", var, DefaultLiteral.of(f, scalars.constants()));
      }
      b.endControlFlow();
      b.nextControlFlow("else");
    }
    Slot slot = new Slot(raw, f.pointer(), var, f.redacted() ? "true" : frame.redaction);
    if (f.optional()) {
      String inner = names.fresh("value");
      b.addStatement("$T $L = null", TypeNames.of(f.value()).box(), inner);
      value(b, f, slot.withTarget(inner));
      b.addStatement("$L = $T.ofNullable($L)", var, TypeNames.OPTIONAL, inner);
    } else {
      value(b, f, slot);
    }
    b.endControlFlow();
    return var;
  }

  static void mustNotBeNull(CodeBlock.Builder b, CodeBlock pointer) {
    b.addStatement("v.add($L, \"type\", \"must not be null\", null, false)", pointer);
  }

  /** Reads the slot's non-null raw value into its target. */
  void value(CodeBlock.Builder b, Binding binding, Slot slot) {
    JType t = binding.value();
    if (t instanceof JType.Scalar) {
      scalars.scalar(b, binding, slot);
    } else if (t instanceof JType.EnumType e) {
      enumValue(b, e, slot);
    } else if (t instanceof JType.RecordType) {
      // the reader's violations point into the record; ours are put in front only when there are any
      CodeBlock read = CodeBlock.of("$L = $L($L, v, inv, $L)", slot.target(), recordReader.apply(binding.record()),
          slot.raw(), slot.redaction());
      if (slot.pointer().isEmpty()) {
        b.addStatement(read);
      } else {
        String mark = mark(b);
        b.addStatement(read);
        prefixSince(b, mark, CodeBlock.of("$S", slot.pointer()));
      }
    } else if (t instanceof JType.ArrayType) {
      containers.array(b, binding, slot);
    } else if (t instanceof JType.MapType) {
      containers.map(b, binding, slot);
    } else {
      throw new IllegalStateException("cannot read " + t);
    }
  }

  /** Emits {@code int markN = v.size()} and returns the name: where {@link #prefixSince} starts. */
  String mark(CodeBlock.Builder b) {
    String mark = names.fresh("mark");
    b.addStatement("int $L = v.size()", mark);
    return mark;
  }

  /**
   * Puts {@code pointer} in front of the pointers of the violations added since {@code mark}, if any
   * were: a valid call builds no pointer.
   */
  static void prefixSince(CodeBlock.Builder b, String mark, CodeBlock pointer) {
    b.beginControlFlow("if (v.size() != $L)", mark);
    b.addStatement("v.prefix($L, $L)", mark, pointer);
    b.endControlFlow();
  }

  private void enumValue(CodeBlock.Builder b, JType.EnumType e, Slot slot) {
    String text = names.fresh("text");
    String pointer = slot.pointer();
    b.addStatement("$T $L = $T.toStr($L, $S, v, $L)", String.class, text, TypeNames.CHECK, slot.raw(), pointer,
        slot.redaction());
    b.beginControlFlow("if ($L != null)", text);
    b.beginControlFlow("switch ($L)", text);
    for (String constant : e.constants()) {
      b.add("case $S:\n", constant).indent()
          .addStatement("$L = $T.$L", slot.target(), ClassName.get(e.element()), constant)
          .addStatement("break").unindent();
    }
    b.add("default:\n").indent()
        .addStatement("v.add($S, \"enum\", $S, $L, $L)", pointer, "must be one of " + String.join(", ", e.constants()),
            slot.raw(), slot.redaction())
        .unindent();
    b.endControlFlow();
    b.endControlFlow();
  }
}
