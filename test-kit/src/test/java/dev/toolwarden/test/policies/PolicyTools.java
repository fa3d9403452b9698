package dev.toolwarden.test.policies;

import dev.toolwarden.McpTool;
import dev.toolwarden.RateLimit;
import dev.toolwarden.Redact;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.SafePath;
import dev.toolwarden.runtime.ToolException;
import dev.toolwarden.runtime.path.SafeFiles;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Tools that exercise every runtime policy — rate limits, redaction, confined paths, scopes — compiled by the
 * processor as a user's are (the runtime's own tests hand-write a bundle shaped like this class's).
 */
public final class PolicyTools {

  /** Runs between the path check and the open (tests swap files here); null in normal runs. */
  public static volatile Consumer<Path> beforeOpen;

  /** How {@link #pay} ends. */
  public enum Mode { ok, user, internal }

  /**
   * A payment's receipt.
   *
   * @param id the receipt
   * @param card the card, its last four digits visible
   * @param note the payer's note
   */
  public record Receipt(String id, @Redact(keepLast = 4) String card, String note) {}

  /** 3 calls a minute per principal. */
  @McpTool
  @RateLimit(permits = 3, per = "1m")
  public String limited() {
    return "ok";
  }

  /** 2 calls a minute per session. */
  @McpTool(name = "limited_session")
  @RateLimit(permits = 2, per = "1m", key = RateLimit.Key.SESSION)
  public String limitedSession() {
    return "ok";
  }

  /** 2 calls a minute for everyone. */
  @McpTool(name = "limited_global")
  @RateLimit(permits = 2, per = "1m", key = RateLimit.Key.GLOBAL)
  public String limitedGlobal() {
    return "ok";
  }

  /**
   * Pays with a card.
   *
   * @param card the card number
   * @param note a note for the receipt
   * @param mode how the payment ends
   */
  @McpTool
  public Receipt pay(@Redact @Pattern(regexp = "[0-9]{12,19}") String card, @Size(max = 40) String note, Mode mode) {
    switch (mode) {
      case user -> throw new ToolException("card " + card + " was declined");
      case internal -> throw new IllegalStateException("gateway rejected " + card + " with Authorization: Bearer "
          + Leaks.bearer() + " and id_token=" + Leaks.jwt());
      default -> {
        return new Receipt("r-1", card, note);
      }
    }
  }

  /**
   * Reads a file of the workspace.
   *
   * @param path the file, relative to the workspace root
   */
  @McpTool
  public String read(@SafePath(root = "ws", mustExist = true, kind = SafePath.Kind.FILE, followLinks = true) Path path)
      throws IOException {
    Consumer<Path> hook = beforeOpen;
    if (hook != null) {
      hook.accept(path);
    }
    return SafeFiles.readString(path);
  }

  /** Needs admin:all. */
  @McpTool
  @RequiresScope("admin:all")
  public String admin() {
    return "admin";
  }
}
