package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, non-static, non-generic method as an MCP prompt, listed by {@code prompts/list} and rendered by
 * {@code prompts/get}.
 *
 * <p>The method's parameters are the prompt's arguments (description from {@code @ToolParam} or the Javadoc;
 * required unless {@code @Nullable}). MCP sends prompt arguments as strings; a number, boolean or enum parameter is
 * converted and validated like a tool argument. The method returns {@code String} (one user message), a
 * {@code List<PromptMessage>} or a {@code GetPromptResult} of the MCP SDK.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpPrompt {

  /** The prompt's name: 1 to 128 characters of {@code [A-Za-z0-9_.-]}. Empty means the method name. */
  String name() default "";

  /** A short human-readable title. Empty means none. */
  String title() default "";

  /** What the prompt is for. Empty means the method's Javadoc main text. */
  String description() default "";
}
