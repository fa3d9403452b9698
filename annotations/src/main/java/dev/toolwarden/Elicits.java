package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The records a tool asks the user to fill in with {@code ToolContext.elicit(Confirmation.class, "message")}. The
 * processor generates each record's form at compile time — its schema (the flat subset elicitation allows: strings,
 * numbers, booleans, enums and lists of enums) and a reader that binds and validates the answer, constraints
 * included — exactly as it does for a tool's input. On a tool method, or on its class for all its tools.
 *
 * <p>Form elicitation must not ask for secrets: a component named like a credential is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Elicits {

  /** The records. */
  Class<? extends Record>[] value();
}
