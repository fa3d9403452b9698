package com.example.greeter;

import dev.toolwarden.McpTool;
import jakarta.validation.constraints.NotBlank;
import org.springframework.stereotype.Component;

@Component
public class GreetingTools {

  /**
   * Greets someone by name.
   *
   * @param name who to greet
   */
  @McpTool(name = "greet", readOnly = true)
  public String greet(@NotBlank String name) {
    return "Hello, " + name + "!";
  }
}
