package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.List;

/** @Email becomes format "email" (asserted by the oracle); a custom regexp also becomes a pattern. */
@RequiresScope("test")
public class EmailTools {

  /** E-mail addresses. */
  @McpTool(name = "emails")
  public void emails(@Email String email,
      @Email(regexp = ".+@example\\.com") String corporate,
      @Email @Size(max = 20) String shortEmail,
      List<@Email String> recipients) {
    Capture.args(email, corporate, shortEmail, recipients);
  }
}
