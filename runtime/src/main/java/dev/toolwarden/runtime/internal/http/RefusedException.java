package dev.toolwarden.runtime.internal.http;

/** Thrown by a step of a filter that refuses the request; the filter sends {@link #refusal()}. */
final class RefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  RefusedException(Refusal refusal) {
    super(refusal.message(), null, false, false); // an answer, not a failure: no stack trace
    this.refusal = refusal;
  }

  Refusal refusal() {
    return refusal;
  }
}
