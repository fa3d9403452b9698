package dev.toolwarden.redis;

import java.util.concurrent.atomic.AtomicInteger;

/** A tool class for the end-to-end tests; {@link LimitedToolsBundle} is what the processor would generate. */
public final class LimitedTools {

  /** Calls that reached the method on this replica. */
  public final AtomicInteger ran = new AtomicInteger();

  public String work() {
    ran.incrementAndGet();
    return "done";
  }
}
