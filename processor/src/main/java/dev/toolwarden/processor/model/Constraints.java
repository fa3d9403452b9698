package dev.toolwarden.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * The jakarta.validation constraints declared on one value, normalised: the tightest lower and
 * upper numeric bound, size bounds (string length, item or property count), a pattern,
 * {@code @Email}, {@code @NotBlank}. The annotations are kept to report problems on them.
 */
public final class Constraints {

  public Bound lower;
  public Bound upper;
  public Integer minSize;
  public Integer maxSize;
  public String pattern;
  /** A second pattern, when an Optional and its type argument each carry one. */
  public String extraPattern;
  public boolean email;
  public boolean notBlank;
  /** Annotations that were read, by simple name, for diagnostics. */
  public final List<AnnotationMirror> annotations = new ArrayList<>();

  public static Constraints none() {
    return new Constraints();
  }

  public boolean isEmpty() {
    return lower == null && upper == null && minSize == null && maxSize == null && pattern == null && !email
        && !notBlank;
  }

  /**
   * The constraints of both sets at once: on an {@code Optional} argument the constraints on the
   * argument and those on its type argument apply together, in the schema and the validator alike.
   */
  public static Constraints merge(Constraints a, Constraints b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    Constraints m = new Constraints();
    for (Constraints x : java.util.List.of(a, b)) {
      if (x.lower != null) {
        m.lower(x.lower);
      }
      if (x.upper != null) {
        m.upper(x.upper);
      }
      if (x.minSize != null) {
        m.minSize(x.minSize);
      }
      if (x.maxSize != null) {
        m.maxSize(x.maxSize);
      }
      m.email |= x.email;
      m.notBlank |= x.notBlank;
      m.annotations.addAll(x.annotations);
    }
    m.pattern = a.pattern != null ? a.pattern : b.pattern;
    if (a.pattern != null && b.pattern != null && !a.pattern.equals(b.pattern)) {
      m.extraPattern = b.pattern;
    }
    return m;
  }

  public void lower(Bound b) {
    if (lower == null || b.tighterLower(lower)) {
      lower = b;
    }
  }

  public void upper(Bound b) {
    if (upper == null || b.tighterUpper(upper)) {
      upper = b;
    }
  }

  public void minSize(int n) {
    if (minSize == null || n > minSize) {
      minSize = n;
    }
  }

  public void maxSize(int n) {
    if (maxSize == null || n < maxSize) {
      maxSize = n;
    }
  }
}
