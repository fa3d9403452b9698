package dev.toolwarden.differential;

/** Records the arguments the last tool call received, so tests can compare them with what was sent. */
public final class Capture {

  private static Object[] last;

  private Capture() {}

  public static void args(Object... values) {
    last = values;
  }

  public static Object[] take() {
    Object[] v = last;
    last = null;
    return v;
  }
}
