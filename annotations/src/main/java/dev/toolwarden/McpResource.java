package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, non-static, non-generic method as a fixed MCP resource: one URI, listed by
 * {@code resources/list} and read by {@code resources/read}.
 *
 * <p>The method takes no client-supplied parameter (a {@code ToolContext} parameter is injected). It returns
 * {@code String} (text), {@code byte[]} (a base64 blob), a record, list or map (JSON text, {@code application/json}),
 * an MCP SDK {@code ResourceContents}/{@code ReadResourceResult} (passed through), or an {@code Optional} of one of
 * these: {@code null} or {@code Optional.empty()} is answered with the specification's resource-not-found error.
 * {@code @RequiresScope}, {@code @RateLimit} and {@code @Redact} apply as they do to tools.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpResource {

  /** The resource's absolute URI (RFC 3986), e.g. {@code config://app/settings}. */
  String uri();

  /** The resource's name. Empty means the method name. */
  String name() default "";

  /** A short human-readable title. Empty means none. */
  String title() default "";

  /** What the resource holds. Empty means the method's Javadoc main text. */
  String description() default "";

  /** The MIME type of the contents. Empty means derived from the return type. */
  String mimeType() default "";
}
