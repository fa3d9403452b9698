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
