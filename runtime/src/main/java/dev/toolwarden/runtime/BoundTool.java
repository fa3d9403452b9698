package dev.toolwarden.runtime;

import dev.toolwarden.runtime.spi.ToolDefinition;

/** A tool definition together with the instance it is invoked on. */
record BoundTool(ToolDefinition definition, Object target) {}
