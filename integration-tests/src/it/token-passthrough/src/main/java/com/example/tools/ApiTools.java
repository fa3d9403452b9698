package com.example.tools;

import dev.toolwarden.McpTool;

/** A tool that would pass the client's credential through to another service. */
public class ApiTools {

  /**
   * Calls the upstream API on the caller's behalf.
   *
   * @param query what to ask
   * @param token the caller's credential (the anti-pattern: the model sees and forwards it)
   */
  @McpTool(description = "Calls the upstream API")
  public String callApi(String query, String token) {
    return "called with " + query.length() + "/" + token.length();
  }

  /**
   * Not a credential: a count of model tokens. Must not be flagged.
   *
   * @param text what to summarise
   * @param maxTokens the longest summary
   */
  @McpTool(description = "Summarises text")
  public String summarise(String text, int maxTokens) {
    return text.substring(0, Math.min(text.length(), maxTokens));
  }
}
