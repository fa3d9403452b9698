package dev.toolwarden.processor.flow;

import dev.toolwarden.processor.diag.Rule;

/**
 * The kinds of dangerous API a tool argument may reach, each reported under its own rule. A {@code @Pattern} guard
 * makes a value safe for a kind when every character the expression can match is in the kind's alphabet (and, for
 * commands, when the value cannot start with {@code '-'}).
 */
public enum SinkKind {
  COMMAND(Rule.COMMAND_INJECTION, "A-Za-z0-9_.,:=+@-"),
  SQL(Rule.SQL_INJECTION, "A-Za-z0-9_"),
  SSRF(Rule.SSRF, "A-Za-z0-9_-"),
  PATH(Rule.PATH_FLOW, "A-Za-z0-9_-"),
  EVAL(Rule.UNSAFE_EVAL, "A-Za-z0-9_");

  private final Rule rule;
  private final boolean[] alphabet = new boolean[128];

  SinkKind(Rule rule, String alphabet) {
    this.rule = rule;
    for (int i = 0; i < alphabet.length(); i++) {
      char c = alphabet.charAt(i);
      if (i + 2 < alphabet.length() && alphabet.charAt(i + 1) == '-') {
        for (char x = c; x <= alphabet.charAt(i + 2); x++) {
          this.alphabet[x] = true;
        }
        i += 2;
      } else {
        this.alphabet[c] = true;
      }
    }
  }

  /** The rule a finding of this kind is reported under. */
  public Rule rule() {
    return rule;
  }

  /** Whether a value made only of this character cannot change the meaning of the text it is put in. */
  public boolean allows(int c) {
    return c >= 0 && c < 128 && alphabet[c];
  }
}
