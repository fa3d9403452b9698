package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.ToolParam;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** @ToolParam(defaultValue): not required; the default is used when absent, null is still rejected. */
@RequiresScope("test")
public class DefaultTools {

  public enum Sort { ASC, DESC }

  /** Defaults for every scalar kind. */
  @McpTool(name = "defaults")
  public void defaults(@ToolParam(defaultValue = "true") boolean verbose,
      @ToolParam(defaultValue = "10") @Min(1) @Max(100) int limit,
      @ToolParam(defaultValue = "-7") long offset,
      @ToolParam(defaultValue = "123456789012345678901234567890") BigInteger big,
      @ToolParam(defaultValue = "0.25") @DecimalMin("0") double ratio,
      @ToolParam(defaultValue = "19.99") BigDecimal price,
      @ToolParam(defaultValue = "hello") @Size(max = 8) String greeting,
      @ToolParam(defaultValue = "abc") @Pattern(regexp = "[a-z]+") String code,
      @ToolParam(defaultValue = "DESC") Sort sort,
      @ToolParam(name = "request-id", defaultValue = "123e4567-e89b-12d3-a456-426614174000") UUID requestId,
      @ToolParam(defaultValue = "2024-02-29") LocalDate day,
      @ToolParam(defaultValue = "2024-01-01T00:00:00Z") Instant at,
      @ToolParam(defaultValue = "PT30S") Duration timeout,
      @ToolParam(defaultValue = "https://example.com/x") URI base,
      @ToolParam(defaultValue = "3") byte small,
      @ToolParam(defaultValue = "1.5") float factor) {
    Capture.args(verbose, limit, offset, big, ratio, price, greeting, code, sort, requestId, day, at, timeout, base,
        small, factor);
  }
}
