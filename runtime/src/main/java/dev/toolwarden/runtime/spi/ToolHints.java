package dev.toolwarden.runtime.spi;

/** The MCP tool annotations (behaviour hints) declared on {@code @McpTool}. */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {}
