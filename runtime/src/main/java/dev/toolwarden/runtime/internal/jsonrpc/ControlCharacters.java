package dev.toolwarden.runtime.internal.jsonrpc;

import java.util.Map;

/**
 * Whether a message's {@code id} or {@code method} holds a control character (C0, DEL, C1, or the Unicode line and
 * paragraph separators). Both are names, never text, so no client needs one; and the SDK writes both into the
 * server's log unescaped ("Unexpected response for unknown id …", "No handler registered for … method …"): a client
 * could forge whole log lines with a CR LF there. Such a message is refused as an invalid request before anything
 * logs it. Toolwarden's own audit lines escape every field anyway.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** Whether the string {@code id} or {@code method} among these message members holds a control character. */
  public static boolean inIdOrMethod(Map<?, ?> members) {
    return members.get("id") instanceof String id && any(id)
        || members.get("method") instanceof String method && any(method);
  }

  static boolean any(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
