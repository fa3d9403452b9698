package dev.toolwarden.runtime.spi;

import java.util.List;

/**
 * The security policy declared for one tool.
 *
 * @param scopes OAuth scopes a caller needs, all of them (class and method scopes merged)
 * @param rateLimit the rate limit, or {@code null} when the tool has none
 * @param safePaths the confined path arguments, by JSON pointer
 * @param redacted JSON pointers of redacted input arguments (prefix {@code /input}) and output
 *     values (prefix {@code /output}); {@code /*} stands for every list element or map value
 */
public record ToolPolicy(
    List<String> scopes, RateLimitPolicy rateLimit, List<PathRule> safePaths, List<String> redacted) {

  public ToolPolicy {
    scopes = List.copyOf(scopes);
    safePaths = List.copyOf(safePaths);
    redacted = List.copyOf(redacted);
  }
}
