package dev.toolwarden.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.toolwarden.processor.check.Ranges;
import dev.toolwarden.processor.model.Binding;
import dev.toolwarden.processor.model.Bound;
import dev.toolwarden.processor.model.Constraints;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ScalarKind;
import java.math.BigDecimal;

/**
 * Emits the code that binds one JSON scalar: the conversion the runtime's {@code Check} performs,
 * then the declared bounds, length, pattern and format rules, then path confinement. A rule is
 * emitted only when it can fail, and a "no violation so far" guard only around code that needs it.
 */
final class ScalarEmitter {

  private final Constants constants;
  private final PatternMatchers patterns;
  private final LocalNames names;

  ScalarEmitter(Constants constants, PatternMatchers patterns, LocalNames names) {
    this.constants = constants;
    this.patterns = patterns;
    this.names = names;
  }

  Constants constants() {
    return constants;
  }

  void scalar(CodeBlock.Builder b, Binding binding, Slot slot) {
    ScalarKind k = ((JType.Scalar) binding.value()).kind();
    if (binding.urlRule() != null) {
      text(b, k, binding, slot); // the URL guard reads the text itself, whatever type receives it
      return;
    }
    switch (k) {
      case BOOLEAN -> convert(b, k, slot);
      case BYTE, SHORT, INT, LONG -> integral(b, k, binding.constraints(), slot);
      case BIG_INTEGER, FLOAT, DOUBLE, BIG_DECIMAL -> decimal(b, k, binding.constraints(), slot);
      case STRING, PATH, URL -> text(b, k, binding, slot);
      case UUID, URI, LOCAL_DATE, INSTANT, OFFSET_DATE_TIME, DURATION -> {
        String text = names.fresh("text");
        b.addStatement("$T $L = $T.toStr($L, $S, v, $L)", String.class, text, TypeNames.CHECK, slot.raw(),
            slot.pointer(), slot.redaction());
        b.beginControlFlow("if ($L != null)", text);
        b.addStatement("$L = $T.$L($L, $S, v, $L)", slot.target(), owner(k), converter(k), text,
            slot.pointer(), slot.redaction());
        b.endControlFlow();
      }
    }
  }

  /** The runtime {@code Check} method that converts a JSON value (or, for formats, its text) to the kind. */
  private static String converter(ScalarKind k) {
    return switch (k) {
      case BOOLEAN -> "toBoolean";
      case BYTE -> "toByte";
      case SHORT -> "toShort";
      case INT -> "toInt";
      case LONG -> "toLong";
      case BIG_INTEGER -> "toBigInteger";
      case FLOAT -> "toFloat";
      case DOUBLE -> "toDouble";
      case BIG_DECIMAL -> "toBigDecimal";
      case UUID -> "toUuid";
      case URI -> "toUri";
      case LOCAL_DATE -> "toLocalDate";
      case INSTANT -> "toInstant";
      case OFFSET_DATE_TIME -> "toOffsetDateTime";
      case DURATION -> "toDuration";
      case STRING, PATH, URL -> "toStr";
    };
  }

  /** {@code FormatCheck} for the {@code format}s read from text, {@code Check} for JSON kinds and numbers. */
  private static ClassName owner(ScalarKind k) {
    return switch (k) {
      case UUID, URI, LOCAL_DATE, INSTANT, OFFSET_DATE_TIME, DURATION -> TypeNames.FORMAT_CHECK;
      default -> TypeNames.CHECK;
    };
  }

  /** {@code target = Check.toX(raw, pointer, v, redaction)} (or {@code FormatCheck.toX}). */
  private static void convert(CodeBlock.Builder b, ScalarKind k, Slot slot) {
    b.addStatement("$L = $T.$L($L, $S, v, $L)", slot.target(), owner(k), converter(k), slot.raw(),
        slot.pointer(), slot.redaction());
  }

  /** A bound is compared only with a value that converted: a conversion failure is one violation, not three. */
  private void guardedConvert(CodeBlock.Builder b, ScalarKind k, Slot slot) {
    String mark = names.fresh("mark");
    b.addStatement("int $L = v.size()", mark);
    convert(b, k, slot);
    b.beginControlFlow("if (v.size() == $L)", mark);
  }

