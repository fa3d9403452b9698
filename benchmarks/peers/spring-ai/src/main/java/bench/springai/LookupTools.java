package bench.springai;

import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.mcp.annotation.McpToolParam;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The HTTP benchmark's lookup tool, as Spring AI declares it: no policy at all (no scope, no rate limit, no argument
 * validation, no audit); the card is masked by hand so that the answer is the same as Toolwarden's.
 */
@Component
@Profile("lookup")
public class LookupTools {

  /** The result. */
  public record Account(String id, String cardNumber, int count) {}

  @McpTool(name = "lookup", description = "Looks up an account.")
  public Account lookup(@McpToolParam(description = "the account id") String id,
      @McpToolParam(description = "a count") int count) {
    String card = "4111111111111111";
    return new Account(id, "****" + card.substring(card.length() - 4), count);
  }
}
