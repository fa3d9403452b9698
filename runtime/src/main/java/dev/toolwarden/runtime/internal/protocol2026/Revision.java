package dev.toolwarden.runtime.internal.protocol2026;

import io.modelcontextprotocol.spec.ProtocolVersions;
import java.util.List;

/** The names MCP 2026-07-28 gives to what the adapter reads and writes: version, {@code _meta} keys, error codes. */
public final class Revision {

  /** The one modern revision this adapter serves. */
  public static final String VERSION = "2026-07-28";

  /** The legacy versions the SDK serves through {@code initialize}: a request naming one is never the adapter's. */
  public static final List<String> LEGACY = List.of(ProtocolVersions.MCP_2025_11_25, ProtocolVersions.MCP_2025_06_18,
      ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2024_11_05);

  /** Every version this server speaks, the modern one first: {@code supportedVersions} and the -32022 error list it. */
  public static final List<String> SUPPORTED = List.of(VERSION, ProtocolVersions.MCP_2025_11_25,
      ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2024_11_05);

  /** {@code _meta} key of a request's protocol version (required). */
  public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
  /** {@code _meta} key of a request's client capabilities (required). */
  public static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  /** {@code _meta} key of a request's client identity (optional, self-reported). */
  public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  /** {@code _meta} key of a request's log level (optional). */
  public static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  /** {@code _meta} key of a result's server identity. */
  public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  /** The HTTP header mirroring the protocol version. */
  public static final String HEADER_PROTOCOL_VERSION = "MCP-Protocol-Version";
  /** The HTTP header mirroring the method. */
  public static final String HEADER_METHOD = "Mcp-Method";
  /** The HTTP header mirroring {@code params.name} or {@code params.uri}. */
  public static final String HEADER_NAME = "Mcp-Name";

  /** The discovery method every modern server answers. */
  public static final String METHOD_DISCOVER = "server/discover";

  /** Headers do not match the body, or a required one is missing or malformed. */
  public static final int HEADER_MISMATCH = -32020;
  /** The request needs a client capability it did not declare. */
  public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
  /** The request's protocol version is not served. */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  private Revision() {}
}
