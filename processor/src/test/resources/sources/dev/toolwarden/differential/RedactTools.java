package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.Redact;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** @Redact values never appear in violation messages. */
@RequiresScope("test")
public class RedactTools {

  public record Account(@Size(max = 8) String owner, @Redact @Pattern(regexp = "[0-9]{4}") String pin) {}

  public record Card(@Pattern(regexp = "[0-9]{16}") String number, @Size(max = 3) String holder) {}

  /** Redacted arguments of several kinds. */
  @McpTool(name = "redacted")
  public void redacted(@Redact @Pattern(regexp = "[A-Z]{3}[0-9]{3}") @Size(max = 6) String voucher,
      @Redact @Max(99) int age,
      @Redact List<@Size(max = 3) String> hints,
      @Redact Map<String, Integer> scores,
      Account account,
      @Redact Card card,
      String visible) {
    Capture.args(voucher, age, hints, scores, account, card, visible);
  }
}
