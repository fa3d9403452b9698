package dev.toolwarden.processor.flow;

import java.util.EnumSet;
import java.util.Set;

/**
 * One tool argument's contribution to a value: which argument, the steps it took to get here, the sink kinds its
 * guard makes it safe for, and the sink kinds it was already reported at (a flow is reported once, at its first
 * sink of a kind). Immutable.
 *
 * @param source how the argument is named in messages, e.g. {@code 'query' (parameter of findUsers)}
 * @param safeFor the sink kinds this value cannot harm (its guard, its type, or a fixed URL origin before it)
 * @param reported the sink kinds this flow was already reported at
 * @param input whether this is still the validated argument itself (so a record accessor yields a component with
 *     its own guards), not a value computed from it
 * @param mayStartWithDash whether the value may begin with {@code '-'} (options injection)
 * @param path the steps from the argument to here
 */
record Taint(String source, Set<SinkKind> safeFor, Set<SinkKind> reported, boolean input, boolean mayStartWithDash,
    Step path) {

  /** The longest path kept; later steps are elided (the path is for a reader, the finding is already proven). */
  static final int MAX_STEPS = 12;

  /** One step of a path, as a persistent list (shared prefixes cost nothing). */
  record Step(String text, Step previous, int length) {
    static Step first(String text) {
      return new Step(text, null, 1);
    }

    Step then(String next) {
      if (length > MAX_STEPS || next.isEmpty()) {
        return this;
      }
      return new Step(length == MAX_STEPS ? "…" : next, this, length + 1);
    }

    String render() {
      String[] parts = new String[length];
      int i = length;
      for (Step s = this; s != null; s = s.previous) {
        parts[--i] = s.text;
      }
      return String.join(" -> ", parts);
    }
  }

  Taint {
    safeFor = safeFor.isEmpty() ? Set.of() : EnumSet.copyOf(safeFor);
    reported = reported.isEmpty() ? Set.of() : EnumSet.copyOf(reported);
  }

  /** Whether a sink of this kind must report this taint. */
  boolean dangerousFor(SinkKind kind) {
    return !safeFor.contains(kind) && !reported.contains(kind);
  }

  /** The same value, one step further (an assignment, a helper parameter): still the validated argument. */
  Taint copiedTo(String step) {
    return new Taint(source, safeFor, reported, input, mayStartWithDash, path.then(step));
  }

  /** A value computed from this one (a concatenation, a format, a builder). */
  Taint transformed(String step, boolean dashPossible, Set<SinkKind> extraSafe) {
    EnumSet<SinkKind> safe = EnumSet.noneOf(SinkKind.class);
    safe.addAll(safeFor);
    safe.addAll(extraSafe);
    return new Taint(source, safe, reported, false, mayStartWithDash && dashPossible, path.then(step));
  }

  /** The value decoded (Base64, URL decoding): its guard said nothing about what it decodes to. */
  Taint decoded(String step) {
    return new Taint(source, Set.of(), reported, false, true, path.then(step));
  }

  /** This flow after it was reported at a sink of this kind. */
  Taint reportedAt(SinkKind kind, String step) {
    EnumSet<SinkKind> r = EnumSet.of(kind);
    r.addAll(reported);
    return new Taint(source, safeFor, r, false, mayStartWithDash, path.then(step));
  }
}
