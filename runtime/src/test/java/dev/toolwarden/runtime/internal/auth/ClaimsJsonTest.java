package dev.toolwarden.runtime.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The strict reading of a token's claims gives the claims nimbus's own reading gives, for every value the verifier uses. */
class ClaimsJsonTest {

  private static final String[] NUMBERS = {"0", "1", "-1", "1700000000", "4102444800", "2147483648", "9223372036854775807",
      "9223372036854775808", "123456789012345678901234567890", "1.5", "1e3", "-0", "1700000000.25"};
  private static final String[] STRINGS = {"\"\"", "\"a\"", "\"https://issuer.example\"", "\"caf\\u00e9\"", "\"s p\"",
      "\"files:read orders:read\""};

  @Test
  void agreesWithNimbusOnRandomClaims() throws Exception {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    int parsed = 0;
    int refused = 0;
    for (int i = 0; i < 5_000; i++) {
      List<String> members = new ArrayList<>();
      for (String claim : List.of("iss", "sub", "aud", "exp", "nbf", "iat", "scope", "scp", "client_id", "azp", "jti", "x")) {
        if (r.nextInt(4) != 0) {
          members.add("\"" + claim + "\":" + (r.nextInt(6) == 0 ? value(r, 2) : typed(claim, r)));
        }
      }
      String json = "{" + String.join(",", members) + "}";
      JWTClaimsSet expected;
      try {
        expected = JWTClaimsSet.parse(json);
      } catch (ParseException e) {
        assertThrows(ParseException.class, () -> ClaimsJson.parse(json.getBytes(StandardCharsets.UTF_8)), json);
        refused++;
        continue;
      }
      ClaimsJson.Claims actual = ClaimsJson.parse(json.getBytes(StandardCharsets.UTF_8));
      String where = "seed " + seed + ": " + json;
      assertEquals(expected.getIssuer(), actual.issuer(), where);
      assertEquals(expected.getSubject(), actual.subject(), where);
      assertEquals(expected.getAudience(), actual.audience(), where);
      assertEquals(expected.getExpirationTime(), actual.expirationTime(), where);
      assertEquals(expected.getNotBeforeTime(), actual.notBeforeTime(), where);
      assertEquals(expected.getIssueTime(), actual.issueTime(), where);
      assertEquals(expected.getJWTID(), actual.jwtId(), where);
      for (String claim : List.of("scope", "scp", "client_id", "azp")) {
        assertEquals(expected.getClaim(claim), actual.claim(claim), where + " (" + claim + ")");
      }
      assertEquals(ScopeClaims.read(expected.getClaim("scope"), expected.getClaim("scp")),
          ScopeClaims.read(actual.claim("scope"), actual.claim("scp")), where);
      parsed++;
    }
    assertTrue(parsed > 500 && refused > 500, "seed " + seed + ": " + parsed + " parsed, " + refused + " refused");
  }

  @Test
  void whatIsNotOneStrictJsonObjectIsRefused() {
    for (String bad : List.of("[]", "\"x\"", "{\"iss\":\"a\",\"iss\":\"b\"}", "{\"exp\":1e999}", "{", "")) {
      assertThrows(ParseException.class, () -> ClaimsJson.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
    }
  }

  /** A value of the claim's registered type (nimbus refuses most others, and the verifier's path is the accepted one). */
  private static String typed(String claim, Random r) {
    return switch (claim) {
      case "exp", "nbf", "iat" -> NUMBERS[r.nextInt(NUMBERS.length)];
      case "aud", "scp" -> r.nextBoolean() ? STRINGS[r.nextInt(STRINGS.length)]
          : "[" + STRINGS[r.nextInt(STRINGS.length)] + "," + STRINGS[r.nextInt(STRINGS.length)] + "]";
      case "x" -> value(r, 2);
      default -> STRINGS[r.nextInt(STRINGS.length)];
    };
  }

  private static String value(Random r, int depth) {
    int kind = r.nextInt(depth <= 0 ? 4 : 6);
    return switch (kind) {
      case 0, 1 -> NUMBERS[r.nextInt(NUMBERS.length)];
      case 2 -> STRINGS[r.nextInt(STRINGS.length)];
      case 3 -> r.nextBoolean() ? "null" : "true";
      case 4 -> {
        List<String> items = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          items.add(value(r, depth - 1));
        }
        yield "[" + String.join(",", items) + "]";
      }
      default -> "{\"k\":" + value(r, depth - 1) + "}";
    };
  }
}
