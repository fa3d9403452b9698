package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, non-static, non-generic method as the completion of one prompt argument or one resource template
 * variable ({@code completion/complete}).
 *
 * <p>Set either {@link #prompt()} and {@link #argument()}, or {@link #resourceTemplate()} and {@link #variable()};
 * the prompt or template must be declared by an annotated method of the same compilation. The method takes the
 * partial value as a {@code String}, optionally a {@code Map<String, String>} of the arguments the client already
 * chose, and returns {@code List<String>}: at most 100 values are sent, with {@code hasMore} set when there were
 * more. The scopes of the prompt or template apply, plus any {@code @RequiresScope} of this method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpComplete {

  /** The name of the prompt whose argument this completes. */
  String prompt() default "";

  /** The prompt argument this completes. */
  String argument() default "";

  /** The URI template of the resource template whose variable this completes. */
  String resourceTemplate() default "";

  /** The template variable this completes. */
  String variable() default "";
}
