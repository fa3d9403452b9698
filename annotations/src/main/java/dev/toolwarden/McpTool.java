package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, non-static, non-generic method as an MCP tool.
 *
 * <p>The annotation processor generates the tool's JSON Schema, its argument validator and
 * its registration code at compile time. The method's parameters become the tool's
 * arguments; a parameter of type {@code dev.toolwarden.runtime.ToolContext} is injected and
 * never appears in the schema.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpTool {

  /**
   * The tool's name as clients see it: 1 to 128 characters of {@code [A-Za-z0-9_.-]}.
   * Empty means the method name.
   */
  String name() default "";

  /** A short human-readable title. Empty means none. */
  String title() default "";

  /** What the tool does, for the model. Empty means the method's Javadoc main text. */
  String description() default "";

  /** Hint: the tool does not modify its environment. */
  boolean readOnly() default false;

  /** Hint: the tool may perform destructive updates (meaningful only when not read-only). */
  boolean destructive() default true;

  /** Hint: calling the tool twice with the same arguments has no additional effect. */
  boolean idempotent() default false;

  /** Hint: the tool interacts with an open world of external entities. */
  boolean openWorld() default true;
}
