package dev.toolwarden.runtime.spi;

/** Masks {@code @Redact}ed output values; called by generated result mappers. */
public final class Redaction {

  /** What a fully redacted value becomes. */
  public static final String MASK = "****";

  private Redaction() {}

  /**
   * Masks a value, keeping at most its last {@code keepLast} characters visible. Never keeps
   * more than a quarter of the value, so a short secret is not shown whole.
   */
  public static String mask(Object value, int keepLast) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    int keep = Math.min(keepLast, s.length() / 4);
    if (keep <= 0) {
      return MASK;
    }
    return MASK + s.substring(s.length() - keep);
  }
}
