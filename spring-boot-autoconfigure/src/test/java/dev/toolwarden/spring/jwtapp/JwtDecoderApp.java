package dev.toolwarden.spring.jwtapp;

import dev.toolwarden.spring.app.Greeting;
import dev.toolwarden.spring.app.GreetingTools;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The application of the JwtDecoder tests: the greeting tools as a bean; its JwtDecoder (when it has one) is registered
 * by the test, the way spring-boot-starter-oauth2-resource-server would define it. Its own package, so the other test
 * applications do not scan it.
 */
@SpringBootApplication
public class JwtDecoderApp {

  @Bean
  GreetingTools greetingTools() {
    return new GreetingTools(new Greeting("Hello"));
  }
}
