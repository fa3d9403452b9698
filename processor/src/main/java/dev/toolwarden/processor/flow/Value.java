package dev.toolwarden.processor.flow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the analysis knows about one value: the tool arguments it carries (at most one {@link Taint} per argument,
 * at most {@link #MAX_TAINTS}), its text when it is a known constant, and its elements when it is an array or list
 * whose positions are known (a command line). Values only ever grow by {@link #join}, so the fixpoint ends.
 *
 * @param taints the arguments this value carries
 * @param constant the value's text when known, else null
 * @param prefix the text the value is known to start with ({@code ""} when unknown; the constant when known)
 * @param elements the known positional elements of an array or list, else null
 */
record Value(List<Taint> taints, String constant, String prefix, List<Value> elements) {

  static final int MAX_TAINTS = 16;
  static final int MAX_ELEMENTS = 64;
  static final int MAX_CONSTANT = 4096;
  /** A value that carries no tool argument and whose text is unknown. */
  static final Value CLEAN = new Value(List.of(), null, "", null);

  /** Known text; a very long constant keeps only its start (all a sink decision ever looks at). */
  static Value constant(String text) {
    if (text.length() > MAX_CONSTANT) {
      return new Value(List.of(), null, text.substring(0, MAX_CONSTANT), null);
    }
    return new Value(List.of(), text, text, null);
  }

  static Value of(Taint t) {
    return new Value(List.of(t), null, "", null);
  }

  /** The same arguments, with a known leading text (a builder started from a constant). */
  Value withPrefix(String text) {
    return new Value(taints, null, text, null);
  }

  /** A list or array with these elements; the whole carries every element's arguments. */
  static Value elements(List<Value> elements) {
    Value whole = CLEAN;
    for (Value v : elements) {
      whole = whole.join(v.withoutStructure());
    }
    return new Value(whole.taints, null, "", elements.size() <= MAX_ELEMENTS ? List.copyOf(elements) : null);
  }

  boolean tainted() {
    return !taints.isEmpty();
  }

  Value withoutStructure() {
    return elements == null && constant == null && prefix.isEmpty() ? this : new Value(taints, null, "", null);
  }

  /** Every taint mapped, structure dropped (the value was transformed into something else). */
  Value map(UnaryOperator<Taint> f) {
    if (taints.isEmpty()) {
      return CLEAN;
    }
    List<Taint> out = new ArrayList<>(taints.size());
    for (Taint t : taints) {
      out.add(f.apply(t));
    }
    return new Value(List.copyOf(out), null, "", null);
  }

  /** Every taint mapped, the structure (constant, prefix, elements) kept: the same value, one step further. */
  Value relabel(UnaryOperator<Taint> f) {
    if (taints.isEmpty()) {
      return this;
    }
    return new Value(map(f).taints, constant, prefix, elements);
  }

  /** The least value that is at least as tainted as both (a merge of two assignments or two operands). */
  Value join(Value other) {
    if (other == null || other.equals(this)) {
      return this;
    }
    List<Taint> merged = new ArrayList<>(taints);
    for (Taint t : other.taints) {
      int i = indexOf(merged, t.source());
      if (i >= 0) {
        merged.set(i, merge(merged.get(i), t));
      } else if (merged.size() < MAX_TAINTS) {
        merged.add(t);
      }
    }
    String c = constant != null && constant.equals(other.constant) ? constant : null;
    int common = 0;
    while (common < prefix.length() && common < other.prefix.length()
        && prefix.charAt(common) == other.prefix.charAt(common)) {
      common++;
    }
    List<Value> e = null;
    if (elements != null && other.elements != null && elements.size() == other.elements.size()) {
      e = new ArrayList<>(elements.size());
      for (int i = 0; i < elements.size(); i++) {
        e.add(elements.get(i).join(other.elements.get(i)));
      }
      e = List.copyOf(e);
    }
    return new Value(List.copyOf(merged), c, prefix.substring(0, common), e);
  }

  private static int indexOf(List<Taint> taints, String source) {
    for (int i = 0; i < taints.size(); i++) {
      if (taints.get(i).source().equals(source)) {
        return i;
      }
    }
    return -1;
  }

  /** Two flows of one argument: the result is safe only where both are; the more dangerous path is kept. */
  private static Taint merge(Taint a, Taint b) {
    Set<SinkKind> safe = intersect(a.safeFor(), b.safeFor());
    Set<SinkKind> reported = intersect(a.reported(), b.reported());
    boolean bMoreDangerous = safe.size() < a.safeFor().size() || reported.size() < a.reported().size();
    Taint.Step path = bMoreDangerous && b.safeFor().size() == safe.size() ? b.path() : a.path();
    return new Taint(a.source(), safe, reported, a.input() && b.input(),
        a.mayStartWithDash() || b.mayStartWithDash(), path);
  }

  private static Set<SinkKind> intersect(Set<SinkKind> a, Set<SinkKind> b) {
    EnumSet<SinkKind> out = EnumSet.noneOf(SinkKind.class);
    for (SinkKind k : a) {
      if (b.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  /** The first taint a sink of this kind must report, or null. */
  Taint dangerousFor(SinkKind kind) {
    for (Taint t : taints) {
      if (t.dangerousFor(kind)) {
        return t;
      }
    }
    return null;
  }

  /** This value after its flows were reported at a sink of this kind. */
  Value reportedAt(SinkKind kind, String step) {
    return map(t -> t.dangerousFor(kind) ? t.reportedAt(kind, step) : t);
  }
}
