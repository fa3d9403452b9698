package dev.toolwarden.runtime.internal.url;

/**
 * Thrown inside the guard when a URL breaks a rule; turned into a violation or a
 * {@code UrlRefusedException} at the edge. Carries no stack trace: it is control flow over
 * client input, not a fault.
 */
public final class UrlRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  /** A refusal for {@code refusal}. */
  public UrlRefusal(Refusal refusal) {
    super(refusal.message(), null, false, false);
    this.refusal = refusal;
  }

  /** The rule that was broken. */
  public Refusal refusal() {
    return refusal;
  }
}
