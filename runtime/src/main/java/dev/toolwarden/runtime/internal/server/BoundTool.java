package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.spi.ToolDefinition;

/**
 * A tool definition together with the instance it is invoked on.
 *
 * @param generated whether the definition comes from a bundle the annotation processor generated (its
 *     schemas were checked at compile time), as opposed to a hand-written {@code ToolBundle}
 */
public record BoundTool(ToolDefinition definition, Object target, boolean generated) {}
