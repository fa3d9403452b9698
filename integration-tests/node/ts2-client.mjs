#!/usr/bin/env node
// A third-party MCP client for Toolwarden's integration tests: the official TypeScript SDK v2's Client
// (@modelcontextprotocol/client), which speaks MCP 2026-07-28 as well as the 2025 revisions.
//
// Usage and plan: as ts-client.mjs (see plan.mjs), plus
//   "negotiation": "legacy"        (the SDK's default: initialize, a session, 2025-11-25)
//                | "auto"          (probe with server/discover, 2026-07-28 when the server offers it)
//                | "2026-07-28"    (pinned: the modern era or a failure, no fallback)
// Steps: listTools, callTool (name, arguments), discover, listResources, readResource (uri), listPrompts,
// getPrompt (name, arguments).
//
// Output: one JSON document on stdout, as ts-client.mjs, with
//   "server": { "info", "capabilities", "protocolVersion" (negotiated), "era" ("modern" | "legacy"),
//               "discover" (the server/discover result, modern era only), "sessionId" }
//   "wire":   { "sent": [ { "method", "id", "metaProtocolVersion", "headers" (HTTP: the mcp-* headers) } ],
//               "received": [ { "id", "resultType", "errorCode", "metaServerInfo" } ] }
// "wire" is what went over the client's own transport, read before the SDK parsed it: the SDK strips
// `resultType` from the results it returns, so the wire record is what proves which revision was spoken.
// (On stdio, "auto" probes with server/discover on a short-lived second server process; that exchange is
// not on the wire record, its result is in "server.discover".)
// A JSON-RPC error answer is a step's { ok: false, error: { code, message, data } }; a 403 insufficient_scope
// challenge (HTTP, no OAuth provider configured, so the SDK does not step up) is { ok: false, error:
// { insufficientScope: { requiredScope, errorDescription, resourceMetadataUrl } } }; the next steps still run.
// Exit code: 0 when every step got an answer from the server; 1 when the client itself failed.

import { Client, InsufficientScopeError, ProtocolError, SdkError, StreamableHTTPClientTransport }
  from "@modelcontextprotocol/client";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/client/stdio";
import { PlanError, readPlan } from "./plan.mjs";

const PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
const SERVER_INFO = "io.modelcontextprotocol/serverInfo";

function negotiation(value) {
  switch (value ?? "legacy") {
    case "legacy":
      return { mode: "legacy" };
    case "auto":
      return { mode: "auto" };
    default:
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw new PlanError(`negotiation must be "legacy", "auto" or a protocol version, not ${JSON.stringify(value)}`);
      }
      return { mode: { pin: value } };
  }
}

/** Records the mcp-* headers of every HTTP request the transport makes, in order. */
function recordingFetch(headerLog) {
  return async (url, init) => {
    const headers = {};
    for (const [name, value] of new Headers(init?.headers).entries()) {
      if (name.startsWith("mcp-")) headers[name] = value;
    }
    headerLog.push({ httpMethod: init?.method ?? "GET", headers });
    return fetch(url, init);
  };
}

function makeTransport(t, headerLog) {
  switch (t.type) {
    case "stdio": {
      if (typeof t.command !== "string" || !t.command) throw new PlanError("stdio transport needs 'command'");
      return new StdioClientTransport({
        command: t.command,
        args: Array.isArray(t.args) ? t.args.map(String) : [],
        env: { ...getDefaultEnvironment(), ...(t.env || {}) },
        cwd: t.cwd,
        stderr: "inherit",
      });
    }
    case "http": {
      if (typeof t.url !== "string" || !t.url) throw new PlanError("http transport needs 'url'");
      const headers = t.headers && typeof t.headers === "object" ? t.headers : undefined;
      return new StreamableHTTPClientTransport(new URL(t.url), {
        fetch: recordingFetch(headerLog),
        ...(headers ? { requestInit: { headers } } : {}),
      });
    }
    default:
      throw new PlanError(`unknown transport type '${t.type}' (stdio or http)`);
  }
}

/**
 * Taps the transport: every message the client sends (and, over HTTP, the headers of the POST that carried it)
 * and every message it receives, before the SDK parses it.
 */
function tap(transport, wire, headerLog) {
  const send = transport.send.bind(transport);
  transport.send = async (message, options) => {
    const before = headerLog.length;
    const record = { method: message.method ?? null, id: message.id ?? null,
      metaProtocolVersion: message.params?._meta?.[PROTOCOL_VERSION] ?? null };
    wire.sent.push(record);
    try {
      return await send(message, options);
    } finally {
      const post = headerLog.slice(before).find((h) => h.httpMethod === "POST");
      if (post) record.headers = post.headers;
    }
  };
  let handler;
  Object.defineProperty(transport, "onmessage", {
    configurable: true,
    get: () => handler,
    set: (h) => {
      handler = h && ((message, extra) => {
        if (message.id !== undefined && message.method === undefined) {
          wire.received.push({ id: message.id, resultType: message.result?.resultType ?? null,
            errorCode: message.error?.code ?? null, metaServerInfo: message.result?._meta?.[SERVER_INFO] ?? null });
        }
        return h(message, extra);
      });
    },
  });
}

