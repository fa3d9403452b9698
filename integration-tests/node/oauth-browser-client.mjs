#!/usr/bin/env node
// An MCP client that gets its own OAuth token, for Toolwarden's integration tests: nothing is handed to it but the
// server's URL. The TypeScript SDK's OAuth support (`auth()` of @modelcontextprotocol/sdk/client/auth.js, driven by an
// OAuthClientProvider) does the discovery, as a real client does: the server's 401 names its protected resource
// metadata (RFC 9728), that names the authorization server, whose metadata (RFC 8414 / OpenID discovery) gives the
// registration endpoint (RFC 7591: this client registers itself, a public client), then authorization code + PKCE with
// the `resource` indicator (RFC 8707). The user's part — opening the authorization URL, logging in, consenting — is
// done by whoever reads this script's stdout (the JUnit test drives a headless browser); the browser is redirected to a
// loopback listener this script runs, which takes the code.
//
// Usage:  node oauth-browser-client.mjs '<plan JSON>'
//   { "url": "http://127.0.0.1:8080/mcp",
//     "era": "2025-11-25" | "2026-07-28",
//     "calls": [ { "name": "read_file", "arguments": { "path": "README.txt" } }, … ],
//     "timeoutMs": 600000 }                                  (optional: the whole run)
//
// Eras:
//   2025-11-25  the SDK's Client over its StreamableHTTPClientTransport with `authProvider`: the transport meets the
//               401 and the 403 insufficient_scope itself and calls auth(); this script only waits for the browser's
//               code, calls transport.finishAuth(code) and retries (a new transport after a failed initialize, the
//               same call after a step-up), as the SDK's own OAuth example does.
//   2026-07-28  the 1.x SDK has no client for this revision, so the requests are made by hand (per-request `_meta`,
//               MCP-Protocol-Version, Mcp-Method, Mcp-Name headers; no initialize, no session); their 401 and 403 go
//               through the same SDK functions the transport uses: extractWWWAuthenticateParams(response), then
//               auth(provider, …) — discovery, registration, PKCE and the code exchange are the SDK's.
//
// Output: one JSON object per line on stdout, in order:
//   {"event":"listening","redirectUrl":…}              the loopback redirect URI
//   {"event":"http","method":…,"url":…,"status":…}      every request the SDK (or this script) made (no query string)
//   {"event":"registered","clientId":…,"scope":…,"tokenEndpointAuthMethod":…}
//   {"event":"authorize","n":1,"url":…}                 open this URL in a browser: the user's turn
//   {"event":"callback","n":1}                          the browser came back with a code (or "error")
//   {"event":"tokens","n":1,"claims":{iss,sub,azp,aud,scope}}   what the new access token says (never the token)
//   {"event":"result","name":…,"result":{…}}            a tool's result
//   {"event":"done"}  or  {"event":"failed","message":…}     the last line; exit code 0 or 1
// stderr is diagnostics only.

import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { auth, extractWWWAuthenticateParams, UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";

const MODERN = "2026-07-28";
const MAX_AUTHORIZATIONS = 4;

function emit(event) {
  process.stdout.write(JSON.stringify(event) + "\n");
}

/** fetch that reports every exchange (method, URL without query, status): the discovery chain as it happened. */
function reportingFetch(url, init) {
  const target = new URL(url instanceof Request ? url.url : String(url));
  const method = (init?.method ?? (url instanceof Request ? url.method : "GET")).toUpperCase();
  return fetch(url, init).then((response) => {
    emit({ event: "http", method, url: target.origin + target.pathname, status: response.status });
    return response;
  });
}

function claimsOf(jwt) {
  try {
    const c = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
    return { iss: c.iss, sub: c.sub, azp: c.azp, aud: c.aud, scope: c.scope };
  } catch {
    return { opaque: true };
  }
}

/** The loopback listener the authorization server redirects the browser to: one code per authorization. */
class Callback {
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
      error: url.searchParams.get("error"), description: url.searchParams.get("error_description") };
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
 * authorization URL announced on stdout for the browser. It keeps no refresh token on purpose: with one, the SDK 1.x
 * answers a 403 insufficient_scope by refreshing — which can never widen a grant (RFC 6749 §6) — then gives up with
 * "Server returned 403 after trying upscoping" instead of asking the user (typescript-sdk#2255, fixed in 2.x by
 * SEP-2350). Without one, auth() goes to a new authorization, which is the step-up this proof is about.
 */
class BrowserProvider {
  constructor(redirectUrl) {
    this._redirectUrl = redirectUrl;
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
    this._tokens = kept;
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

/** Waits for the browser to come back for authorization {@code n}; the code, after checking state. */
async function awaitCode(callback, provider) {
  const n = provider.authorizations;
  const outcome = await callback.next();
  emit({ event: "callback", n, ...(outcome.error ? { error: outcome.error, description: outcome.description } : {}) });
  if (!outcome.code) throw new Error(`authorization ${n} failed: ${outcome.error} ${outcome.description ?? ""}`);
  if (outcome.state !== provider.expectedState()) throw new Error(`authorization ${n}: state does not match`);
  return outcome.code;
}

// ---- 2025-11-25: the SDK's Client and transport ------------------------------------------------------------------

async function legacyEra(plan, provider, callback) {
  const url = new URL(plan.url);
  let client;
  let transport;
  for (;;) {
    transport = new StreamableHTTPClientTransport(url, { authProvider: provider, fetch: reportingFetch });
    client = new Client({ name: "toolwarden-it-browser-oauth", version: "1.0.0" }, { capabilities: {} });
    try {
      await client.connect(transport);
      break;
    } catch (e) {
      if (!(e instanceof UnauthorizedError)) throw e;
      await transport.finishAuth(await awaitCode(callback, provider)); // then connect again, with the token
    }
  }
  emit({ event: "connected", protocolVersion: transport.protocolVersion ?? null, sessionId: transport.sessionId ?? null });
  try {
    for (const call of plan.calls) {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await client.callTool({ name: call.name, arguments: call.arguments ?? {} });
          emit({ event: "result", name: call.name, result });
          break;
        } catch (e) {
          // the transport met 403 insufficient_scope, called auth() with the challenge's scope: the user's turn
          if (!(e instanceof UnauthorizedError) || attempt >= 2) throw e;
          await transport.finishAuth(await awaitCode(callback, provider));
        }
      }
    }
  } finally {
    await transport.terminateSession().catch(() => {});
    await client.close().catch(() => {});
  }
}

// ---- 2026-07-28: hand-made requests, the SDK's auth() ------------------------------------------------------------

function modernBody(id, method, params) {
  return JSON.stringify({ jsonrpc: "2.0", id, method, params: { ...params, _meta: {
    "io.modelcontextprotocol/protocolVersion": MODERN,
    "io.modelcontextprotocol/clientCapabilities": {},
    "io.modelcontextprotocol/clientInfo": { name: "toolwarden-it-browser-oauth", version: "1.0.0" },
  } } });
}

/** The JSON-RPC message of a response: the body, or the last `data:` event of a stream. */
async function messageOf(response) {
  const text = await response.text();
  if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    const data = text.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim());
    return JSON.parse(data[data.length - 1]);
  }
  return JSON.parse(text);
}

