// The parts of oauth-browser-client.mjs that do not depend on an SDK version: the event stream on stdout, the fetch
// that reports every exchange, the loopback listener for the authorization callback, and the in-memory
// OAuthClientProvider (the 1.x and 2.x SDKs read the same provider shape). See oauth-browser-client.mjs for the events.

import { createServer } from "node:http";
import { randomBytes } from "node:crypto";

const MAX_AUTHORIZATIONS = 4;

export function emit(event) {
  process.stdout.write(JSON.stringify(event) + "\n");
}

/**
 * fetch that reports every exchange (method, URL without query, status, and the request's MCP-* headers when it has
 * some): the discovery chain as it happened, and what each request to the MCP endpoint declared.
 */
export function reportingFetch(url, init) {
  const target = new URL(url instanceof Request ? url.url : String(url));
  const method = (init?.method ?? (url instanceof Request ? url.method : "GET")).toUpperCase();
  const mcpHeaders = {};
  for (const [name, value] of new Headers(init?.headers ?? (url instanceof Request ? url.headers : undefined))) {
    if (name.startsWith("mcp-")) mcpHeaders[name] = value;
  }
  return fetch(url, init).then((response) => {
    emit({ event: "http", method, url: target.origin + target.pathname, status: response.status,
      ...(Object.keys(mcpHeaders).length ? { mcpHeaders } : {}) });
    return response;
  });
}

export function claimsOf(jwt) {
  try {
    const c = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
    return { iss: c.iss, sub: c.sub, azp: c.azp, aud: c.aud, scope: c.scope };
  } catch {
    return { opaque: true };
  }
}

/** The loopback listener the authorization server redirects the browser to: one code per authorization. */
export class Callback {
  constructor() {
    this.waiting = [];
    this.arrived = [];
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async listen() {
    await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${this.server.address().port}/callback`;
  }

  handle(req, res) {
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname !== "/callback") {
      res.writeHead(404).end();
      return;
    }
    const outcome = { code: url.searchParams.get("code"), state: url.searchParams.get("state"),
      error: url.searchParams.get("error"), description: url.searchParams.get("error_description"),
      params: url.searchParams };
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(outcome.code ? "<p id=done>Authorized. You may close this window.</p>" : "<p id=done>Not authorized.</p>");
    const next = this.waiting.shift();
    if (next) next(outcome);
    else this.arrived.push(outcome);
  }

  next() {
    const ready = this.arrived.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => this.waiting.push(resolve));
  }

  close() {
    this.server.closeAllConnections?.();
    this.server.close();
  }
}

/**
 * An in-memory OAuthClientProvider: a public client (token_endpoint_auth_method "none") registered dynamically, its
 * authorization URL announced on stdout for the browser. Both SDKs read this shape (2.x adds an optional issuer
 * context to the credential methods, which a provider with one credential set may ignore; the values it saves carry
 * the SDK's own issuer stamp, kept as they are).
 *
 * For the 1.x SDK it keeps no refresh token ({@code keepRefreshToken} false): with one, the 1.x SDK answers a 403
 * insufficient_scope by refreshing — which can never widen a grant (RFC 6749 §6) — then gives up with "Server
 * returned 403 after trying upscoping" instead of asking the user (typescript-sdk#2255). Without one, auth() goes to a
 * new authorization, which is the step-up this proof is about. The 2.x SDK forces a new authorization when the scope
 * it needs exceeds the token's (SEP-2350), so for it the provider keeps the refresh token, as a real client would.
 */
export class BrowserProvider {
  constructor(redirectUrl, { keepRefreshToken = false } = {}) {
    this._redirectUrl = redirectUrl;
    this._keepRefreshToken = keepRefreshToken;
    this._client = undefined;
    this._tokens = undefined;
    this._verifier = undefined;
    this._state = undefined;
    this.authorizations = 0;
  }

  get redirectUrl() {
    return this._redirectUrl;
  }

  get clientMetadata() {
    return {
      client_name: "toolwarden-it browser OAuth client",
      redirect_uris: [this._redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  state() {
    this._state = randomBytes(16).toString("base64url");
    return this._state;
  }

  expectedState() {
    return this._state;
  }

  clientInformation() {
    return this._client;
  }

  saveClientInformation(info) {
    this._client = info;
    emit({ event: "registered", clientId: info.client_id, scope: info.scope,
      tokenEndpointAuthMethod: info.token_endpoint_auth_method });
  }

  tokens() {
    return this._tokens;
  }

  saveTokens(tokens) {
    const { refresh_token: _dropped, ...kept } = tokens;
    this._tokens = this._keepRefreshToken ? tokens : kept;
    emit({ event: "tokens", n: this.authorizations, tokenType: tokens.token_type, grantedScope: tokens.scope,
      claims: claimsOf(tokens.access_token) });
  }

  redirectToAuthorization(url) {
    if (++this.authorizations > MAX_AUTHORIZATIONS) {
      throw new Error(`more than ${MAX_AUTHORIZATIONS} authorizations: a loop`);
    }
    emit({ event: "authorize", n: this.authorizations, url: url.href });
  }

  saveCodeVerifier(verifier) {
    this._verifier = verifier;
  }

  codeVerifier() {
    if (!this._verifier) throw new Error("no PKCE verifier saved");
    return this._verifier;
  }
}

/**
 * Waits for the browser to come back for authorization {@code n}; after checking state, the callback's query
 * parameters ({@code code}, and {@code iss} when the authorization server sends it, RFC 9207).
 */
export async function awaitCode(callback, provider) {
  const n = provider.authorizations;
  const outcome = await callback.next();
  emit({ event: "callback", n, ...(outcome.error ? { error: outcome.error, description: outcome.description } : {}) });
  if (!outcome.code) throw new Error(`authorization ${n} failed: ${outcome.error} ${outcome.description ?? ""}`);
  if (outcome.state !== provider.expectedState()) throw new Error(`authorization ${n}: state does not match`);
  return outcome.params;
}
