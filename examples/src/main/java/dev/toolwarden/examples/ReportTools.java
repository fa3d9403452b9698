package dev.toolwarden.examples;

import dev.toolwarden.McpTool;
import dev.toolwarden.RateLimit;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.ToolParam;
import dev.toolwarden.runtime.ToolContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A long-running job that reports its progress. */
@RequiresScope("reports:run")
public final class ReportTools {

  /**
   * Builds a report section by section, sending a progress notification after each one.
   *
   * @param title the report's title
   * @param sections how many sections to build
   */
  @McpTool(name = "build_report", idempotent = true, openWorld = false)
  @RateLimit(permits = 5, per = "1m", key = RateLimit.Key.GLOBAL) // an expensive job: 5 a minute for everyone
  public String buildReport(@NotBlank @Size(max = 80) String title,
      @Min(1) @Max(20) @ToolParam(defaultValue = "3") int sections, ToolContext context) {
    StringBuilder report = new StringBuilder("# ").append(title).append('\n');
    for (int i = 1; i <= sections; i++) {
      report.append("\n## Section ").append(i).append('\n');
      context.progress(i, (double) sections, "section " + i + " of " + sections);
    }
    context.info("report '" + title + "' built");
    return report.toString();
  }

  /** Always fails with an unexpected error: shows that the client never sees internals. */
  @McpTool(name = "crash", openWorld = false)
  public String crash() {
    throw new IllegalStateException("database password rejected for db-internal-7.corp:5432");
  }
}