  private void decimal(CodeBlock.Builder b, ScalarKind k, Constraints c, Slot slot) {
    if (c.lower == null && c.upper == null) {
      convert(b, k, slot);
      return;
    }
    guardedConvert(b, k, slot);
    if (c.lower != null) {
      b.beginControlFlow("if ($L $L 0)", comparison(k, slot, c.lower.value()), c.lower.exclusive() ? "<=" : "<");
      boundViolation(b, c.lower, true, slot);
      b.endControlFlow();
    }
    if (c.upper != null) {
      b.beginControlFlow("if ($L $L 0)", comparison(k, slot, c.upper.value()), c.upper.exclusive() ? ">=" : ">");
      boundViolation(b, c.upper, false, slot);
      b.endControlFlow();
    }
    b.endControlFlow();
  }

  /**
   * The exact comparison of the number the client sent with a bound. A double argument passes the
   * doubles next to the bound, so the double decides unless it lies between them.
   */
  private CodeBlock comparison(ScalarKind k, Slot slot, BigDecimal bound) {
    if (k != ScalarKind.DOUBLE) {
      return CodeBlock.of("$T.compare($L, $L)", TypeNames.CHECK, slot.raw(), constants.decimal(bound));
    }
    double d = bound.doubleValue();
    int exact = Double.isInfinite(d) ? (d > 0 ? 1 : -1) : new BigDecimal(d).compareTo(bound);
    double below = exact > 0 ? Math.nextDown(d) : d;
    double above = exact < 0 ? Math.nextUp(d) : d;
    return CodeBlock.of("$T.compare($L, $L, $L, $L, $L)", TypeNames.CHECK, slot.raw(), slot.target(),
        doubleLiteral(below), doubleLiteral(above), constants.decimal(bound));
  }

