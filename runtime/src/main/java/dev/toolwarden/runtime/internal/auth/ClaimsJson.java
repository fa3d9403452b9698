package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.internal.jsonrpc.RejectedBodyException;
import dev.toolwarden.runtime.internal.jsonrpc.StrictJson;
import java.math.BigInteger;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verified token's claims, read from its payload bytes by the strict JSON parser, with the type rules of nimbus's
 * {@code JWTClaimsSet.parse} for the registered claims: {@code iss} and {@code jti} strings; {@code sub} a string or
 * a number (then its decimal text); {@code aud} a string or a list of strings; {@code exp}, {@code nbf} and
 * {@code iat} numbers of seconds; any of them may be null. A payload that breaks one of them is malformed, as it is
 * for nimbus.
 *
 * <p>Why not nimbus's own reading: {@code SignedJWT.getJWTClaimsSet()} decodes the payload to a string and parses it
 * with nimbus's bundled JSON library, and building its {@code JWTClaimsSet} copies every member again — together
 * about a sixth of a whole RS256 verification. Numbers are made what that library gives ({@code Long} for an integer
 * that fits, else {@code Double}) where a rule or a caller reads them, so the values are the same; the strict parser
 * is stricter only where a payload is not valid JSON in UTF-8 (duplicate members, invalid bytes, a number no double
 * can hold), which is then a malformed token. {@code ClaimsJsonTest} compares both readings on random claim sets.
 */
final class ClaimsJson {

  private ClaimsJson() {}

  /** The claims of one token: the registered ones by nimbus's rules, the others as read. */
  record Claims(String issuer, String subject, List<String> audience, Date expirationTime, Date notBeforeTime,
      Date issueTime, String jwtId, Map<?, ?> members) {

    /** A claim's value as nimbus's reading gives it (integers as {@code Long}, big ones as {@code Double}). */
    Object claim(String name) {
      return asNimbusReads(members.get(name));
    }
  }

  /**
   * The claims of a payload.
   *
   * @throws ParseException when the payload is not one strict JSON object or a registered claim has the wrong type
   */
  static Claims parse(byte[] payload) throws ParseException {
    Object value;
    try {
      value = StrictJson.parse(payload);
    } catch (RejectedBodyException e) {
      throw new ParseException("the claims are not strict JSON", 0);
    }
    if (!(value instanceof Map<?, ?> members)) {
      throw new ParseException("the claims are not a JSON object", 0);
    }
    return new Claims(string(members, "iss"), subject(members.get("sub")), audience(members.get("aud")),
        epochSeconds(members, "exp"), epochSeconds(members, "nbf"), epochSeconds(members, "iat"),
        string(members, "jti"), members);
  }

  private static String string(Map<?, ?> members, String name) throws ParseException {
    Object v = members.get(name);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new ParseException("Unexpected type of JSON object member " + name, 0);
  }

  private static String subject(Object v) throws ParseException {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof Number) {
      return String.valueOf(asNimbusReads(v));
    }
    throw new ParseException("Illegal sub claim", 0);
  }

  /** Absent or null: none (nimbus's {@code getAudience()} gives an empty list). */
  private static List<String> audience(Object v) throws ParseException {
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (v instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item != null && !(item instanceof String)) {
          throw new ParseException("JSON object member aud is not an array of strings", 0);
        }
        out.add((String) item);
      }
      return out;
    }
    throw new ParseException("Illegal aud claim", 0);
  }

  /** Seconds since the epoch, as nimbus converts them: {@code longValue() * 1000}, overflow and all. */
  private static Date epochSeconds(Map<?, ?> members, String name) throws ParseException {
    Object v = members.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number)) {
      throw new ParseException("Unexpected type of JSON object member " + name, 0);
    }
    return new Date(((Number) asNimbusReads(v)).longValue() * 1000L);
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
