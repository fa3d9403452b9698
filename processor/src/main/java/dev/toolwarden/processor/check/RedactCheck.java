package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.ToolModel;
import java.util.List;

/**
 * {@code @Redact}: a redacted argument cannot carry a default (the default would be published in
 * the schema every client reads), and {@code keepLast} cannot be negative. {@code @Redact} on a
 * non-text output value is fine: it is masked to a string.
 */
public final class RedactCheck implements ModelCheck {

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (Operation o : model.inputs()) {
      fields(o.parameters(), reporter);
    }
    for (ToolModel t : model.tools()) {
      if (t.returnRedacted() && t.returnKeepLast() < 0) {
        reporter.report(Rule.REDACT_KEEP_LAST, t.method(), "the return value of " + t.name(), t.returnKeepLast());
      }
    }
    for (RecordModel r : model.records().values()) {
      fields(r.components(), reporter);
    }
  }

  private static void fields(List<Field> fields, Reporter reporter) {
    for (Field f : fields) {
      if (!f.redacted()) {
        continue;
      }
      if (f.defaultJson() != null) {
        reporter.report(Rule.REDACT_DEFAULT, f.element(), ModelReader.describe(f.element()));
      }
      if (f.keepLast() < 0) {
        reporter.report(Rule.REDACT_KEEP_LAST, f.element(), ModelReader.describe(f.element()), f.keepLast());
      }
    }
  }
}
