package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets an argument name only an outbound URL that is safe to fetch from the server (no SSRF).
 *
 * <p>The client sends an absolute URL. Before the method runs, the runtime parses it strictly
 * and refuses: a scheme not in {@link #schemes()}, userinfo ({@code https://good@evil}), a host
 * outside {@link #hosts()}, a port not in {@link #ports()}, internationalised or punycode hosts
 * that the allowlist does not spell out, trailing dots, percent-encoded hosts, backslashes,
 * whitespace, and IP addresses written in any form but canonical dotted decimal or bracketed
 * IPv6 (no {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}). Then it
 * resolves the host and refuses it unless <em>every</em> address is public: loopback, private,
 * link-local, shared (CGNAT), unique-local, multicast, unspecified, reserved and documentation
 * ranges, IPv6 addresses that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo)
 * and cloud metadata endpoints ({@code 169.254.169.254}, {@code fd00:ec2::254},
 * {@code metadata.google.internal}, …) are refused. A refusal is an {@code isError} result such
 * as {@code url refused: host not allowed [TW-SAFE-URL]}; it never shows an address.
 *
 * <p>The method receives the checked URL in the type it declares: a {@link java.net.URI} (the
 * recommended type), or its text ({@code String}) or a {@link java.net.URL} converted from that
 * checked URI — as {@link SafePath} hands a {@code String} argument the resolved path's text. The
 * scheme and host are lower case; nothing else is rewritten. The schema of the argument is
 * {@code {"type":"string","format":"uri"}}.
 *
 * <p>The check happens when the call arrives; DNS may answer differently when the tool later
 * connects (DNS rebinding). Fetch the URL with {@code SafeUrls.httpClient()}, which resolves,
 * checks and connects to the checked address in one step and checks every redirect again.
 *
 * <pre>{@code
 * @McpTool(description = "Fetches a page of the docs")
 * public String fetch(@SafeUrl(hosts = {"docs.example.com", "*.example.org"}) URI page) { … }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface SafeUrl {

  /** Allowed schemes, lower case (e.g. {@code "https"}); must not be empty. */
  String[] schemes() default {"https"};

  /**
   * Allowed hosts: an exact name ({@code "api.example.com"}) or {@code "*."} and a suffix
   * ({@code "*.example.org"} matches {@code a.example.org} and {@code a.b.example.org}, never
   * {@code example.org} itself nor {@code badexample.org}). Lower case ASCII; write an
   * internationalised name in its punycode form. Empty means any host with public addresses,
   * except single-label and special-use names ({@code localhost}, {@code *.local},
   * {@code *.internal}, …), which must be listed to be reached.
   */
  String[] hosts() default {};

  /** Allowed ports; empty means only the scheme's default port (443 for https, 80 for http). */
  int[] ports() default {};

  /**
   * Whether the host may resolve to loopback, private, link-local, shared (CGNAT) or unique-local
   * addresses. Even then, unspecified, multicast, broadcast, reserved, metadata and
   * IPv4-carrying IPv6 addresses stay refused.
   */
  boolean allowPrivate() default false;
}
