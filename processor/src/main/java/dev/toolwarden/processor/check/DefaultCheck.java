package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Bound;
import dev.toolwarden.processor.model.Constraints;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ToolClassModel;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** A default value must meet the constraints of its own argument: a client omitting it must not get an invalid value. */
public final class DefaultCheck implements ModelCheck {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (Operation t : model.inputs()) {
      for (Field p : t.parameters()) {
        check(p, reporter);
      }
    }
    for (RecordModel r : model.records().values()) {
      for (Field c : r.components()) {
        check(c, reporter);
      }
    }
  }

  private static void check(Field f, Reporter reporter) {
    if (f.defaultValue() == null || !(f.type() instanceof JType.Scalar)) {
      return;
    }
    String problem = problem(f.defaultValue(), f.constraints());
    if (problem != null) {
      reporter.report(Rule.DEFAULT_INVALID, f.element(), String.valueOf(f.defaultValue()),
          ModelReader.describe(f.element()), problem);
    }
  }

  static String problem(Object value, Constraints c) {
    if (value instanceof BigDecimal n) {
      if (c.lower != null && violatesLower(n, c.lower)) {
        return "it is below the lower bound " + c.lower.source() + " " + c.lower.value().toPlainString();
      }
      if (c.upper != null && violatesUpper(n, c.upper)) {
        return "it is above the upper bound " + c.upper.source() + " " + c.upper.value().toPlainString();
      }
    } else if (value instanceof String s) {
      int length = s.codePointCount(0, s.length());
      if (c.minSize != null && length < c.minSize) {
        return "it is shorter than " + c.minSize + " characters";
      }
      if (c.maxSize != null && length > c.maxSize) {
        return "it is longer than " + c.maxSize + " characters";
      }
      if (c.pattern != null && Patterns.syntaxError(c.pattern) == null && !Pattern.compile(c.pattern).matcher(s)
          .matches()) {
        return "it does not match the pattern " + c.pattern;
      }
      if (c.notBlank && s.chars().allMatch(ch -> " \t\n\u000b\f\r".indexOf(ch) >= 0)) {
        return "it is blank";
      }
      if (c.email && !EMAIL.matcher(s).matches()) {
        return "it is not an e-mail address";
      }
    }
    return null;
  }

  private static boolean violatesLower(BigDecimal n, Bound b) {
    int cmp = n.compareTo(b.value());
    return cmp < 0 || cmp == 0 && b.exclusive();
  }

  private static boolean violatesUpper(BigDecimal n, Bound b) {
    int cmp = n.compareTo(b.value());
    return cmp > 0 || cmp == 0 && b.exclusive();
  }
}
