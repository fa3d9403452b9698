package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.spring.app.GreetingApp;
import dev.toolwarden.spring.secureapp.SecuredApp;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import jakarta.servlet.http.HttpServlet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A {@code toolwarden.http.path} the container cannot route exactly as written, or that Spring Security would read as
 * a pattern, fails the start naming the key — never a server that is silently weaker or unreachable.
 */
class EndpointPathTest {

  /**
   * Before: {@code /{x}} was accepted, and with Toolwarden's OAuth Spring Security ignored the path pattern
   * {@code /{x}} — every one-segment path, so the application's own {@code /hello} answered without a token.
   */
  @Test
  void aPathPatternVariableWouldHaveLeftTheApplicationsPagesOutsideItsSecurity() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
    SpringApplication app = new SpringApplication(SecuredApp.class);
    app.addInitializers(c -> c.getBeanFactory().registerSingleton("jwtDecoder",
        NimbusJwtDecoder.withPublicKey(key).build()));
    Throwable e = assertThrows(Throwable.class, () -> app.run("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off", "--toolwarden.oauth.issuer=http://127.0.0.1/realms/test",
        "--toolwarden.oauth.resource=http://127.0.0.1/mcp", "--toolwarden.http.path=/{x}").close());
    assertTrue(BootEndpointTestSupport.chain(e).contains("invalid toolwarden.http.path = '/{x}'"),
        BootEndpointTestSupport.chain(e));
  }

  /** Each of these was accepted before, and served nothing a client could reach (or took over the error page). */
  @ParameterizedTest
  @ValueSource(strings = {"/mc?", "/mcp;v=1", "/m%63p", "/a/../mcp", "/a//mcp", "/mcp/", "/error", "mcp", "/"})
  void aPathTheContainerCannotRouteAsWrittenFailsTheStartNamingTheKey(String path) {
    Throwable e = assertThrows(Throwable.class, () -> SpringApplication.run(GreetingApp.class, "--server.port=0",
        "--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--toolwarden.http.path=" + path).close());
    assertTrue(BootEndpointTestSupport.chain(e).contains("invalid toolwarden.http.path = '" + path + "'"),
        BootEndpointTestSupport.chain(e));
  }

  /**
   * Before: a servlet of the application already mapped at the path kept it (the container ignores a second exact
   * mapping and says so only in {@code addMapping}'s answer), the MCP endpoint was nowhere, and the application's
   * servlet received MCP clients' requests.
   */
  @Test
  void aPathAnotherServletOfTheApplicationMapsFailsTheStart() {
    ServletRegistrationBean<HttpServlet> other = new ServletRegistrationBean<>(new HttpServlet() {}, "/mcp");
    other.setName("applications-own");
    other.setOrder(Ordered.HIGHEST_PRECEDENCE); // registered before the endpoint
    SpringApplication app = new SpringApplication(GreetingApp.class);
    app.addInitializers(c -> c.getBeanFactory().registerSingleton("applicationsOwnServlet", other));
    Throwable e = assertThrows(Throwable.class, () -> app.run("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off").close());
    assertTrue(BootEndpointTestSupport.chain(e).contains("toolwarden.http.path = '/mcp' is already mapped to another"
        + " servlet"), BootEndpointTestSupport.chain(e));
  }
}
