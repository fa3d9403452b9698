package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ScalarKind;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.Set;

/**
 * The records named by {@code @Elicits} must be forms MCP elicitation can show: flat objects of primitive fields
 * (strings, numbers, booleans, enums, lists of enums — "only top-level properties are allowed, without nesting"), no
 * path or URL guards (a form answer is not a file or an egress), and no field named like a credential ("servers
 * MUST NOT use form mode elicitation to request sensitive information").
 */
public final class FormCheck implements ModelCheck {

  private static final Set<ScalarKind> FORM_SCALARS = Set.of(ScalarKind.BOOLEAN, ScalarKind.BYTE, ScalarKind.SHORT,
      ScalarKind.INT, ScalarKind.LONG, ScalarKind.FLOAT, ScalarKind.DOUBLE, ScalarKind.STRING);

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (RecordModel form : model.forms()) {
      String name = form.element().getQualifiedName().toString();
      for (Field c : form.components()) {
        if (!fits(c.type()) || c.safePath() != null || c.safeUrl() != null) {
          reporter.report(Rule.ELICIT_FIELD, c.element(), ModelReader.describe(c.element()), name,
              c.type().javaType());
        } else if (InputFields.carriesText(c.type()) && (TokenPassthroughCheck.credentialWord(c.javaName()) != null
            || TokenPassthroughCheck.credentialWord(c.jsonName()) != null)) {
          reporter.report(Rule.ELICIT_SECRET, c.element(), ModelReader.describe(c.element()), name);
        }
      }
    }
  }

  private static boolean fits(JType t) {
    if (t instanceof JType.OptionalType o) {
      return fits(o.value());
    }
    if (t instanceof JType.Scalar s) {
      return FORM_SCALARS.contains(s.kind());
    }
    if (t instanceof JType.EnumType) {
      return true;
    }
    // a multi-select: a list or set of enum constants
    return t instanceof JType.ArrayType a && a.element() instanceof JType.EnumType && !a.elementNullable();
  }
}
