package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** The shape of a value as the schema and validator see it, read from a Java type. */
public sealed interface JType {

  /** The Java type as written in generated code (canonical, with generics). */
  String javaType();

  /** A scalar: one JSON value mapped to one Java value. */
  record Scalar(ScalarKind kind, boolean primitive, String javaType) implements JType {}

  /** A Java enum: a string among the constant names. */
  record EnumType(TypeElement element, List<String> constants, String javaType) implements JType {}

  /** A record: a JSON object with one property per component, emitted once under {@code $defs}. */
  record RecordType(TypeElement element, String javaType) implements JType {}

  /** {@code List}, {@code Set} or an array. */
  record ArrayType(Container container, JType element, Constraints elementConstraints, boolean elementNullable,
      String javaType) implements JType {}

  /** {@code Map<String, V>}. */
  record MapType(JType value, Constraints valueConstraints, boolean valueNullable, String javaType)
      implements JType {}

  /** {@code Optional<T>}: the argument may be absent or null. */
  record OptionalType(JType value, Constraints valueConstraints, String javaType) implements JType {}

  /** The injected {@code ToolContext}. */
  record Context(String javaType) implements JType {}

  /** A type the processor cannot map, with the reason. */
  record Unsupported(String javaType, String reason) implements JType {}

  /** The kinds of collection. */
  enum Container { LIST, SET, ARRAY }
}