  private static String doubleLiteral(double d) {
    if (Double.isInfinite(d)) {
      return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(d) + "d";
  }

  /** Integral bounds are compared as longs: the declared decimal bound is rounded once, here. */
  private void integral(CodeBlock.Builder b, ScalarKind k, Constraints c, Slot slot) {
    long[] range = k.range();
    Long low = c.lower == null ? null : Ranges.inclusiveLong(c.lower, true);
    Long high = c.upper == null ? null : Ranges.inclusiveLong(c.upper, false);
    // a bound the type's own range already enforces is no rule of its own
    boolean checkLow = low != null && low > range[0];
    boolean checkHigh = high != null && high < range[1];
    if (!checkLow && !checkHigh) {
      convert(b, k, slot);
      return;
    }
    guardedConvert(b, k, slot);
    if (checkLow) {
      b.beginControlFlow("if ($L < $LL)", slot.target(), low);
      boundViolation(b, c.lower, true, slot);
      b.endControlFlow();
    }
    if (checkHigh) {
      b.beginControlFlow("if ($L > $LL)", slot.target(), high);
      boundViolation(b, c.upper, false, slot);
      b.endControlFlow();
    }
    b.endControlFlow();
  }

  private static void boundViolation(CodeBlock.Builder b, Bound bound, boolean lower, Slot slot) {
    String rule = bound.exclusive() ? "exclusive" + (lower ? "Minimum" : "Maximum") : lower ? "minimum" : "maximum";
    String message = lower
        ? (bound.exclusive() ? "must be greater than " : "must be at least ") + bound.value().toPlainString()
        : (bound.exclusive() ? "must be less than " : "must be at most ") + bound.value().toPlainString();
    violation(b, slot, rule, message);
  }

  private static void violation(CodeBlock.Builder b, Slot slot, String rule, String message) {
    // the message may quote the user's @Pattern
    b.addStatement("v.add($S, $S, $L, $L, $L)", slot.pointer(), rule, JavaStrings.literal(message), slot.raw(),
        slot.redaction());
  }

  private void text(CodeBlock.Builder b, ScalarKind k, Binding binding, Slot slot) {
    Constraints c = binding.constraints();
    boolean confined = binding.pathRule() != null || binding.urlRule() != null;
    boolean checked = hasMinLength(c) || hasMaxLength(c) || c.pattern != null || c.extraPattern != null
        || c.notBlank || c.email;
    // a String bound as it is read; a Path (or a confined String) is read as text first
    boolean direct = k == ScalarKind.STRING && !confined;
    String text = direct ? slot.target() : names.fresh("text");
    CodeBlock read = CodeBlock.of("$T.toStr($L, $S, v, $L)", TypeNames.CHECK, slot.raw(), slot.pointer(),
        slot.redaction());
    if (direct) {
      b.addStatement("$L = $L", text, read);
    } else {
      b.addStatement("$T $L = $L", String.class, text, read);
    }
    if (!checked && !confined) {
      return;
    }
    b.beginControlFlow("if ($L != null)", text);
    // the path is resolved (the URL resolved and checked) only when the text broke no rule: a refused value never
    // reaches the file system or DNS
    String mark = confined && checked ? names.fresh("mark") : null;
    if (mark != null) {
      b.addStatement("int $L = v.size()", mark);
    }
    textRules(b, c, text, slot);
    if (confined) {
      if (mark != null) {
        b.beginControlFlow("if (v.size() == $L)", mark);
      }
      if (binding.urlRule() != null) {
        checkedUrl(b, k, binding, slot, text);
      } else {
        String resolved = names.fresh("path");
        b.addStatement("$T $L = inv.resolvePath($L, $S, $L, v)", ClassName.get("java.nio.file", "Path"), resolved,
            constants.pathRule(binding.pathRule()), slot.pointer(), text);
        if (k == ScalarKind.PATH) {
          b.addStatement("$L = $L", slot.target(), resolved);
        } else {
          b.addStatement("$L = $L == null ? null : $L.toString()", slot.target(), resolved, resolved);
        }
      }
      if (mark != null) {
        b.endControlFlow();
      }
    }
    b.endControlFlow();
  }

  /** {@code @SafeUrl}: the runtime's guard, then the checked URI in the declared type (URI, its text, or a URL). */
  private void checkedUrl(CodeBlock.Builder b, ScalarKind k, Binding binding, Slot slot, String text) {
    String checked = names.fresh("url");
    b.addStatement("$T $L = inv.checkUrl($L, $S, $L, v)", TypeNames.URI, checked,
        constants.urlRule(binding.urlRule()), slot.pointer(), text);
    switch (k) {
      case URI -> b.addStatement("$L = $L", slot.target(), checked);
      case URL -> b.addStatement("$L = $T.toUrl($L, $S, v)", slot.target(), TypeNames.URL_RULE, checked,
          slot.pointer());
      default -> b.addStatement("$L = $L == null ? null : $L.toString()", slot.target(), checked, checked);
    }
  }

  private void textRules(CodeBlock.Builder b, Constraints c, String text, Slot slot) {
    if (hasMinLength(c) || hasMaxLength(c)) {
      String length = names.fresh("length");
      b.addStatement("int $L = $T.length($L)", length, TypeNames.CHECK, text);
      if (hasMinLength(c)) {
        b.beginControlFlow("if ($L < $L)", length, c.minSize);
        violation(b, slot, "minLength", "must be at least " + c.minSize + " characters long");
        b.endControlFlow();
      }
      if (hasMaxLength(c)) {
        b.beginControlFlow("if ($L > $L)", length, c.maxSize);
        violation(b, slot, "maxLength", "must be at most " + c.maxSize + " characters long");
        b.endControlFlow();
      }
    }
    for (String pattern : new String[] {c.pattern, c.extraPattern}) {
      if (pattern != null) {
        b.beginControlFlow("if (!$L)", patterns.matches(pattern, text));
        violation(b, slot, "pattern", "must match the pattern " + pattern);
        b.endControlFlow();
      }
    }
    if (c.notBlank) {
      b.beginControlFlow("if ($T.isBlank($L))", TypeNames.CHECK, text);
      violation(b, slot, "pattern", "must not be blank");
      b.endControlFlow();
    }
    if (c.email) {
      b.beginControlFlow("if (!$T.isEmail($L))", TypeNames.FORMAT_CHECK, text);
      violation(b, slot, "format", "must be an e-mail address");
      b.endControlFlow();
    }
  }

  private static boolean hasMinLength(Constraints c) {
    return c.minSize != null && c.minSize > 0;
  }

  private static boolean hasMaxLength(Constraints c) {
    return c.maxSize != null && c.maxSize < Integer.MAX_VALUE;
  }
}
