package dev.toolwarden.runtime.internal.protocol2026;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The per-request protocol fields of a modern request ("General fields: {@code _meta}"), checked: a protocol version
 * this server serves, client capabilities, a known log level if any. Nothing else in {@code _meta} is checked here
 * (a {@code tools/call}'s {@code progressToken} is read by {@link ProgressReports}).
 *
 * @param params the request's params without {@code _meta} (never null)
 * @param meta the request's {@code _meta}, as sent
 */
record ModernRequest(Map<String, Object> params, Map<String, Object> meta) {

  private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "notice", "warning", "error", "critical",
      "alert", "emergency");

  /**
   * Checks {@code params}.
   *
   * @throws ModernException -32602 when a required field is missing or malformed, -32022 for an unserved version
   */
  @SuppressWarnings("unchecked")
  static ModernRequest of(Object params) {
    if (params != null && !(params instanceof Map)) {
      throw ModernException.invalidParams("Invalid params: params must be an object");
    }
    Map<String, Object> p = params == null ? Map.of() : (Map<String, Object>) params;
    if (!(p.get("_meta") instanceof Map<?, ?> meta)) {
      throw ModernException.invalidParams("Invalid params: _meta with " + Revision.META_PROTOCOL_VERSION + " and "
          + Revision.META_CLIENT_CAPABILITIES + " is required");
    }
    if (!(meta.get(Revision.META_PROTOCOL_VERSION) instanceof String version)) {
      throw ModernException.invalidParams("Invalid params: _meta." + Revision.META_PROTOCOL_VERSION
          + " must be a string");
    }
    if (!Revision.VERSION.equals(version)) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("supported", Revision.SUPPORTED);
      data.put("requested", version);
      throw new ModernException(Revision.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version", data);
    }
    if (!(meta.get(Revision.META_CLIENT_CAPABILITIES) instanceof Map)) {
      throw ModernException.invalidParams("Invalid params: _meta." + Revision.META_CLIENT_CAPABILITIES
          + " must be an object");
    }
    Object level = meta.get(Revision.META_LOG_LEVEL);
    if (level != null && !(level instanceof String l && LOG_LEVELS.contains(l))) {
      throw ModernException.invalidParams("Invalid params: _meta." + Revision.META_LOG_LEVEL
          + " is not a log level");
    }
    Map<String, Object> rest = new LinkedHashMap<>(p);
    rest.remove("_meta");
    return new ModernRequest(rest, (Map<String, Object>) meta);
  }

  /** {@code params} as the SDK's request types expect them: the fields, and {@code _meta} back in. */
  Map<String, Object> withMeta() {
    Map<String, Object> all = new LinkedHashMap<>(params);
    all.put("_meta", meta);
    return all;
  }
}
