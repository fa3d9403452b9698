package dev.toolwarden.spring;

/** What the Boot tests share. */
final class BootEndpointTestSupport {

  private BootEndpointTestSupport() {}

  /** Every message of a start-up failure's cause chain, one a line. */
  static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t).append('\n');
    }
    return b.toString();
  }
}
