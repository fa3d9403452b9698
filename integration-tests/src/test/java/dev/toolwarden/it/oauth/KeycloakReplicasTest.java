package dev.toolwarden.it.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.replicas.Haproxy;
import dev.toolwarden.it.replicas.Replicas;
import dev.toolwarden.it.support.ProcessReaper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three stateless OAuth-protected replicas behind a real HAProxy (round-robin), real Keycloak tokens: every
 * refusal — no token, each forged or foreign token, a token in the query string, a token without the tool's scope —
 * is the same status, the same challenge and the same body whichever replica answers, and a good token is served by
 * all three. A client can therefore never tell the replicas apart, nor learn more by retrying.
 */
class KeycloakReplicasTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();
  private static Keycloak kc;
  @RegisterExtension static final BeforeAllCallback KEYCLOAK = context -> kc = Keycloak.shared(context);

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int REPLICAS = 3;
  /** Each case is sent this many times: round-robin then reaches every replica twice. */
  private static final int ROUNDS = 2 * REPLICAS;

  @Test
  void everyReplicaRefusesEachBadRequestIdenticallyAndServesAGoodToken() throws Exception {
    Haproxy.require();
    Map<String, String> env = Map.of(
        "TOOLWARDEN_OAUTH_ISSUER", kc.issuer(),
        "TOOLWARDEN_OAUTH_RESOURCE", kc.balancerResource(),
        "TOOLWARDEN_OAUTH_CLOCK_SKEW", "0s");
    try (Replicas replicas = Replicas.start(REPLICAS, "stateless", env, "127.0.0.1:" + kc.balancerPort, REAPER);
        Haproxy lb = Haproxy.startNamingReplicas(kc.balancerPort, replicas.ports(), REAPER)) {
      String good = kc.token(Keycloak.ALICE, "reports:run");
      String weak = kc.token(Keycloak.ALICE, "orders:read");
      Map<String, Request> cases = new LinkedHashMap<>();
      cases.put("no token", new Request(lb.url(), null));
      cases.put("garbage token", new Request(lb.url(), "garbage"));
      cases.put("wrong audience", new Request(lb.url(), kc.token(Keycloak.NO_AUDIENCE, "reports:run")));
      cases.put("tampered payload", new Request(lb.url(), ForgedTokens.tamper(weak)));
      cases.put("alg none", new Request(lb.url(), ForgedTokens.algNone(good)));
      cases.put("HS256 with the public key", new Request(lb.url(), ForgedTokens.hs256WithPublicKey(kc, good)));
      cases.put("unknown kid", new Request(lb.url(), ForgedTokens.unknownKid(good)));
      cases.put("token in the query string", new Request(lb.url() + "?access_token=" + good, null));
      cases.put("missing scope (step-up)", new Request(lb.url(), weak));

      Map<String, Integer> statusByCase = new TreeMap<>();
      for (Map.Entry<String, Request> c : cases.entrySet()) {
        Set<String> answers = new TreeSet<>();
        Set<String> replicasSeen = new TreeSet<>();
        for (int i = 0; i < ROUNDS; i++) {
          HttpResponse<String> r = c.getValue().send(7); // one id: a refusal that echoes it stays comparable
          replicasSeen.add(r.headers().firstValue("X-Replica").orElse("?"));
          answers.add(r.statusCode() + "\n" + r.headers().firstValue("WWW-Authenticate").orElse("") + "\n" + r.body());
          statusByCase.put(c.getKey(), r.statusCode());
        }
        assertEquals(Set.of("r1", "r2", "r3"), replicasSeen, c.getKey() + ": every replica answered");
        assertEquals(1, answers.size(), c.getKey() + ": one answer whichever replica gives it, got " + answers);
        String answer = answers.iterator().next();
        assertTrue(answer.contains("resource_metadata=\"http://127.0.0.1:" + kc.balancerPort
            + "/.well-known/oauth-protected-resource/mcp\""), c.getKey() + ": the challenge names the balancer's"
            + " metadata, not a replica's: " + answer);
      }
      Map<String, Integer> expected = new TreeMap<>();
      cases.keySet().forEach(k -> expected.put(k, 401));
      expected.put("token in the query string", 400);
      expected.put("missing scope (step-up)", 403);
      assertEquals(expected, statusByCase);

      Set<String> served = new TreeSet<>();
      for (int i = 0; i < ROUNDS; i++) {
        HttpResponse<String> r = new Request(lb.url(), good).send(100 + i);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"text\":\"" + r.headers().firstValue("X-Replica").orElseThrow() + "\""),
            "the replica HAProxy names is the one whose tool answered: " + r.body());
        served.add(r.headers().firstValue("X-Replica").orElseThrow());
      }
      assertEquals(Set.of("r1", "r2", "r3"), served, "a good token is served by every replica");
    }
  }

  /** A stateless {@code tools/call} of {@code scoped_whoami} (needs {@code reports:run}). */
  private record Request(String url, String token) {

    HttpResponse<String> send(int id) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json, text/event-stream")
          .header("MCP-Protocol-Version", "2025-11-25")
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\","
              + "\"params\":{\"name\":\"scoped_whoami\",\"arguments\":{}}}"));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
