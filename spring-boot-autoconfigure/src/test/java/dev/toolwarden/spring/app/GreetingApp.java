package dev.toolwarden.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The test application: its tool class is a bean, with a dependency of its own. */
@SpringBootApplication
public class GreetingApp {

  @Bean
  Greeting greeting() {
    return new Greeting("Hello");
  }

  @Bean
  GreetingTools greetingTools(Greeting greeting) {
    return new GreetingTools(greeting);
  }
}
