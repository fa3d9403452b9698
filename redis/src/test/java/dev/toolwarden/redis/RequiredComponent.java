package dev.toolwarden.redis;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need a real component (here {@code redis-server}): when it is
 * missing, the test FAILS under CI ({@code CI=true}, where {@code .ci/run} installs it) and is
 * skipped elsewhere, with a warning loud enough to be seen in the build output.
 */
final class RequiredComponent {

  private RequiredComponent() {}

  static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Fails (CI) or aborts the test (elsewhere) unless {@code available}. */
  static void require(boolean available, String component, String howToInstall) {
    if (available) {
      return;
    }
    String message = component + " is not available: " + howToInstall;
    if (underCi()) {
      Assertions.fail("CI=true and " + message);
    }
    String banner = "#".repeat(100);
    System.err.println(banner + "\n# WARNING: SKIPPING a test that needs a real " + component + ": " + message
        + "\n# (under CI=true this test fails instead)\n" + banner);
    Assumptions.abort(message);
  }
}
