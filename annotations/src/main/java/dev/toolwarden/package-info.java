/**
 * The annotations of Toolwarden: {@link dev.toolwarden.McpTool}, {@link dev.toolwarden.RequiresScope},
 * {@link dev.toolwarden.SafePath}, {@link dev.toolwarden.SafeUrl}, {@link dev.toolwarden.RateLimit}, {@link dev.toolwarden.Redact},
 * {@link dev.toolwarden.ToolParam} and {@link dev.toolwarden.Waive}.
 */
package dev.toolwarden;
