package dev.toolwarden.benchmarks.tools;

import dev.toolwarden.McpResource;
import dev.toolwarden.McpResourceTemplate;
import dev.toolwarden.RateLimit;
import dev.toolwarden.Redact;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The resources of the resources/read benchmarks: a template whose variables are typed and constrained like tool
 * arguments, with the policies that apply without a file system (scope, rate limit, output redaction; audit is
 * always on), and a fixed text resource. {@code servers/BareSdk} registers the same two by hand on the SDK.
 */
@RequiresScope("bench:read")
public final class ResourceTools {

  /** The statement; the card number is masked on output. */
  public record Statement(String id, @Redact(keepLast = 4) String cardNumber, int page) {}

  /** The text of the fixed resource. */
  public static final String MOTD = "Benchmarks measure; they do not judge.";

  /**
   * A page of an account's statement.
   *
   * @param id the account id
   * @param page the page
   */
  @McpResourceTemplate(uriTemplate = "accounts://{id}/statements/{page}", name = "statement",
      mimeType = "application/json")
  @RateLimit(permits = 1_000_000_000, per = "1s")
  public Statement statement(@NotBlank @Size(max = 64) String id, @Min(1) @Max(100) int page) {
    return new Statement(id, "4111111111111111", page);
  }

  /** The message of the day. */
  @McpResource(uri = "bench://motd", name = "motd", mimeType = "text/plain")
  @RateLimit(permits = 1_000_000_000, per = "1s")
  public String motd() {
    return MOTD;
  }
}
