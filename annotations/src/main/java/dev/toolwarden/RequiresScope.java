package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OAuth scopes a caller's token must carry to call a tool (all of them).
 *
 * <p>On a class, the scopes apply to every tool of the class; on a method they are added to
 * the class's scopes. Each scope is an RFC 6749 scope token: printable ASCII without space,
 * double quote or backslash.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

  /** The scope tokens, all of which are required. */
  String[] value();
}
