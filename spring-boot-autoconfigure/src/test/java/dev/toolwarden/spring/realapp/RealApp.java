package dev.toolwarden.spring.realapp;

import dev.toolwarden.spring.app.Greeting;
import dev.toolwarden.spring.app.GreetingTools;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application as Java teams have it: Spring MVC with a controller of its own (and Boot's /error page), Actuator,
 * and — when the test turns its auto-configuration on — Spring Security's default chain. Its own package, so the other
 * test applications do not scan it.
 */
@SpringBootApplication
public class RealApp {

  @Bean
  GreetingTools greetingTools() {
    return new GreetingTools(new Greeting("Hello"));
  }

  /** The application's own MVC endpoints. */
  @RestController
  static class Hello {
    @GetMapping("/hello")
    String hello() {
      return "hello";
    }

    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("secret at /srv/app/conf");
    }
  }
}
