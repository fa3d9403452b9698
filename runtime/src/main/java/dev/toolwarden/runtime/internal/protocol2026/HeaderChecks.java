package dev.toolwarden.runtime.internal.protocol2026;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Streamable HTTP header rules of 2026-07-28 ("Request Metadata", "Server Validation"): {@code
 * MCP-Protocol-Version} on every request, equal to {@code _meta}'s version; {@code Mcp-Method} on every request,
 * equal to the method; {@code Mcp-Name} on {@code tools/call}, {@code prompts/get} ({@code params.name}) and
 * {@code resources/read} ({@code params.uri}), equal to it after decoding the {@code =?base64?…?=} sentinel. A missing,
 * repeated, malformed or different header is -32020 {@code HeaderMismatch} (HTTP 400).
 *
 * <p>Why it matters here: the OAuth step-up filter names the tool from {@code Mcp-Name}, and an intermediary may
 * route or limit on these headers; the body is what runs, so the two must never disagree.
 */
public final class HeaderChecks {

  private static final String SENTINEL_START = "=?base64?";
  private static final String SENTINEL_END = "?=";

  private HeaderChecks() {}

  /** Null when the headers of {@code request} are right; else the refusal. */
  public static ModernException check(McpSchema.JSONRPCRequest request, HeaderSource headers) {
    Map<?, ?> params = request.params() instanceof Map<?, ?> p ? p : Map.of();
    String version;
    String method;
    try {
      version = single(headers, Revision.HEADER_PROTOCOL_VERSION);
      method = single(headers, Revision.HEADER_METHOD);
    } catch (ModernException e) {
      return e;
    }
    if (version == null) {
      return ModernException.headerMismatch("the " + Revision.HEADER_PROTOCOL_VERSION + " header is required");
    }
    if (params.get("_meta") instanceof Map<?, ?> meta && meta.get(Revision.META_PROTOCOL_VERSION) instanceof String v
        && !v.equals(version)) {
      return ModernException.headerMismatch(Revision.HEADER_PROTOCOL_VERSION + " header value '" + version
          + "' does not match body value '" + v + "'");
    }
    if (method == null) {
      return ModernException.headerMismatch("the " + Revision.HEADER_METHOD + " header is required");
    }
    if (!method.equals(request.method())) {
      return ModernException.headerMismatch(Revision.HEADER_METHOD + " header value '" + method
          + "' does not match body value '" + request.method() + "'");
    }
    String field = nameField(request.method());
    if (field == null) {
      return null;
    }
    String name;
    try {
      name = name(headers);
    } catch (ModernException e) {
      return e;
    }
    if (name == null) {
      return ModernException.headerMismatch("the " + Revision.HEADER_NAME + " header is required for "
          + request.method());
    }
    if (params.get(field) instanceof String body && !body.equals(name)) {
      // never the values: a URI's variables may be @Redact-ed, and the client knows what it sent
      return ModernException.headerMismatch(Revision.HEADER_NAME + " header value does not match body value of "
          + field);
    }
    return null; // a non-string name is the params check's to answer
  }

  /** {@code name} for tools and prompts, {@code uri} for resources, null for methods without {@code Mcp-Name}. */
  public static String nameField(String method) {
    if (McpSchema.METHOD_TOOLS_CALL.equals(method) || McpSchema.METHOD_PROMPT_GET.equals(method)) {
      return "name";
    }
    return McpSchema.METHOD_RESOURCES_READ.equals(method) ? "uri" : null;
  }

  /** The decoded {@code Mcp-Name}, or null when absent. */
  public static String name(HeaderSource headers) {
    String raw = single(headers, Revision.HEADER_NAME);
    return raw == null ? null : decode(raw);
  }

  /**
   * The value of a header that must appear at most once and hold visible ASCII, space or tab only (RFC 9110; no
   * leading or trailing whitespace, which clients must Base64-encode).
   */
  private static String single(HeaderSource headers, String name) {
    List<String> values = headers.values(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ModernException.headerMismatch("the " + name + " header appears more than once");
    }
    String v = values.get(0);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw ModernException.headerMismatch("the " + name + " header holds invalid characters");
      }
    }
    if (!v.equals(v.strip())) {
      throw ModernException.headerMismatch("the " + name + " header has leading or trailing whitespace");
    }
    return v;
  }

  /** Decodes the {@code =?base64?…?=} sentinel (strict Base64 of UTF-8); a plain value is returned as it is. */
  static String decode(String value) {
    if (!value.startsWith(SENTINEL_START) || !value.endsWith(SENTINEL_END)
        || value.length() < SENTINEL_START.length() + SENTINEL_END.length()) {
      return value;
    }
    String encoded = value.substring(SENTINEL_START.length(), value.length() - SENTINEL_END.length());
    try {
      byte[] bytes = Base64.getDecoder().decode(encoded);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw ModernException.headerMismatch("the " + Revision.HEADER_NAME + " header is not valid Base64 of UTF-8");
    }
  }
}
