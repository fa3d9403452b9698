package dev.toolwarden.spring.app;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** An application whose tool class (it has a generated bundle) is not a bean. */
@EnableAutoConfiguration
public class NoToolBeanApp {

  @Bean
  Greeting greeting() {
    return new Greeting("Hi");
  }
}
