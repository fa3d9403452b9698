package dev.toolwarden.it.consumer;

import dev.toolwarden.McpTool;
import jakarta.validation.constraints.Size;

/** The one tool of the consumer project. */
public class Greeter {

  /**
   * Greets someone by name.
   *
   * @param name who to greet
   */
  @McpTool(description = "Greets someone by name")
  public String greet(@Size(max = 20) String name) {
    return "Hello, " + name + "!";
  }
}
