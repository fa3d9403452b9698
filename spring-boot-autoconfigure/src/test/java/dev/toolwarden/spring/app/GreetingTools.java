package dev.toolwarden.spring.app;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.concurrent.CountDownLatch;
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

  /**
   * Greets someone formally: needs a scope (the OAuth tests' per-tool step-up and tools/list filtering).
   *
   * @param name who to greet
   */
  @McpTool(name = "greet_formally", readOnly = true, openWorld = false)
  @RequiresScope("greet:formal")
  public String greetFormally(@NotBlank @Size(max = 40) String name) {
    return "Good day, " + name + ".";
  }

  /** Counted down when a {@code slow_greet} call has started: the shutdown test closes the application then. */
  public static volatile CountDownLatch slowCallStarted = new CountDownLatch(1);

  /**
   * Greets someone after a pause.
   *
   * @param name who to greet
   * @param millis how long to pause first
   */
  @McpTool(name = "slow_greet", readOnly = true, openWorld = false)
  public String slowGreet(@NotBlank @Size(max = 40) String name, @Min(0) @Max(10000) int millis)
      throws InterruptedException {
    slowCallStarted.countDown();
    Thread.sleep(millis);
    return greet(name);
  }
}
