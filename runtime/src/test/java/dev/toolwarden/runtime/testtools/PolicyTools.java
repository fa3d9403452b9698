package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.ToolException;
import dev.toolwarden.runtime.path.SafeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Tools that exercise every runtime policy: rate limits, redaction, confined paths, scopes. */
public final class PolicyTools {

  /** Runs between the path check and the open (tests swap files here); null in normal runs. */
  public static volatile Consumer<Path> beforeOpen;

  public record Receipt(String id, String card, String note) {}

  public String limited() {
    return "ok";
  }

  /** {@code @Redact card}; the receipt's card is {@code @Redact(keepLast = 4)}. */
  public Receipt pay(String card, String note, String mode) {
    switch (mode) {
      case "user" -> throw new ToolException("card " + card + " was declined");
      case "internal" -> throw new IllegalStateException("gateway rejected " + card
          + " with Authorization: Bearer abcdefghijklmnop0123 and id_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
      default -> {
        return new Receipt("r-1", card, note);
      }
    }
  }

  /** {@code @SafePath(root = "ws", mustExist = true, kind = FILE, followLinks = true) Path path}. */
  public String read(Path path) throws IOException {
    Consumer<Path> hook = beforeOpen;
    if (hook != null) {
      hook.accept(path);
    }
    return SafeFiles.readString(path);
  }

  public String admin() {
    return "admin";
  }
}
