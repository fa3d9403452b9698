package dev.toolwarden.processor.check;

import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ScalarKind;

/**
 * The types a value that arrives as one string can take — a template variable or a prompt argument, converted by
 * the runtime like a tool argument: scalars and enums, or {@code Optional} of one.
 */
final class StringValues {

  private StringValues() {}

  /** Why a value of this type cannot arrive as one string, or null when it can (or was reported as unsupported). */
  static String problem(JType t) {
    JType value = t instanceof JType.OptionalType o ? o.value() : t;
    if (value instanceof JType.EnumType || value instanceof JType.Unsupported) {
      return null;
    }
    if (value instanceof JType.Scalar s) {
      return s.kind() == ScalarKind.URL ? "is not converted from a string here; use URI" : null;
    }
    return "is not carried by one string: only scalars and enums are";
  }

  /** Whether the type is {@code List<String>}: the value of a {@code {/name*}} variable. */
  static boolean isStringList(JType t) {
    return t instanceof JType.ArrayType a && a.container() == JType.Container.LIST
        && a.element() instanceof JType.Scalar s && s.kind() == ScalarKind.STRING;
  }
}
