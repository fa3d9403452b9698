package dev.toolwarden.it.oauth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A realm of the shared {@link Keycloak} for clients that register themselves (RFC 7591) and log a person in through
 * a browser, made through the admin REST API (its own realm, so the clients of {@link Keycloak#REALM} are untouched):
 *
 * <ul>
 *   <li>anonymous registration trusts the loopback: the realm's own "Trusted Hosts" policy gets {@code 127.0.0.1} and
 *       {@code localhost} (requests from there, redirect URIs there); its other anonymous policies stay as Keycloak
 *       makes them — consent required, no full scope, only the realm's default client scopes;</li>
 *   <li>the example's scopes are client scopes and the realm's <em>default optional</em> scopes, so a registration
 *       asking for them is allowed ("Allowed Client Scopes" with {@code allow-default-scopes}) and they become its
 *       optional scopes;</li>
 *   <li>the audience: Keycloak 26.5 has no RFC 8707 ({@code resource} is ignored), so each of the example's client
 *       scopes carries an audience mapper naming the MCP server's resource URL: a token with any of the server's
 *       scopes is a token for the server. (A realm <em>default</em> scope would not do: a registration that names
 *       its {@code scope} gets exactly those as optional scopes and none of the realm's default scopes.)</li>
 *   <li>{@code orders:read} is an entitlement: the client scope has a role scope mapping to the realm role
 *       {@value #ORDERS_ROLE}, and Keycloak applies such a scope only for a user who has the role. A user without
 *       it gets every other requested scope; {@link #grantOrders} is the administrator approving it later, after
 *       which a new authorization (the step-up) gets {@code orders:read}.</li>
 * </ul>
 * Users have a first and last name, a verified e-mail and a password, so logging in asks for nothing else.
 */
final class DynamicRegistrationRealm {

  static final String ORDERS_ROLE = "orders-reader";
  static final List<String> SCOPES = List.of("files:read", "files:write", "orders:read", "reports:run");
  private static final String POLICY_TYPE = "org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy";
  /** The clients a new realm has before anyone registers. */
  private static final List<String> BUILT_IN = List.of("account", "account-console", "admin-cli", "broker",
      "realm-management", "security-admin-console");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Keycloak kc;
  final String realm;
  final Map<String, String> passwords = new LinkedHashMap<>();

  private DynamicRegistrationRealm(Keycloak kc, String realm) {
    this.kc = kc;
    this.realm = realm;
  }

  /** Creates the realm whose tokens name {@code resource} as audience, with {@code users} (none has orders). */
  static DynamicRegistrationRealm create(Keycloak kc, String resource, List<String> users) {
    DynamicRegistrationRealm r = new DynamicRegistrationRealm(kc, "toolwarden-dcr-" + Keycloak.random(4)
        .replaceAll("[^A-Za-z0-9]", "x").toLowerCase(java.util.Locale.ROOT));
    r.configure(resource, users);
    return r;
  }

  String issuer() {
    return kc.base() + "/realms/" + realm;
  }

  private String path(String rest) {
    return "/admin/realms/" + realm + rest;
  }

  private void configure(String resource, List<String> users) {
    String admin = kc.adminToken();
    kc.call(admin, "POST", "/admin/realms", NODES.objectNode().put("realm", realm).put("enabled", true)
        .put("accessTokenLifespan", 300), 201);
    for (String scope : SCOPES) {
      ObjectNode cs = NODES.objectNode().put("name", scope).put("protocol", "openid-connect");
      cs.putObject("attributes").put("include.in.token.scope", "true").put("display.on.consent.screen", "true")
          .put("consent.screen.text", "Toolwarden example: " + scope);
      ObjectNode mapper = cs.putArray("protocolMappers").addObject().put("name", "mcp-resource-audience")
          .put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
      mapper.putObject("config").put("included.custom.audience", resource).put("access.token.claim", "true")
          .put("id.token.claim", "false").put("introspection.token.claim", "true");
      kc.call(admin, "POST", path("/client-scopes"), cs, 201);
    }

    Map<String, String> scopeIds = new LinkedHashMap<>();
    for (JsonNode s : kc.call(admin, "GET", path("/client-scopes"), null, 200)) {
      scopeIds.put(s.path("name").asString(), s.path("id").asString());
    }
    for (String scope : SCOPES) {
      kc.call(admin, "PUT", path("/default-optional-client-scopes/" + scopeIds.get(scope)), null, 204);
    }

    kc.call(admin, "POST", path("/roles"), NODES.objectNode().put("name", ORDERS_ROLE), 201);
    ArrayNode role = NODES.arrayNode().add(kc.call(admin, "GET", path("/roles/" + ORDERS_ROLE), null, 200));
    kc.call(admin, "POST", path("/client-scopes/" + scopeIds.get("orders:read") + "/scope-mappings/realm"), role, 204);

    for (String user : users) {
      String password = Keycloak.random(18);
      passwords.put(user, password);
      ObjectNode u = NODES.objectNode().put("username", user).put("enabled", true).put("email", user + "@example.com")
          .put("emailVerified", true).put("firstName", user.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
              + user.substring(1)).put("lastName", "Tester");
      u.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
      kc.call(admin, "POST", path("/users"), u, 201);
    }

    trustLoopbackForAnonymousRegistration(admin);
  }

  private void trustLoopbackForAnonymousRegistration(String admin) {
    for (JsonNode policy : kc.call(admin, "GET", path("/components?type=" + POLICY_TYPE), null, 200)) {
      if ("trusted-hosts".equals(policy.path("providerId").asString())
          && "anonymous".equals(policy.path("subType").asString())) {
        ObjectNode updated = ((ObjectNode) policy).deepCopy();
        ObjectNode config = updated.putObject("config");
        config.putArray("trusted-hosts").add("127.0.0.1").add("localhost");
        config.putArray("host-sending-registration-request-must-match").add("true");
        config.putArray("client-uris-must-match").add("true");
        kc.call(admin, "PUT", path("/components/" + policy.path("id").asString()), updated, 204);
        return;
      }
    }
    throw new AssertionError("realm " + realm + " has no anonymous Trusted Hosts registration policy");
  }

  /** The administrator approves {@code user} for orders: the role that lets {@code orders:read} into a token. */
  void grantOrders(String user) {
    String admin = kc.adminToken();
    String id = kc.call(admin, "GET", path("/users?exact=true&username=" + user), null, 200).get(0).path("id").asString();
    ArrayNode role = NODES.arrayNode().add(kc.call(admin, "GET", path("/roles/" + ORDERS_ROLE), null, 200));
    kc.call(admin, "POST", path("/users/" + id + "/role-mappings/realm"), role, 204);
  }

  /** The clients that registered themselves (every client but the realm's built-in ones). */
  List<JsonNode> registeredClients() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : kc.call(kc.adminToken(), "GET", path("/clients"), null, 200)) {
      if (!BUILT_IN.contains(c.path("clientId").asString())) {
        out.add(c);
      }
    }
    return out;
  }

  /** The client scopes a client has, default or optional ({@code kind}). */
  List<String> clientScopes(String id, String kind) {
    List<String> out = new ArrayList<>();
    kc.call(kc.adminToken(), "GET", path("/clients/" + id + "/" + kind + "-client-scopes"), null, 200)
        .forEach(s -> out.add(s.path("name").asString()));
    return out;
  }
}
