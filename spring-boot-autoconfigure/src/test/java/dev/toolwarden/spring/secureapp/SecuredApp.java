package dev.toolwarden.spring.secureapp;

import dev.toolwarden.spring.app.Greeting;
import dev.toolwarden.spring.app.GreetingTools;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application secured by Spring Security the usual way: every request authenticated, bearer tokens verified by its
 * resource-server chain with its {@code JwtDecoder} bean (registered by the test). Its own package, so the other test
 * applications do not scan it.
 */
@SpringBootApplication
@EnableWebSecurity
public class SecuredApp {

  /** A path of the application's own, beside the MCP endpoint. */
  public static final String HELLO = "/hello";

  @Bean
  ServletRegistrationBean<HttpServlet> hello() {
    return new ServletRegistrationBean<>(new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write("hello");
      }
    }, HELLO);
  }

  @Bean
  GreetingTools greetingTools() {
    return new GreetingTools(new Greeting("Hello"));
  }

  @Bean
  SecurityFilterChain applicationSecurity(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
        .build();
  }
}
