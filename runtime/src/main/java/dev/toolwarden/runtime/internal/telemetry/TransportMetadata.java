package dev.toolwarden.runtime.internal.telemetry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the transports hand to telemetry through the SDK's transport context: the W3C trace headers and the
 * {@code MCP-Protocol-Version} header (HTTP), and the JSON-RPC request id (HTTP and stdio). Plain strings, nothing of OpenTelemetry, so the
 * transport stays free of it; values are cut to a bounded length because they come from the client.
 */
public final class TransportMetadata {

  /** The transport-context key of the captured headers ({@code Map<String, String>}, lower-case names). */
  public static final String HEADERS_KEY = "dev.toolwarden.telemetry.headers";
  /** The transport-context key of the JSON-RPC request id (as text). */
  public static final String REQUEST_ID_KEY = "dev.toolwarden.telemetry.request-id";
  /** The header carrying the negotiated MCP protocol version. */
  public static final String PROTOCOL_VERSION_HEADER = "mcp-protocol-version";

  static final int MAX_VALUE = 512;
  private static final List<String> HEADERS = List.of("traceparent", "tracestate", "baggage", PROTOCOL_VERSION_HEADER);

  private TransportMetadata() {}

  /**
   * Adds the headers telemetry reads and the request's JSON-RPC id to the values of its transport context. The map is added even when empty: it marks the request as HTTP.
   *
   * @param header a request's header by name
   * @param requestId the request's JSON-RPC id, or null
   * @param into the transport-context values
   */
  public static void capture(Function<String, String> header, Object requestId, Map<String, Object> into) {
    Map<String, String> headers = new HashMap<>(4);
    for (String name : HEADERS) {
      String value = header.apply(name);
      if (value != null) {
        headers.put(name, bounded(value));
      }
    }
    into.put(HEADERS_KEY, headers);
    if (requestId != null) {
      into.put(REQUEST_ID_KEY, bounded(requestId.toString()));
    }
  }

  /**
   * Adds only the request's JSON-RPC id to the values of its transport context (stdio: there are no headers, so the
   * request is not marked as HTTP).
   */
  public static void captureRequestId(Object requestId, Map<String, Object> into) {
    if (requestId != null) {
      into.put(REQUEST_ID_KEY, bounded(requestId.toString()));
    }
  }

  static String bounded(String value) {
    return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
  }
}
