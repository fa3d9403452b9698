/**
 * OAuth 2.1 resource server: {@link dev.toolwarden.runtime.auth.ResourceServer} configures how bearer tokens are
 * verified (JWT with JWKS, or RFC 7662 introspection) behind the {@link dev.toolwarden.runtime.auth.TokenVerifier}
 * interface.
 */
package dev.toolwarden.runtime.auth;
