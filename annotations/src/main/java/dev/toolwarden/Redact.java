package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value as sensitive: it never appears in logs, the audit trail, validation
 * messages or the security manifest. On an output record component or a method (its return
 * value) the value is masked in the result sent to the client.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
    ElementType.TYPE_USE})
public @interface Redact {

  /** For output values: how many trailing characters stay visible (0 masks all). */
  int keepLast() default 0;
}
