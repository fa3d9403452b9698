package dev.toolwarden.runtime.spi;

import java.util.List;

/** Thrown by generated invokers when the arguments break the tool's schema: every violation. */
public final class ArgumentsRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /** Arguments refused with these violations (never empty). */
  public ArgumentsRejectedException(List<Violation> violations) {
    super("invalid arguments", null, false, false);
    this.violations = List.copyOf(violations);
  }

  /** Every violation found, in the order they were found. */
  public List<Violation> violations() {
    return violations;
  }
}
