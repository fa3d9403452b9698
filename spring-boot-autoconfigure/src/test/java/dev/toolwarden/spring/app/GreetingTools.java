package dev.toolwarden.spring.app;

import dev.toolwarden.McpTool;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A tool class whose instance is a Spring bean with a dependency of its own. */
public class GreetingTools {

  private final Greeting greeting;

  /** Constructor injection: the bean comes from the application context. */
  public GreetingTools(Greeting greeting) {
    this.greeting = greeting;
  }

  /**
   * Greets someone.
   *
   * @param name who to greet
   */
  @McpTool(name = "greet", readOnly = true, openWorld = false)
  public String greet(@NotBlank @Size(max = 40) String name) {
    return greeting.salutation() + ", " + name + "!";
  }
}
