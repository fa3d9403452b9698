package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.spring.realapp.RealApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's own pages keep working with the starter on its class path: the starter must not bring a servlet
 * API older than its Tomcat's. The runtime's Jetty brings jakarta.servlet-api 6.0, whose
 * {@code HttpServletResponse.sendRedirect(String)} is abstract; Tomcat 11 implements Servlet 6.1, where it is a default
 * method, so with 6.0 first on the class path every redirect of the application (Spring Security's login page, an MVC
 * {@code redirect:}) failed with an {@code AbstractMethodError} and a 500.
 */
class BootApplicationBesideTheStarterTest {

  @Test
  void springSecuritysLoginRedirectStillWorks() throws Exception {
    try (ConfigurableApplicationContext context = SpringApplication.run(RealApp.class, "--server.port=0",
        "--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--spring.autoconfigure.exclude=")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      // a browser asking for the application's page: Boot's default chain redirects it to its login form
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/hello")).header("Accept", "text/html")
          .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(302, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/login"), r.headers().map().toString());
    }
  }
}
