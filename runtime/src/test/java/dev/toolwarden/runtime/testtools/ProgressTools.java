package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.ToolContext;

/**
 * A tool that reports progress the way a careless tool might: increasing values, a repeated one, one that is not a
 * number, an infinite total. It keeps the context of its last call, so a test can report after the call returned.
 */
public final class ProgressTools {

  private volatile ToolContext last;

  public String steps(ToolContext context) {
    last = context;
    context.progress(0, 3.0, "started");
    context.progress(1, 3.0, "one");
    context.progress(1, 3.0, "one again"); // not an increase
    context.progress(0.5, 3.0, "backwards"); // not an increase
    context.progress(Double.NaN, 3.0, "not a number");
    context.progress(2, Double.POSITIVE_INFINITY, "two");
    context.progress(3, 3.0, "done");
    return "stepped";
  }

  /** The context of the last call of {@link #steps}, or null. */
  public ToolContext last() {
    return last;
  }
}
