package com.example.tools;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.Waive;

/** A tool whose credential-named parameter is, on review, not the caller's credential. */
@RequiresScope("tokens:check")
public class ApiTools {

  /**
   * Tells whether a token has the shape of a one-time sign-up code.
   *
   * @param token the code the user typed
   */
  @McpTool(description = "Checks the shape of a sign-up code")
  public boolean checkCode(
      @Waive(rule = "TW-TOKEN-PASSTHROUGH", reason = "a one-time sign-up code the user types, not a credential of the caller")
      String token) {
    return token.matches("[A-Z0-9]{8}");
  }
}
