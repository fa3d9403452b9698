package dev.toolwarden.spring;

import java.util.List;

/**
 * The few keys only the Spring Boot starter reads (everything else is a runtime setting, read through
 * {@link EnvironmentConfig} under the same names as the standalone server, see {@code docs/settings.md}).
 *
 * @param key the key after {@code toolwarden.}
 * @param type the Java type IDEs show
 * @param defaultValue the default, in words
 * @param description what it does
 */
record StarterSetting(String key, String type, String defaultValue, String description) {

  static final StarterSetting HTTP_PATH = new StarterSetting("http.path", "java.lang.String", "/mcp",
      "Spring Boot: the path of the MCP endpoint in the application's servlet container");
  static final StarterSetting INSTANTIATE_MISSING = new StarterSetting("spring.instantiate-missing", "java.lang.Boolean",
      "false", "Spring Boot: a generated tool bundle without a bean of its tool class gets one created by the"
          + " application context (constructor injection) instead of failing the start");
  static final StarterSetting SERVER_NAME = new StarterSetting("server.name", "java.lang.String",
      "spring.application.name, else toolwarden", "Spring Boot: the server name reported to MCP clients");
  static final StarterSetting SERVER_VERSION = new StarterSetting("server.version", "java.lang.String",
      "0.0.0", "Spring Boot: the server version reported to MCP clients");
  static final StarterSetting INSTRUCTIONS = new StarterSetting("instructions", "java.lang.String", "none",
      "Spring Boot: instructions sent to clients at initialisation");
  static final StarterSetting OAUTH_JWT_DECODER = new StarterSetting("oauth.jwt-decoder", "java.lang.String", "toolwarden",
      "Spring Boot: who verifies access tokens: toolwarden (its own verifier, from toolwarden.oauth.*) or spring (the"
          + " application's Spring Security JwtDecoder bean, with aud always checked against toolwarden.oauth.resource;"
          + " issuer and resource still come from toolwarden.oauth.*)");

  static final List<StarterSetting> ALL = List.of(HTTP_PATH, INSTANTIATE_MISSING, SERVER_NAME, SERVER_VERSION, INSTRUCTIONS,
      OAUTH_JWT_DECODER);

  /** {@code toolwarden.<key>}. */
  String property() {
    return "toolwarden." + key;
  }
}
