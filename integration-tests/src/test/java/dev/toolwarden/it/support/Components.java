package dev.toolwarden.it.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for real parts a test needs (Node clients, Redis, Keycloak, …): when a component
 * cannot be had, the test <b>fails</b> under CI ({@code CI=true}) and is <b>skipped with a loud
 * warning</b> everywhere else. Nothing in CI may silently pass without the part it claims to test.
 */
public final class Components {

  private Components() {}

  /** True when running under CI ({@code CI=true}, as CI services set it). */
  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Requires a component.
   *
   * @param component what the test needs, e.g. "Node.js clients (integration-tests/node)"
   * @param problem   why it is missing and how to get it; {@code null} when it is available
   */
  public static void require(String component, String problem) {
    if (problem == null) {
      return;
    }
    String message = "required component unavailable: " + component + ": " + problem;
    if (underCi()) {
      Assertions.fail(message + " (CI=true: a missing component fails the build)");
    }
    String banner = "\n" + "!".repeat(100) + "\n!!! WARNING: SKIPPING TEST. " + message
        + "\n!!! Under CI (CI=true) this test would FAIL. See .ci/run for how CI installs it.\n" + "!".repeat(100) + "\n";
    System.err.println(banner); // into the test's output file (Surefire redirects it)
    warnOnConsole(banner);
    Assumptions.abort(message);
  }

  /**
   * Writes past Surefire's capture of System.err, straight to the forked JVM's stderr, which
   * Surefire shows on the build's console: a skipped component must be seen, not buried in a file.
   */
  private static void warnOnConsole(String banner) {
    try {
      java.io.FileOutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.err);
      raw.write(banner.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      raw.flush();
    } catch (java.io.IOException ignored) {
      // the banner is in the test's output file anyway
    }
  }

  /** Requires a component, evaluating its availability check; an exception counts as unavailable. */
  public static void require(String component, java.util.function.Supplier<String> check) {
    String problem;
    try {
      problem = check.get();
    } catch (RuntimeException e) {
      problem = "check failed: " + e;
    }
    require(component, problem);
  }
}
