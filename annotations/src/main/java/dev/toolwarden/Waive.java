package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Silences one named compile-time rule on one element, with a reason a reviewer can read.
 * Every waiver is listed in the security manifest. An empty reason is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Repeatable(Waive.List.class)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD,
    ElementType.RECORD_COMPONENT, ElementType.LOCAL_VARIABLE, ElementType.CONSTRUCTOR})
public @interface Waive {

  /** The rule id, as printed in brackets in the diagnostic (e.g. {@code "TW-PATH-STRING"}). */
  String rule();

  /** Why the rule does not apply here. Must not be blank. */
  String reason();

  /** Container for repeated waivers. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD,
      ElementType.RECORD_COMPONENT, ElementType.LOCAL_VARIABLE, ElementType.CONSTRUCTOR})
  @interface List {
    /** The waivers on one element. */
    Waive[] value();
  }
}
