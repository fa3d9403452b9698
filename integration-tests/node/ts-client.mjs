#!/usr/bin/env node
// A third-party MCP client for Toolwarden's integration tests: the official TypeScript SDK's Client.
//
// Usage:  node ts-client.mjs '<plan JSON>'      (argument starting with '{')
//         node ts-client.mjs path/to/plan.json
//         node ts-client.mjs -                   (plan on stdin)
//
// Plan:
//   {
//     "transport": { "type": "stdio", "command": "/usr/bin/java", "args": ["-jar", "x.jar", "stdio"],
//                    "env": { "K": "V" }, "cwd": "/dir" }
//              or  { "type": "http", "url": "http://127.0.0.1:8080/mcp", "headers": { "Authorization": "Bearer …" } },
//     "client":    { "name": "toolwarden-it", "version": "1.0.0" },       (optional)
//     "timeoutMs": 30000,                                                  (optional, per request)
//     "steps": [ { "op": "listTools" },
//                { "op": "callTool", "name": "add", "arguments": { "a": 1, "b": 2 } },
//                { "op": "listResources" }, { "op": "listResourceTemplates" },
//                { "op": "readResource", "uri": "file:///workspace/a.txt" },
//                { "op": "listPrompts" }, { "op": "getPrompt", "name": "p", "arguments": { "x": "1" } },
//                { "op": "complete", "ref": { "type": "ref/prompt", "name": "p" },
//                  "argument": { "name": "x", "value": "1" } },
//                { "op": "ping" } ]
//   }
//
// Output: exactly one JSON document on stdout:
//   { "ok": true, "client": {...}, "server": { "info", "capabilities", "instructions", "protocolVersion",
//     "sessionId" }, "steps": [ { "op", "ok": true, "result": {...} }
//                             | { "op", "ok": false, "error": { "code", "message", "data" } } ] }
// A tool's `isError` result is a normal result (ok: true, result.isError: true). A JSON-RPC error answer
// to one step (e.g. unknown tool) is recorded as ok: false with its code, and the next steps still run.
// Exit code: 0 when every step got an answer from the server; 1 when the client itself failed (bad plan,
// cannot connect, transport closed, timeout): then "ok": false and "failure" say why, and the steps that
// ran before are still printed. The server's stderr (stdio) is passed through to this process's stderr.

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { PlanError, readPlan } from "./plan.mjs";

function makeTransport(t) {
  switch (t.type) {
    case "stdio": {
      if (typeof t.command !== "string" || !t.command) throw new PlanError("stdio transport needs 'command'");
      return new StdioClientTransport({
        command: t.command,
        args: Array.isArray(t.args) ? t.args.map(String) : [],
        // the SDK's safe default environment (PATH, HOME, …) plus what the plan adds
        env: { ...getDefaultEnvironment(), ...(t.env || {}) },
        cwd: t.cwd,
        stderr: "inherit",
      });
    }
    case "http": {
      if (typeof t.url !== "string" || !t.url) throw new PlanError("http transport needs 'url'");
      const headers = t.headers && typeof t.headers === "object" ? t.headers : undefined;
      return new StreamableHTTPClientTransport(new URL(t.url), headers ? { requestInit: { headers } } : undefined);
    }
    default:
      throw new PlanError(`unknown transport type '${t.type}' (stdio or http)`);
  }
}

// checks the SDK Client itself makes on a tools/call result (they throw McpError with a JSON-RPC code too)
const CLIENT_CHECK = /has an output schema but did not return structured content|Structured content does not match/;

function describeError(e) {
  if (e instanceof McpError) {
    const err = { code: e.code, message: e.message };
    if (e.data !== undefined) err.data = e.data;
    if (CLIENT_CHECK.test(e.message)) err.clientCheck = true; // the server's answer broke its own outputSchema
    return err;
  }
  return { message: e instanceof Error ? e.message : String(e), name: e?.name };
}

// JSON-RPC error answers from the server (McpError with a JSON-RPC code) are results of a step;
// the SDK's own client-side codes (RequestTimeout -32001, ConnectionClosed -32000) mean the client failed.
const CLIENT_SIDE_CODES = new Set([-32000, -32001]);
function isServerAnswer(e) {
  return e instanceof McpError && !CLIENT_SIDE_CODES.has(e.code);
}

async function runStep(client, step, requestOptions) {
  switch (step.op) {
    case "listTools": {
      // follow pagination: the result is every tool the server lists
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
    case "callTool": {
      if (typeof step.name !== "string") throw new PlanError("callTool step needs 'name'");
      return await client.callTool({ name: step.name, arguments: step.arguments ?? {} }, undefined, requestOptions);
    }
    case "ping":
      return await client.ping(requestOptions);
    case "listResources":
      return await client.listResources(undefined, requestOptions);
    case "listResourceTemplates":
      return await client.listResourceTemplates(undefined, requestOptions);
    case "readResource": {
      if (typeof step.uri !== "string") throw new PlanError("readResource step needs 'uri'");
      return await client.readResource({ uri: step.uri }, requestOptions);
    }
    case "listPrompts":
      return await client.listPrompts(undefined, requestOptions);
    case "getPrompt": {
      if (typeof step.name !== "string") throw new PlanError("getPrompt step needs 'name'");
      return await client.getPrompt({ name: step.name, arguments: step.arguments ?? {} }, requestOptions);
    }
    case "complete": {
      if (!step.ref || typeof step.ref !== "object") throw new PlanError("complete step needs 'ref'");
      if (!step.argument || typeof step.argument !== "object") throw new PlanError("complete step needs 'argument'");
      return await client.complete({ ref: step.ref, argument: step.argument }, requestOptions);
    }
    default:
      throw new PlanError(`unknown step op '${step.op}' (listTools, callTool, ping, listResources,`
          + ` listResourceTemplates, readResource, listPrompts, getPrompt, complete)`);
  }
}

async function main() {
  const out = { ok: false, steps: [] };
  let exitCode = 1;
  let client;
  let transport;
  try {
    const plan = readPlan(process.argv.slice(2));
    const info = { name: "toolwarden-it-ts-client", version: "1.0.0", ...(plan.client || {}) };
    out.client = info;
    const requestOptions = { timeout: Number.isFinite(plan.timeoutMs) ? plan.timeoutMs : 30000 };
    transport = makeTransport(plan.transport);
    // the Client hands the negotiated protocol version to transports that take it (HTTP); record it for all
    let negotiated = null;
    const setProtocolVersion = transport.setProtocolVersion?.bind(transport);
    transport.setProtocolVersion = (version) => {
      negotiated = version;
      setProtocolVersion?.(version);
    };
    client = new Client(info, { capabilities: {} });
    await client.connect(transport, requestOptions);
    out.server = {
      info: client.getServerVersion(),
      capabilities: client.getServerCapabilities(),
      instructions: client.getInstructions(),
      protocolVersion: negotiated,
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
        if (!isServerAnswer(e)) throw e;
      }
    }
    out.ok = true;
    exitCode = 0;
  } catch (e) {
    out.failure = e instanceof PlanError ? `bad plan: ${e.message}` : `client failed: ${describeError(e).message}`;
  } finally {
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId) {
      try {
        await transport.terminateSession(); // DELETE /mcp; a server may answer 405, which the SDK accepts
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
