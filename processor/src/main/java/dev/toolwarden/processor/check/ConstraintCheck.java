package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Annotations;
import dev.toolwarden.processor.model.Bound;
import dev.toolwarden.processor.model.Constraints;
import dev.toolwarden.processor.model.ConstraintReader;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.ScalarKind;
import dev.toolwarden.processor.model.ToolClassModel;
import java.math.BigDecimal;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * Every jakarta constraint applies to its value's type, has sane values and, together with
 * the others on the same value, admits at least one value. A constraint Toolwarden cannot
 * enforce is an error rather than silently ignored.
 */
public final class ConstraintCheck implements ModelCheck {

  private static final Set<String> NUMERIC = Set.of("Min", "Max", "DecimalMin", "DecimalMax", "Positive",
      "PositiveOrZero", "Negative", "NegativeOrZero");
  private static final Set<String> SIZED = Set.of("Size", "NotEmpty");
  private static final Set<String> TEXT = Set.of("NotBlank", "Pattern", "Email");

  private final Annotations annotations;

  public ConstraintCheck(Annotations annotations) {
    this.annotations = annotations;
  }

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    Values.forEach(model, v -> check(v, reporter));
  }

  private void check(Values.Value v, Reporter reporter) {
    Constraints c = v.constraints();
    String what = ModelReader.describe(v.element());
    boolean ok = true;
    for (AnnotationMirror a : c.annotations) {
      String name = Annotations.name(a).substring(ConstraintReader.JAKARTA.length());
      String problem = applicability(name, v.type());
      if (problem != null) {
        ok = false;
        if (problem.startsWith("!")) {
          reporter.report(Rule.CONSTRAINT_INVALID, v.element(), a, name, what, problem.substring(1),
              "remove it and check the value in the method, throwing ToolException");
        } else {
          reporter.report(Rule.CONSTRAINT_NOT_APPLICABLE, v.element(), a, name, what, v.type().javaType(), problem);
        }
        continue;
      }
      ok &= values(name, a, v, reporter);
    }
    if (ok) {
      bounds(v, reporter);
    }
  }

  /** Null when the constraint applies; else the fix (or "!" and a reason for unsupported ones). */
  private static String applicability(String name, JType t) {
    ScalarKind k = t instanceof JType.Scalar s ? s.kind() : null;
    if (NUMERIC.contains(name)) {
      return k != null && k.isNumeric() ? null : "put @" + name + " on a number";
    }
    if (SIZED.contains(name)) {
      return k == ScalarKind.STRING || t instanceof JType.ArrayType || t instanceof JType.MapType ? null
          : "put @" + name + " on a String, a collection, an array or a map";
    }
    if (TEXT.contains(name)) {
      return k == ScalarKind.STRING ? null : "put @" + name + " on a String";
    }
    if (name.equals("NotNull")) {
      return null;
    }
    return "!@" + name + " is not supported by Toolwarden's schema and validator";
  }

  private boolean values(String name, AnnotationMirror a, Values.Value v, Reporter reporter) {
    String what = ModelReader.describe(v.element());
    switch (name) {
      case "Size" -> {
        long min = annotations.number(a, "min");
        long max = annotations.number(a, "max");
        if (min < 0 || max < 0) {
          reporter.report(Rule.CONSTRAINT_INVALID, v.element(), a, name, what, "min and max must not be negative",
              "use sizes of 0 or more");
          return false;
        }
        if (min > max) {
          reporter.report(Rule.BOUNDS_CONTRADICTORY, v.element(), a, what, "@Size(min = " + min + ", max = " + max
              + ")");
          return false;
        }
      }
      case "DecimalMin", "DecimalMax" -> {
        String text = annotations.string(a, "value");
        try {
          new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
          reporter.report(Rule.CONSTRAINT_INVALID, v.element(), a, Annotations.explicitValue(a, "value"), name, what,
              "\"" + text + "\" is not a decimal number", "write the bound as a decimal number such as \"0.5\"");
          return false;
        }
      }
      case "Pattern" -> {
        AnnotationValue value = Annotations.explicitValue(a, "regexp");
        String regex = annotations.string(a, "regexp");
        String error = Patterns.syntaxError(regex);
        if (error != null) {
          reporter.report(Rule.PATTERN_INVALID, v.element(), a, value, what, error);
          return false;
        }
        String construct = Patterns.nonPortableConstruct(regex);
        if (construct != null) {
          reporter.report(Rule.PATTERN_NOT_PORTABLE, v.element(), a, value, what, construct);
          return false;
        }
        if (!annotations.strings(a, "flags").isEmpty()) {
          reporter.report(Rule.PATTERN_NOT_PORTABLE, v.element(), a, Annotations.explicitValue(a, "flags"), what,
              "flags");
          return false;
        }
      }
      default -> { }
    }
    return true;
  }

  private static void bounds(Values.Value v, Reporter reporter) {
    Constraints c = v.constraints();
    String what = ModelReader.describe(v.element());
    if (c.minSize != null && c.maxSize != null && c.minSize > c.maxSize) {
      reporter.report(Rule.BOUNDS_CONTRADICTORY, v.element(), what, "at least " + c.minSize + " but at most "
          + c.maxSize + " long");
      return;
    }
    Bound low = c.lower;
    Bound high = c.upper;
    if (!(v.type() instanceof JType.Scalar s) || !s.kind().isNumeric()) {
      return;
    }
    long[] range = s.kind().range();
    if (range != null) {
      Long lo = low == null ? range[0] : Math.max(range[0], Ranges.inclusiveLong(low, true));
      Long hi = high == null ? range[1] : Math.min(range[1], Ranges.inclusiveLong(high, false));
      if (lo > hi) {
        reporter.report(Rule.BOUNDS_CONTRADICTORY, v.element(), what, describe(low, high, s.javaType()));
      }
      return;
    }
    if (low != null && high != null) {
      int cmp = low.value().compareTo(high.value());
      if (cmp > 0 || cmp == 0 && (low.exclusive() || high.exclusive())) {
        reporter.report(Rule.BOUNDS_CONTRADICTORY, v.element(), what, describe(low, high, s.javaType()));
      }
    }
  }

  private static String describe(Bound low, Bound high, String type) {
    StringBuilder b = new StringBuilder();
    if (low != null) {
      b.append(low.source()).append(' ').append(low.exclusive() ? "> " : ">= ").append(low.value().toPlainString());
    }
    if (high != null) {
      b.append(b.length() > 0 ? " and " : "").append(high.source()).append(' ')
          .append(high.exclusive() ? "< " : "<= ").append(high.value().toPlainString());
    }
    return b.append(" on ").append(type).toString();
  }
}
