package dev.toolwarden.processor.validation;

import com.networknt.schema.Error;
import dev.toolwarden.processor.validation.Differential.Known;
import dev.toolwarden.processor.validation.Differential.Outcome;
import dev.toolwarden.runtime.spi.Check;
import dev.toolwarden.runtime.spi.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Understood disagreements between the generated validator and networknt. Each is named, counted
 * and printed by the differential test (never silent); anything not matched here fails it. Each
 * predicate is as narrow as the cause, so a new disagreement next to a known one still fails.
 */
final class KnownDiscrepancies {

  private KnownDiscrepancies() {}

  /** The exact value of Float.MAX_VALUE, the float range the schema states. */
  static final BigDecimal FLOAT_MAX = new BigDecimal(Float.MAX_VALUE);

  /**
   * ORACLE BUG NETWORKNT-UNIQUE-NUMBERS (networknt 3.0.6 {@code UniqueItemsValidator}): items are
   * compared with {@code JsonNode.equals}, so {@code [1, 1.0]} (an IntNode and a DoubleNode) counts
   * as unique, and so does {@code [1.5, 1.50]} when numbers are parsed exactly (DecimalNodes of another
   * scale); so does {@code [-9223372036854775808, -9223372036854775808e0]} (a LongNode and the
   * double -2^63, which is exactly Long.MIN_VALUE: a {@code Set<Long>} binds both to the same long). JSON Schema 2020-12 says numbers are equal when mathematically equal, and the
   * generated validator (which binds both to the same Java value) rightly rejects.
   */
  static final Known UNIQUE_NUMBERS = new Known() {
    @Override
    public String id() {
      return "NETWORKNT-UNIQUE-NUMBERS";
    }

    @Override
    public boolean matches(Tool tool, Outcome o) {
      if (o.subject().accepted() || !o.oracle().valid() || !(o.subject() instanceof Tool.Rejected r)
          || r.violations().isEmpty()) {
        return false;
      }
      for (Violation v : r.violations()) {
        if (!v.rule().equals("uniqueItems") || !hasNumericDuplicate(at(o.arguments(), v.pointer()))) {
          return false;
        }
      }
      return true;
    }
  };

  /**
   * BUG TW-DOUBLE-RANGE (processor {@code SchemaGenerator.numericBounds}, runtime {@code Check.toDouble}):
   * a {@code double} argument's schema is {@code {"type":"number"}} with no range (a float gets
   * &plusmn;Float.MAX_VALUE), yet the generated validator rejects any number beyond the double range
   * ("must be a finite double"). With the SDK's parser such a number is already Infinity and networknt
   * rejects it too; with exact numbers (a mapper with USE_BIG_DECIMAL_FOR_FLOATS, or a BigInteger
   * literal of 309+ digits) {@code {"anyDouble":-1e400}} is valid by the schema and rejected by the
   * generated validator. Fix: emit the double range as the float range is emitted, and compare it
   * on the decimal value (as Check.toFloat does).
   */
  static final Known DOUBLE_RANGE = new Known() {
    @Override
    public String id() {
      return "TW-DOUBLE-RANGE";
    }

    @Override
    public boolean matches(Tool tool, Outcome o) {
      if (!(o.subject() instanceof Tool.Rejected r) || !o.oracle().valid() || r.violations().isEmpty()) {
        return false;
      }
      for (Violation v : r.violations()) {
        if (!v.message().startsWith("must be a finite double")) {
          return false;
        }
      }
      return true;
    }
  };

  static final List<Known> ALL = List.of(UNIQUE_NUMBERS, DOUBLE_RANGE);

  static Object at(Object tree, String pointer) {
    Object cur = tree;
    for (String t : Differential.tokens(pointer)) {
      cur = cur instanceof Map<?, ?> m ? m.get(t) : ((List<?>) cur).get(Integer.parseInt(t));
    }
    return cur;
  }

  /** The exact binary value of a double (the long a generated validator binds it to), else the decimal value. */
  private static BigDecimal exact(Number n) {
    return n instanceof Double d && Double.isFinite(d) ? new BigDecimal(d) : Check.bigDecimal(n);
  }

  /** Two items that are equal numbers (by value) but not equal JSON nodes (other number type or scale). */
  static boolean hasNumericDuplicate(Object array) {
    if (!(array instanceof List<?> l)) {
      return false;
    }
    for (int i = 0; i < l.size(); i++) {
      for (int j = i + 1; j < l.size(); j++) {
        if (l.get(i) instanceof Number a && l.get(j) instanceof Number b && !a.equals(b)
            && (Check.bigDecimal(a).compareTo(Check.bigDecimal(b)) == 0 || exact(a).compareTo(exact(b)) == 0)) {
          return true;
        }
      }
    }
    return false;
  }
}
