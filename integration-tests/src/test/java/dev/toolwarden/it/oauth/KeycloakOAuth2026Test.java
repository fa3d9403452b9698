package dev.toolwarden.it.oauth;

/**
 * {@link KeycloakOAuthTest}'s battery against the same example server, its raw requests sent as MCP 2026-07-28
 * requests ({@link WireEra#MODERN}: no {@code initialize}, no session, {@code _meta} with the protocol version and the
 * client's capabilities in every request, {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name}
 * headers): every bad token, a token in the query string and a missing token get the same status, the same
 * {@code WWW-Authenticate} challenge and the same bodies as in 2025-11-25; a missing scope is the same 403 step-up;
 * tools, resource, template and prompt lists are filtered by the token's scopes; introspection refuses revoked tokens;
 * the TypeScript SDK 2.x client (pinned to 2026-07-28) calls tools with a Keycloak token and reads the 403 step-up
 * challenge of a tool outside its scopes. Only here: an
 * {@code Mcp-Name} that names another tool than the body is refused (400, -32020) before a scope decision could
 * trust it. The Java SDK client, the inspector CLI (2025-11-25 only) and session binding (no sessions in 2026-07-28)
 * are the 2025 class's alone; they are reported as skipped here.
 */
class KeycloakOAuth2026Test extends KeycloakOAuthTest {

  static {
    speak(KeycloakOAuth2026Test.class, WireEra.MODERN);
  }
}
