package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a tool argument: its name in the schema, its description and its default.
 * Every attribute is optional; without this annotation the argument is named after the
 * parameter and described by the method's Javadoc {@code @param} text.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface ToolParam {

  /** Marks "no default value"; not a valid JSON text, so it cannot clash with a real default. */
  String NO_DEFAULT = "\u0000toolwarden:no-default";

  /** The argument's name in the schema; empty means the parameter name. */
  String name() default "";

  /** The argument's description; empty means the Javadoc {@code @param} text. */
  String description() default "";

  /**
   * The value used when the client omits the argument, written as the JSON value would be
   * ({@code "10"}, {@code "true"}, {@code "ASC"} for an enum, plain text for a string).
   * A defaulted argument is not required. Checked at compile time against the argument's
   * own constraints.
   */
  String defaultValue() default NO_DEFAULT;
}