async function modernRequest(plan, provider, callback, id, method, params, name) {
  const serverUrl = new URL(plan.url);
  let lastChallenge;
  for (let attempt = 0; ; attempt++) {
    const headers = { "Content-Type": "application/json", Accept: "application/json, text/event-stream",
      "MCP-Protocol-Version": MODERN, "Mcp-Method": method };
    if (name !== undefined) headers["Mcp-Name"] = name;
    const tokens = await provider.tokens();
    if (tokens) headers.Authorization = `Bearer ${tokens.access_token}`;
    const response = await reportingFetch(serverUrl, { method: "POST", headers, body: modernBody(id, method, params) });
    const challenge = response.headers.get("www-authenticate");
    const { resourceMetadataUrl, scope, error } = extractWWWAuthenticateParams(response);
    const needsAuth = response.status === 401 || (response.status === 403 && error === "insufficient_scope");
    if (!needsAuth) {
      const message = await messageOf(response);
      if (message.error) throw new Error(`${method} answered ${response.status}: ${JSON.stringify(message.error)}`);
      return message.result;
    }
    await response.body?.cancel();
    if (attempt >= 2 || challenge === lastChallenge) {
      throw new Error(`${method}: ${response.status} again after authorizing (${challenge})`);
    }
    lastChallenge = challenge;
    // exactly the transport's steps: auth() discovers, registers, starts the authorization; the code comes back
    let outcome = await auth(provider, { serverUrl, resourceMetadataUrl, scope, fetchFn: reportingFetch });
    if (outcome === "REDIRECT") {
      const authorizationCode = await awaitCode(callback, provider);
      outcome = await auth(provider, { serverUrl, resourceMetadataUrl, scope, authorizationCode, fetchFn: reportingFetch });
    }
    if (outcome !== "AUTHORIZED") throw new Error(`auth() ended with ${outcome}`);
  }
}

async function modernEra(plan, provider, callback) {
  let id = 0;
  const discovered = await modernRequest(plan, provider, callback, ++id, "server/discover", {});
  emit({ event: "connected", protocolVersion: MODERN, supportedVersions: discovered.supportedVersions ?? null });
  for (const call of plan.calls) {
    const result = await modernRequest(plan, provider, callback, ++id, "tools/call",
      { name: call.name, arguments: call.arguments ?? {} }, call.name);
    emit({ event: "result", name: call.name, result });
  }
}

// ---- main ---------------------------------------------------------------------------------------------------------

async function main() {
  const plan = JSON.parse(process.argv[2] ?? "{}");
  if (typeof plan.url !== "string" || !Array.isArray(plan.calls)) throw new Error("plan needs 'url' and 'calls'");
  const callback = new Callback();
  const redirectUrl = await callback.listen();
  emit({ event: "listening", redirectUrl });
  const provider = new BrowserProvider(redirectUrl);
  const timer = setTimeout(() => {
    emit({ event: "failed", message: `not done within ${plan.timeoutMs ?? 600000} ms` });
    process.exit(1);
  }, plan.timeoutMs ?? 600000);
  try {
    if (plan.era === MODERN) await modernEra(plan, provider, callback);
    else await legacyEra(plan, provider, callback);
    emit({ event: "done", authorizations: provider.authorizations });
  } finally {
    clearTimeout(timer);
    callback.close();
  }
}

main().then(() => process.exit(0), (e) => {
  emit({ event: "failed", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  process.exit(1);
});
