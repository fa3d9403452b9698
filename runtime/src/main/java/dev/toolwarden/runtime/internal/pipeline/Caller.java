package dev.toolwarden.runtime.internal.pipeline;

import java.util.Set;

/**
 * Who is calling and what they were granted.
 *
 * @param principal the authenticated principal, {@code "anonymous"} without authentication
 * @param scopes the scopes granted to this caller
 * @param clientId the OAuth client id (e.g. the token's {@code azp} or {@code client_id}), or
 *     {@code null}; the audit trail then uses the MCP {@code clientInfo}
 */
public record Caller(String principal, Set<String> scopes, String clientId) {

  public static final String ANONYMOUS = "anonymous";

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  public Caller(String principal, Set<String> scopes) {
    this(principal, scopes, null);
  }
}