function describeError(e) {
  if (e instanceof InsufficientScopeError) { // the server's 403 step-up challenge, as the SDK read it
    return { insufficientScope: { requiredScope: e.requiredScope ?? null, errorDescription: e.errorDescription ?? null,
      resourceMetadataUrl: e.resourceMetadataUrl?.toString() ?? null }, message: e.message };
  }
  if (e instanceof ProtocolError) {
    const err = { code: e.code, message: e.message };
    if (e.data !== undefined) err.data = e.data;
    return err;
  }
  if (e instanceof SdkError) {
    return { sdkCode: e.code, message: e.message, data: e.data };
  }
  return { message: e instanceof Error ? e.message : String(e), name: e?.name };
}

async function runStep(client, step, requestOptions) {
  switch (step.op) {
    case "listTools": {
      const tools = [];
      let cursor;
      let pages = 0;
      do {
        const page = await client.listTools(cursor ? { cursor } : undefined, requestOptions);
        tools.push(...page.tools);
        cursor = page.nextCursor;
        if (++pages > 1000) throw new Error("tools/list pagination does not end");
      } while (cursor);
      return { tools };
    }
    case "callTool":
      if (typeof step.name !== "string") throw new PlanError("callTool step needs 'name'");
      return await client.callTool({ name: step.name, arguments: step.arguments ?? {} }, requestOptions);
    case "discover":
      return await client.discover(requestOptions);
    case "listResources":
      return await client.listResources(undefined, requestOptions);
    case "readResource":
      if (typeof step.uri !== "string") throw new PlanError("readResource step needs 'uri'");
      return await client.readResource({ uri: step.uri }, requestOptions);
    case "listPrompts":
      return await client.listPrompts(undefined, requestOptions);
    case "getPrompt":
      if (typeof step.name !== "string") throw new PlanError("getPrompt step needs 'name'");
      return await client.getPrompt({ name: step.name, arguments: step.arguments ?? {} }, requestOptions);
    default:
      throw new PlanError(`unknown step op '${step.op}' (listTools, callTool, discover, listResources, readResource,`
          + ` listPrompts, getPrompt)`);
  }
}

async function main() {
  const out = { ok: false, steps: [], wire: { sent: [], received: [] } };
  let exitCode = 1;
  let client;
  let transport;
  try {
    const plan = readPlan(process.argv.slice(2));
    const info = { name: "toolwarden-it-ts2-client", version: "2.0.0", ...(plan.client || {}) };
    out.client = info;
    const requestOptions = { timeout: Number.isFinite(plan.timeoutMs) ? plan.timeoutMs : 30000 };
    const headerLog = [];
    transport = makeTransport(plan.transport, headerLog);
    tap(transport, out.wire, headerLog);
    client = new Client(info, { capabilities: {}, versionNegotiation: negotiation(plan.negotiation) });
    await client.connect(transport, requestOptions);
    out.server = {
      info: client.getServerVersion() ?? null,
      capabilities: client.getServerCapabilities() ?? null,
      protocolVersion: client.getNegotiatedProtocolVersion() ?? null,
      era: client.getProtocolEra() ?? null,
      discover: client.getDiscoverResult() ?? null,
      sessionId: transport.sessionId ?? null,
    };
    for (const step of plan.steps) {
      const record = { op: step.op };
      if (step.name !== undefined) record.name = step.name;
      out.steps.push(record);
      try {
        record.result = await runStep(client, step, requestOptions);
        record.ok = true;
      } catch (e) {
        record.ok = false;
        record.error = describeError(e);
        // a JSON-RPC error answer and a 403 step-up challenge are a step's results; anything else is a failure
        if (!(e instanceof ProtocolError) && !(e instanceof InsufficientScopeError)) throw e;
      }
    }
    out.ok = true;
    exitCode = 0;
  } catch (e) {
    out.failure = e instanceof PlanError ? `bad plan: ${e.message}` : `client failed: ${describeError(e).message}`;
  } finally {
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId) {
      try {
        await transport.terminateSession();
      } catch (e) {
        out.terminateSessionError = describeError(e).message;
      }
    }
    if (client) {
      try {
        await client.close();
      } catch (e) {
        out.closeError = describeError(e).message;
      }
    }
  }
  process.stdout.write(JSON.stringify(out, null, 2) + "\n", () => process.exit(exitCode));
}

main();
