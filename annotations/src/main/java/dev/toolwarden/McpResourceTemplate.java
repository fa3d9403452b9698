package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, non-static, non-generic method as an MCP resource template: a family of URIs described by an
 * RFC 6570 URI template, listed by {@code resources/templates/list} and read by {@code resources/read}.
 *
 * <p>Each template variable binds to the method parameter of the same name: {@code {id}} for one simple string
 * (reserved characters percent-encoded), {@code {+path}} for a path that may contain {@code /}, {@code {/segments*}}
 * for a list of path segments. Parameters are typed and constrained like tool arguments (Jakarta constraints,
 * enums, numbers), and a {@code Path}/{@code String} variable may carry {@code @SafePath}. When several templates
 * match one URI, the most specific one (the longest literal text) wins. Return types are those of
 * {@link McpResource}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpResourceTemplate {

  /** The RFC 6570 URI template, e.g. {@code file:///workspace/{+path}}. */
  String uriTemplate();

  /** The template's name. Empty means the method name. */
  String name() default "";

  /** A short human-readable title. Empty means none. */
  String title() default "";

  /** What the resources hold. Empty means the method's Javadoc main text. */
  String description() default "";

  /** The MIME type of the contents. Empty means derived from the return type. */
  String mimeType() default "";
}
