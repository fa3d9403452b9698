package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.spi.ToolDefinition;

/** A tool definition together with the instance it is invoked on. */
public record BoundTool(ToolDefinition definition, Object target) {}
