package dev.toolwarden.processor.gen;

/**
 * Where the code emitted for one binding reads from and writes to: the names generated code
 * gives the JSON value and the Java variable, with the pointer and redaction flag its violations carry.
 *
 * @param raw the variable holding the JSON value, known not to be null
 * @param pointer the value's JSON pointer, escaped, relative to the innermost record or container
 *     element being bound ({@code ""} for that value itself): the code binding that record or element
 *     puts its own pointer in front, and only when a violation was added ({@code Violations.prefix})
 * @param target the variable the bound Java value is assigned to
 * @param redaction the expression telling whether the value is redacted in a violation
 *     ({@code true}, {@code false}, or {@code red}, the flag a record reader inherits)
 */
record Slot(String raw, String pointer, String target, String redaction) {

  Slot withTarget(String otherTarget) {
    return new Slot(raw, pointer, otherTarget, redaction);
  }
}
