package dev.toolwarden.runtime.internal.stdio;

import dev.toolwarden.runtime.internal.jsonrpc.ControlCharacters;
import dev.toolwarden.runtime.internal.jsonrpc.ParamsCheck;
import dev.toolwarden.runtime.internal.jsonrpc.RequestGate;
import dev.toolwarden.runtime.internal.protocol2026.Era;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of the SDK's stdio transport, which stops serving on the first line it cannot
 * parse. Reads stdin line by line (bounded), answers a malformed line itself with a JSON-RPC
 * error ({@code -32700} for invalid JSON, {@code -32600} for JSON that is not a JSON-RPC
 * message or is too long), answers what the {@link RequestGate} refuses (a subscription without the resource's
 * scopes) and forwards only good lines to the SDK through a pipe — or, for a message of MCP 2026-07-28
 * ({@link Era}), to the adapter ({@link ModernLines}).
 */
public final class LineFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LineFilter.class);

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  /** The server-error code the runtime answers a limit with (as its rate limits do). */
  static final int TOO_MANY = -32000;

  /**
   * Most requests of either era unanswered at once. Why a bound: neither side holds back on its own — the SDK's reader
   * queues every line it reads without limit while its tool calls wait for workers, and the 2026-07-28 adapter starts
   * a thread per request — so a client that keeps sending (lines of up to 4 MiB) without reading answers grows the
   * heap, or the thread count, until the process fails. A request beyond the bound is refused at once, not held:
   * holding the reading thread would also hold the cancellations that could free a place.
   */
  static final int MAX_IN_FLIGHT = 64;

  private final McpJsonMapper json;
  private final OutputStream toSdk;
  private final TrackingOutputStream protocolOut;
  private final PendingRequests pending;
  private final int maxLineBytes;
  private final RequestGate gate;

  private final ModernLines modern;

  LineFilter(McpJsonMapper json, OutputStream toSdk, TrackingOutputStream protocolOut, PendingRequests pending,
      int maxLineBytes, RequestGate gate) {
    this(json, toSdk, protocolOut, pending, maxLineBytes, gate, null);
  }

  /** {@code modern} (or null) answers the MCP 2026-07-28 messages; the SDK gets every other good line. */
  LineFilter(McpJsonMapper json, OutputStream toSdk, TrackingOutputStream protocolOut, PendingRequests pending,
      int maxLineBytes, RequestGate gate, ModernLines modern) {
    this.gate = gate;
    this.modern = modern;
    this.json = json;
    this.toSdk = toSdk;
    this.protocolOut = protocolOut;
    this.pending = pending;
    this.maxLineBytes = maxLineBytes;
  }

  /** Runs until {@code in} ends (or the SDK side of the pipe is gone). */
  void run(InputStream in) throws IOException {
    byte[] buf = new byte[8192];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    int n;
    while ((n = in.read(buf)) != -1) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        // a lone CR ends a line too, because the SDK's reader (mcp 2.1.0) ends one there: split anywhere else, a line
        // the filter judged as one message would reach the SDK as two — the part after the CR unjudged, and a part
        // that is no JSON stops the SDK's session for good. (CR LF is a line and then an empty one, ignored.)
        if (buf[i] == '\n' || buf[i] == '\r') {
          tooLong = append(line, buf, start, i - start, tooLong);
          if (!endLine(line, tooLong)) {
            return;
          }
          tooLong = false;
          start = i + 1;
        }
      }
      tooLong = append(line, buf, start, n - start, tooLong);
    }
    if (line.size() > 0 || tooLong) {
      endLine(line, tooLong);
    }
  }

  private boolean append(ByteArrayOutputStream line, byte[] buf, int off, int len, boolean tooLong) {
    if (tooLong) {
      return true; // discard the rest of an oversized line
    }
    if (line.size() + len > maxLineBytes) {
      line.reset();
      return true;
    }
    line.write(buf, off, len);
    return false;
  }

  /** Handles one complete line; false when the SDK no longer reads. */
  private boolean endLine(ByteArrayOutputStream line, boolean tooLong) throws IOException {
    if (tooLong) {
      line.reset();
      answer(null, INVALID_REQUEST, "Invalid Request: message too large");
      return true;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.isBlank()) {
      return true;
    }
    Object parsed;
    try {
      parsed = json.readValue(text, Object.class);
    } catch (IOException | RuntimeException e) {
      answer(null, PARSE_ERROR, "Parse error");
      return true;
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      answer(null, INVALID_REQUEST, "Invalid Request"); // batches are not part of MCP since 2025-06-18
      return true;
    }
    Object id = map.get("id");
    if (!(id instanceof String || id instanceof Number)) {
      id = null;
    }
    McpSchema.JSONRPCMessage message;
    try {
      if (!"2.0".equals(map.get("jsonrpc"))) {
        throw new IllegalArgumentException("not JSON-RPC 2.0");
      }
      if (ControlCharacters.inIdOrMethod(map)) {
        throw new IllegalArgumentException("a control character in the id or method"); // see ControlCharacters
      }
      message = McpSchema.deserializeJsonRpcMessage(json, text);
    } catch (IOException | RuntimeException e) {
      answer(id, INVALID_REQUEST, "Invalid Request");
      return true;
    }
    if (message instanceof McpSchema.JSONRPCRequest request) {
      String problem = ParamsCheck.problem(json, request);
      if (problem != null) {
        answer(id, ParamsCheck.INVALID_PARAMS, problem);
        return true;
      }
    }
    if (message instanceof McpSchema.JSONRPCRequest && pending.count() >= MAX_IN_FLIGHT) {
      answer(id, TOO_MANY, "Too many requests in flight: wait for an answer before sending more");
      return true;
    }
    if (modern != null && modern.cancels(message)) {
      return true; // a modern request's cancellation: the SDK never knew the request
    }
    if (modern != null && Era.isModern(message, null)) {
      modern.accept(message); // after the same line checks: the adapter answers, the SDK never sees it
      return true;
    }
    if (message instanceof McpSchema.JSONRPCRequest request) {
      String problem = ParamsCheck.sdkProblem(request);
      if (problem != null) {
        answer(id, ParamsCheck.INVALID_PARAMS, problem);
        return true;
      }
      McpSchema.JSONRPCResponse.JSONRPCError refused = gate.judge(request);
      if (refused != null) {
        answer(id, refused.code(), refused.message());
        return true;
      }
      pending.requestForwarded();
    }
    try {
      toSdk.write((text + "\n").getBytes(StandardCharsets.UTF_8));
      toSdk.flush();
    } catch (IOException e) {
      LOG.warn("the MCP session stopped reading input; ending the stdio server");
      return false;
    }
    return true;
  }

  private void answer(Object id, int code, String message) throws IOException {
    String idJson = id == null ? "null" : json.writeValueAsString(id);
    protocolOut.writeOwnLine("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"error\":{\"code\":" + code
        + ",\"message\":" + json.writeValueAsString(message) + "}}");
  }
}
