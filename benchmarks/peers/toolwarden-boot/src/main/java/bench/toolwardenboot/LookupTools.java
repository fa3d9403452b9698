package bench.toolwardenboot;

import dev.toolwarden.McpTool;
import dev.toolwarden.RateLimit;
import dev.toolwarden.Redact;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The HTTP benchmark's tool (as dev.toolwarden.benchmarks.tools.PipelineTools) with every policy, as a bean. */
@RequiresScope("bench:call")
@Component
@Profile("lookup")
public class LookupTools {

  /** The result; the card number is masked on output. */
  public record Account(String id, @Redact(keepLast = 4) String cardNumber, int count) {}

  /**
   * Looks up an account.
   *
   * @param id the account id
   * @param count a count
   */
  @McpTool(name = "lookup", readOnly = true)
  @RateLimit(permits = 1_000_000_000, per = "1s")
  public Account lookup(@NotBlank @Size(max = 64) String id, @Min(1) @Max(100) int count) {
    return new Account(id, "4111111111111111", count);
  }
}
