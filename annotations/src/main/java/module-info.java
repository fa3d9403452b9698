/**
 * Toolwarden's annotations: {@code @McpTool}, {@code @RequiresScope}, {@code @SafePath}, {@code @RateLimit},
 * {@code @Redact}, {@code @ToolParam}, {@code @Nullable} and {@code @Waive}. No dependencies.
 */
module dev.toolwarden.annotations {
  exports dev.toolwarden;
}
