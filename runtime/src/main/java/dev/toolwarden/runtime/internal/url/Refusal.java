package dev.toolwarden.runtime.internal.url;

/**
 * Why a URL was refused. Each message names the rule that failed and nothing else: never the
 * resolved address, never whether a name exists in the server's DNS, never anything about the
 * server.
 */
public enum Refusal {
  /** Not an absolute {@code scheme://host/…} URL, or one {@link java.net.URI} reads differently. */
  MALFORMED("malformed url"),
  /** Longer than the guard reads. */
  TOO_LONG("url is too long"),
  /** Spaces, control characters or non-ASCII text outside the host. */
  NOT_ASCII("url must be printable ASCII (percent-encode anything else)"),
  /** A backslash, which browsers and some libraries read as a slash. */
  BACKSLASH("url must not contain a backslash"),
  /** Scheme not in the allowlist. */
  SCHEME("scheme not allowed"),
  /** {@code user:password@} before the host. */
  USERINFO("userinfo not allowed"),
  /** {@code %} in the authority. */
  HOST_ENCODED("host must not be percent-encoded"),
  /** Non-ASCII host, or a punycode label the allowlist does not spell out. */
  IDN("internationalized host not allowed"),
  /** {@code example.com.} */
  TRAILING_DOT("host must not end with a dot"),
  /** A numeric host not in canonical dotted-decimal form, or an IPv6 zone or future form. */
  IP_FORM("ip address must be written in canonical form"),
  /** Not a valid host name. */
  HOST_SYNTAX("malformed host"),
  /** Host outside the allowlist, or a special-use or metadata name. */
  HOST("host not allowed"),
  /** Port not allowed. */
  PORT("port not allowed"),
  /** The host resolves to a refused address, or does not resolve (the two look alike on purpose). */
  ADDRESS("host does not resolve to an allowed address"),
  /** A redirect while redirects are off. */
  REDIRECT("redirect not followed (redirects are off)"),
  /** More redirects than allowed. */
  TOO_MANY_REDIRECTS("too many redirects");

  /** The rule id every refusal carries. */
  public static final String RULE_ID = "TW-SAFE-URL";

  private final String reason;

  Refusal(String reason) {
    this.reason = reason;
  }

  /** The reason alone, e.g. {@code host not allowed}. */
  public String reason() {
    return reason;
  }

  /** The caller-facing message, e.g. {@code url refused: host not allowed [TW-SAFE-URL]}. */
  public String message() {
    return "url refused: " + reason + " [" + RULE_ID + "]";
  }
}
