package dev.toolwarden.runtime.internal.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.toolwarden.runtime.internal.jsonrpc.RejectedBodyException;
import dev.toolwarden.runtime.internal.jsonrpc.StrictJson;
import java.math.BigInteger;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verified token's claims, read from its payload bytes by the strict JSON parser and handed to nimbus's
 * {@link JWTClaimsSet#parse(Map)}, which applies its own type rules to every registered claim.
 *
 * <p>Why not {@code SignedJWT.getJWTClaimsSet()}: it decodes the payload to a string and parses it with nimbus's
 * bundled JSON library, together about a sixth of a whole RS256 verification. The values are made what that library
 * gives ({@code Long} for an integer that fits, else {@code Double}) so the claims set is the same; the strict
 * parser is stricter only where a payload is not valid JSON in UTF-8 (duplicate members, invalid bytes, a number no
 * double can hold), which is then a malformed token. {@code ClaimsJsonTest} compares both readings.
 */
final class ClaimsJson {

  private ClaimsJson() {}

  /**
   * The claims of a payload.
   *
   * @throws ParseException when the payload is not one strict JSON object or a registered claim has the wrong type
   */
  static JWTClaimsSet parse(byte[] payload) throws ParseException {
    Object value;
    try {
      value = StrictJson.parse(payload);
    } catch (RejectedBodyException e) {
      throw new ParseException("the claims are not strict JSON", 0);
    }
    if (!(value instanceof Map<?, ?> members)) {
      throw new ParseException("the claims are not a JSON object", 0);
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : members.entrySet()) {
      claims.put((String) e.getKey(), asNimbusReads(e.getValue()));
    }
    return JWTClaimsSet.parse(claims);
  }

  /**
   * A value as nimbus's JSON reading gives it: every integer a {@code Long} when it fits, else a {@code Double},
   * in lists and objects too. Claims nest only a few levels; a payload is bounded by the token's length.
   */
  private static Object asNimbusReads(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof BigInteger b) {
      return b.doubleValue();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(asNimbusReads(item));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put((String) e.getKey(), asNimbusReads(e.getValue()));
      }
      return out;
    }
    return value;
  }
}
