package dev.toolwarden.processor.model;

import java.math.BigDecimal;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * Reads jakarta.validation constraints into {@link Constraints}, mapping them as the victools
 * jakarta module does. Whether a constraint applies to the value's type is checked later, by
 * {@code ConstraintCheck}; a constraint this reader does not know stays in the list so that the
 * check can reject it rather than ignore it silently.
 */
public final class ConstraintReader {

  public static final String JAKARTA = "jakarta.validation.constraints.";

  private final Annotations annotations;

  public ConstraintReader(Annotations annotations) {
    this.annotations = annotations;
  }

  public Constraints read(List<AnnotationMirror> mirrors) {
    Constraints c = new Constraints();
    for (AnnotationMirror a : mirrors) {
      String name = Annotations.name(a);
      if (!name.startsWith(JAKARTA)) {
        continue;
      }
      c.annotations.add(a);
      String simple = name.substring(JAKARTA.length());
      switch (simple) {
        case "Min" -> c.lower(new Bound(BigDecimal.valueOf(annotations.number(a, "value")), false, "@Min"));
        case "Max" -> c.upper(new Bound(BigDecimal.valueOf(annotations.number(a, "value")), false, "@Max"));
        case "DecimalMin" -> decimal(a, true, c);
        case "DecimalMax" -> decimal(a, false, c);
        case "Positive" -> c.lower(new Bound(BigDecimal.ZERO, true, "@Positive"));
        case "PositiveOrZero" -> c.lower(new Bound(BigDecimal.ZERO, false, "@PositiveOrZero"));
        case "Negative" -> c.upper(new Bound(BigDecimal.ZERO, true, "@Negative"));
        case "NegativeOrZero" -> c.upper(new Bound(BigDecimal.ZERO, false, "@NegativeOrZero"));
        case "Size" -> {
          c.minSize((int) annotations.number(a, "min"));
          c.maxSize((int) annotations.number(a, "max"));
        }
        case "NotEmpty" -> c.minSize(1);
        case "NotBlank" -> {
          c.notBlank = true;
          c.minSize(1);
        }
        case "Pattern" -> c.pattern = annotations.string(a, "regexp");
        case "Email" -> {
          c.email = true;
          String regexp = annotations.string(a, "regexp");
          if (regexp != null && !regexp.equals(".*")) {
            c.pattern = regexp;
          }
        }
        default -> {
          // NotNull and unknown constraints: judged by ConstraintCheck
        }
      }
    }
    return c;
  }

  private void decimal(AnnotationMirror a, boolean min, Constraints c) {
    String text = annotations.string(a, "value");
    boolean inclusive = annotations.bool(a, "inclusive");
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return; // ConstraintCheck reports the unparsable value
    }
    Bound b = new Bound(value, !inclusive, min ? "@DecimalMin" : "@DecimalMax");
    if (min) {
      c.lower(b);
    } else {
      c.upper(b);
    }
  }
}
