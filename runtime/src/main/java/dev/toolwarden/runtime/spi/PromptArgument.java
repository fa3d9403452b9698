package dev.toolwarden.runtime.spi;

import java.util.Objects;

/**
 * One argument of a prompt, as {@code prompts/list} shows it.
 *
 * @param name the argument name (the parameter's name)
 * @param title the human-readable title, or {@code null}
 * @param description the description ({@code @ToolParam} or Javadoc), or {@code null}
 * @param required false only for a {@code @Nullable} or defaulted parameter
 */
public record PromptArgument(String name, String title, String description, boolean required) {

  public PromptArgument {
    Objects.requireNonNull(name, "name");
  }
}
