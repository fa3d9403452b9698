package dev.toolwarden.processor.gen;

import com.palantir.javapoet.CodeBlock;

/**
 * A JSON pointer in generated code: an optional variable holding a pointer computed at run time
 * ({@code ptr}, {@code at3}) followed by a constant, already escaped, suffix. Keeping the constant
 * part apart lets the emitter write {@code ptr + "/name"} or {@code "/tags/"} instead of chains of
 * concatenations.
 *
 * @param variable the variable holding the run-time part, or null
 * @param suffix the constant part, escaped
 */
record PointerExpr(String variable, String suffix) {

  /** The pointer of the arguments object itself: {@code ""}. */
  static PointerExpr root() {
    return new PointerExpr(null, "");
  }

  /** The pointer held by a variable. */
  static PointerExpr variable(String name) {
    return new PointerExpr(name, "");
  }

  boolean isRoot() {
    return variable == null && suffix.isEmpty();
  }

  /** This pointer followed by an escaped constant. */
  PointerExpr plus(String escaped) {
    return new PointerExpr(variable, suffix + escaped);
  }

  /** The expression. */
  CodeBlock code() {
    if (variable == null) {
      return CodeBlock.of("$S", suffix);
    }
    return suffix.isEmpty() ? CodeBlock.of("$L", variable) : CodeBlock.of("$L + $S", variable, suffix);
  }

  /** The expression of this pointer followed by a run-time token expression (an index, an escaped key). */
  CodeBlock plusToken(CodeBlock token) {
    return CodeBlock.of("$L + $L", plus("/").code(), token);
  }
}
