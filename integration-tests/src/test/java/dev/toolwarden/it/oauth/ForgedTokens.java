package dev.toolwarden.it.oauth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Forgeries of a real Keycloak token, as an attacker who holds one good token would make them. */
final class ForgedTokens {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ForgedTokens() {}

  /** The payload widened to every scope, the signature kept. */
  static String tamper(String token) {
    String[] p = token.split("\\.");
    ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(p[1]));
    claims.put("scope", "files:read orders:read reports:run");
    return p[0] + "." + b64(JSON.writeValueAsBytes(claims)) + "." + p[2];
  }

  /** The signature dropped and {@code alg: none} declared. */
  static String algNone(String token) {
    String[] p = token.split("\\.");
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + p[1] + ".";
  }

  /** HS256 keyed with the realm's RSA public key (the classic algorithm-confusion forgery). */
  static String hs256WithPublicKey(Keycloak kc, String token) throws Exception {
    String[] p = token.split("\\.");
    String kid = JSON.readTree(Base64.getUrlDecoder().decode(p[0])).path("kid").asString();
    JsonNode key = null;
    for (JsonNode k : kc.jwks().path("keys")) {
      if (kid.equals(k.path("kid").asString())) {
        key = k;
      }
    }
    var publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asString())),
        new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asString()))));
    String header = b64(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(publicKey.getEncoded(), "HmacSHA256"));
    String input = header + "." + p[1];
    return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Signed by a key of the attacker's own, under a {@code kid} the realm does not have. */
  static String unknownKid(String token) throws Exception {
    String[] p = token.split("\\.");
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair pair = g.generateKeyPair();
    String header = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"unknown-" + Keycloak.random(6) + "\"}")
        .getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(pair.getPrivate());
    String input = header + "." + p[1];
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(s.sign());
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
