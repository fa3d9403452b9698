#!/usr/bin/env node
// An MCP client that gets its own OAuth token, for Toolwarden's integration tests: nothing is handed to it but the
// server's URL. The TypeScript SDK's OAuth support (`auth()` of the 1.x SDK or of the 2.x one, driven by an
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
//     "sdk": 1 | 2,                                          (1 by default; 2 for the 2026-07-28 era)
//     "calls": [ { "name": "read_file", "arguments": { "path": "README.txt" } }, … ],
//     "timeoutMs": 600000 }                                  (optional: the whole run)
//
// Eras:
//   2025-11-25  (sdk 1) the 1.x SDK's Client over its StreamableHTTPClientTransport with `authProvider`: the transport
//               meets the 401 and the 403 insufficient_scope itself and calls auth(); this script only waits for the
//               browser's code, calls transport.finishAuth(code) and retries (a new transport after a failed
//               initialize, the same call after a step-up), as the SDK's own OAuth example does.
//   2026-07-28  (sdk 2) the 2.x SDK (@modelcontextprotocol/client), its Client pinned to 2026-07-28, over its own
//               transport with the same provider as `authProvider`, the same way (oauth-browser-sdk2.mjs): 401 on
//               server/discover, 403 on tools/call, SEP-2350 step-up. The 1.x SDK has no client for this revision.
// The SDK-independent parts (events, listener, provider) are in oauth-browser-kit.mjs.
//
// Output: one JSON object per line on stdout, in order:
//   {"event":"listening","redirectUrl":…}              the loopback redirect URI
//   {"event":"http","method":…,"url":…,"status":…,"mcpHeaders":{…}}   every request the SDK made (no query string;
//                                                       the request's MCP-* headers when it had some)
//   {"event":"registered","clientId":…,"scope":…,"tokenEndpointAuthMethod":…}
//   {"event":"authorize","n":1,"url":…}                 open this URL in a browser: the user's turn
//   {"event":"callback","n":1}                          the browser came back with a code (or "error")
//   {"event":"tokens","n":1,"claims":{iss,sub,azp,aud,scope}}   what the new access token says (never the token)
//   {"event":"connected",…}                             the client is connected (version, session; sdk 2: era,
//                                                       supportedVersions, discoverResultType from the wire)
//   {"event":"result","name":…,"result":{…}}            a tool's result (sdk 2: and its wireResultType)
//   {"event":"done"}  or  {"event":"failed","message":…}     the last line; exit code 0 or 1
// stderr is diagnostics only.

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { awaitCode, BrowserProvider, Callback, emit, reportingFetch } from "./oauth-browser-kit.mjs";

const MODERN = "2026-07-28";

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
      await transport.finishAuth((await awaitCode(callback, provider)).get("code")); // then connect again, with the token
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
          await transport.finishAuth((await awaitCode(callback, provider)).get("code"));
        }
      }
    }
  } finally {
    await transport.terminateSession().catch(() => {});
    await client.close().catch(() => {});
  }
}

// ---- main ---------------------------------------------------------------------------------------------------------

async function main() {
  const plan = JSON.parse(process.argv[2] ?? "{}");
  if (typeof plan.url !== "string" || !Array.isArray(plan.calls)) throw new Error("plan needs 'url' and 'calls'");
  const callback = new Callback();
  const redirectUrl = await callback.listen();
  emit({ event: "listening", redirectUrl });
  const sdk2 = plan.sdk === 2;
  const provider = new BrowserProvider(redirectUrl, { keepRefreshToken: sdk2 });
  const timer = setTimeout(() => {
    emit({ event: "failed", message: `not done within ${plan.timeoutMs ?? 600000} ms` });
    process.exit(1);
  }, plan.timeoutMs ?? 600000);
  try {
    if (sdk2) {
      if (plan.era !== MODERN) throw new Error(`the 2.x SDK run is pinned to ${MODERN}, not ${plan.era}`);
      await (await import("./oauth-browser-sdk2.mjs")).sdk2Era(plan, provider, callback);
    } else if (plan.era === MODERN) {
      throw new Error(`the 1.x SDK has no client for ${MODERN}: run it with "sdk": 2`);
    } else await legacyEra(plan, provider, callback);
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
