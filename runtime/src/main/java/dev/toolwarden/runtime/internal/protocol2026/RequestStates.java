package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.ToolwardenStartupException;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and verifies the {@code requestState} of MCP 2026-07-28's multi round-trip requests. The state passes through
 * the client, so it is attacker-controlled input ("servers **MUST** protect its integrity … and **MUST** reject state
 * that fails verification"): it is {@code base64url(payload) "." base64url(HMAC-SHA256(key, that text))}, and the
 * payload binds it to the method, the tool's name, a digest of the call's arguments, a digest of the caller's
 * principal and an expiry, so it cannot be forged, altered, replayed by another caller, moved to another call or
 * used after it lapses. It is not secret (the client sent every answer it carries) and not single-use.
 *
 * <p>The key is the secret {@value #KEY_SECRET} ({@link Secrets}: the variable, or a file named by
 * {@code TOOLWARDEN_REQUEST_STATE_KEY_FILE}), at least 32 bytes; without it a random key is made per process, so a
 * retry must reach the process that asked (several instances behind a load balancer need the shared secret).
 */
public final class RequestStates {

  /** The name of the secret holding the signing key. */
  public static final String KEY_SECRET = "TOOLWARDEN_REQUEST_STATE_KEY";
  /** How long a state is accepted after it was issued. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(RequestStates.class);
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;
  private static final int MAX_STATE_CHARS = 64 * 1024;

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;
  private final McpJsonMapper json;

  /** States signed with {@code key}, valid for {@code ttl} on {@code clock}. */
  RequestStates(byte[] key, Duration ttl, Clock clock, McpJsonMapper json) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("a request-state key needs at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.ttl = ttl;
    this.clock = clock;
    this.json = json;
  }

  /** The server's states: the configured key, else a random one for this process (logged once, without the key). */
  public static RequestStates configured(McpJsonMapper json) {
    byte[] key = Secrets.optional(KEY_SECRET).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    if (key == null) {
      key = new byte[MIN_KEY_BYTES];
      new SecureRandom().nextBytes(key);
      LOG.info("MCP 2026-07-28 request state is signed with a random per-process key: set {} (or {}_FILE) to the"
          + " same secret on every instance when retries may reach another one", KEY_SECRET, KEY_SECRET);
    } else if (key.length < MIN_KEY_BYTES) {
      throw new ToolwardenStartupException("the secret " + KEY_SECRET + " is too short: use at least " + MIN_KEY_BYTES
          + " bytes (e.g. openssl rand -base64 48)");
    }
    return new RequestStates(key, DEFAULT_TTL, Clock.systemUTC(), json);
  }

  /**
   * What a state binds: the request it belongs to.
   *
   * @param method e.g. {@code tools/call}
   * @param name the tool's name
   * @param arguments the call's arguments
   * @param principal the caller's principal
   */
  record Binding(String method, String name, Map<String, Object> arguments, String principal) {}

  /**
   * What a state carries besides its binding.
   *
   * @param asked the pending questions: input key → digest of the question
   * @param answered the answers so far: input key → {@code {"d": digest, "a": ElicitResult}}
   */
  record Payload(Map<String, Object> asked, Map<String, Object> answered) {}

  /** A signed state for {@code binding} carrying {@code payload}. */
  String sign(Binding binding, Payload payload) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("v", 1);
    p.put("m", binding.method());
    p.put("n", binding.name());
    p.put("a", digest(canonical(binding.arguments())));
    p.put("p", digest("principal\u0000" + binding.principal()));
    p.put("e", clock.millis() + ttl.toMillis());
    p.put("q", payload.asked());
    p.put("r", payload.answered());
    String body;
    try {
      body = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(p));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a request state", e);
    }
    return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
  }

  /**
   * The payload of {@code state} when it verifies for {@code binding} and has not expired.
   *
   * @throws ModernException -32602 for anything else, with one message whatever failed (it tells nothing)
   */
  @SuppressWarnings("unchecked")
  Payload verify(String state, Binding binding) {
    if (state == null || state.length() > MAX_STATE_CHARS) {
      throw invalid();
    }
    int dot = state.indexOf('.');
    if (dot <= 0 || dot != state.lastIndexOf('.')) {
      throw invalid();
    }
    String body = state.substring(0, dot);
    byte[] signature;
    Map<String, Object> p;
    try {
      signature = Base64.getUrlDecoder().decode(state.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac(body))) {
        throw invalid();
      }
      p = json.readValue(Base64.getUrlDecoder().decode(body), Map.class);
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
    boolean matches = Integer.valueOf(1).equals(p.get("v"))
        && binding.method().equals(p.get("m"))
        && binding.name().equals(p.get("n"))
        && digest(canonical(binding.arguments())).equals(p.get("a"))
        && digest("principal\u0000" + binding.principal()).equals(p.get("p"))
        && p.get("e") instanceof Number expires && clock.millis() < expires.longValue()
        && p.get("q") instanceof Map && p.get("r") instanceof Map;
    if (!matches) {
      throw invalid();
    }
    return new Payload((Map<String, Object>) p.get("q"), (Map<String, Object>) p.get("r"));
  }

  private static ModernException invalid() {
    return ModernException.invalidParams("Invalid params: requestState is invalid or has expired; call again"
        + " without it");
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** The arguments as JSON with every object's keys sorted: the same arguments give the same text. */
  private String canonical(Object value) {
    try {
      return json.writeValueAsString(sorted(value));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write arguments", e);
    }
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(RequestStates::sorted).toList();
    }
    return value;
  }

  /** SHA-256 of {@code text}, base64url. */
  static String digest(String text) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
