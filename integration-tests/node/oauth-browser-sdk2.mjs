// The 2026-07-28 era of oauth-browser-client.mjs with the TypeScript SDK 2.x (@modelcontextprotocol/client): its
// Client pinned to 2026-07-28 (versionNegotiation, no fallback: server/discover, per-request _meta and MCP-* headers,
// no session) over its StreamableHTTPClientTransport with the shared OAuthClientProvider as `authProvider`. The
// transport meets the 401 (on server/discover) and the 403 insufficient_scope (on tools/call) itself and runs auth();
// when auth() needs the user it throws UnauthorizedError, and this script — as for the 1.x SDK — waits for the
// browser's callback, hands its parameters (code and RFC 9207 iss) to transport.finishAuth() and retries: a new
// client and transport after the failed connect, the same call after the step-up.

import { Client, StreamableHTTPClientTransport, UnauthorizedError } from "@modelcontextprotocol/client";
import { awaitCode, emit, reportingFetch } from "./oauth-browser-kit.mjs";

const MODERN = "2026-07-28";

/**
 * Notes the wire `resultType` of every response the transport delivers, in order, before the SDK parses it
 * (the SDK strips `resultType` from the results it returns, and it is what shows which revision the server spoke).
 */
function tapResultTypes(transport, resultTypes) {
  let handler;
  Object.defineProperty(transport, "onmessage", {
    configurable: true,
    get: () => handler,
    set: (h) => {
      handler = h && ((message, extra) => {
        if (message.id !== undefined && message.method === undefined) {
          resultTypes.push(message.result?.resultType ?? null);
        }
        return h(message, extra);
      });
    },
  });
}

function connection(url, provider, resultTypes) {
  const transport = new StreamableHTTPClientTransport(url, { authProvider: provider, fetch: reportingFetch });
  tapResultTypes(transport, resultTypes);
  const client = new Client({ name: "toolwarden-it-browser-oauth", version: "2.0.0" },
    { capabilities: {}, versionNegotiation: { mode: { pin: MODERN } } });
  return { client, transport };
}

/** The wire resultType of the last response delivered: the one the SDK just returned (requests go one at a time). */
function lastResultType(resultTypes) {
  return resultTypes.at(-1) ?? null;
}

export async function sdk2Era(plan, provider, callback) {
  const url = new URL(plan.url);
  const resultTypes = [];
  let client;
  let transport;
  for (;;) {
    ({ client, transport } = connection(url, provider, resultTypes));
    try {
      await client.connect(transport);
      break;
    } catch (e) {
      if (!(e instanceof UnauthorizedError)) throw e;
      await transport.finishAuth(await awaitCode(callback, provider)); // then connect again, with the token
    }
  }
  emit({ event: "connected", protocolVersion: client.getNegotiatedProtocolVersion() ?? null,
    era: client.getProtocolEra() ?? null, sessionId: transport.sessionId ?? null,
    supportedVersions: client.getDiscoverResult()?.supportedVersions ?? null,
    discoverResultType: lastResultType(resultTypes) });
  try {
    for (const call of plan.calls) {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await client.callTool({ name: call.name, arguments: call.arguments ?? {} });
          emit({ event: "result", name: call.name, result, wireResultType: lastResultType(resultTypes) });
          break;
        } catch (e) {
          // the transport met 403 insufficient_scope and started a new authorization (SEP-2350): the user's turn
          if (!(e instanceof UnauthorizedError) || attempt >= 2) throw e;
          await transport.finishAuth(await awaitCode(callback, provider));
        }
      }
    }
  } finally {
    await client.close().catch(() => {});
  }
}
