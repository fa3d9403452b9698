package dev.toolwarden.runtime.spi;

import java.nio.file.Path;

/** What the runtime provides to one generated tool invocation. */
public interface Invocation {

  /** The context injected into a tool parameter of type {@code ToolContext}. */
  dev.toolwarden.runtime.ToolContext context();

  /**
   * Resolves a client-supplied path against the rule's root and confines it there.
   *
   * @param pointer the pointer violations carry: generated code passes it relative to the record or
   *     element being bound and prefixes it if binding fails ({@link Violations#prefix})
   * @return the resolved real path, or {@code null} after adding a violation at {@code pointer}
   */
  Path resolvePath(PathRule rule, String pointer, String raw, Violations violations);
}
