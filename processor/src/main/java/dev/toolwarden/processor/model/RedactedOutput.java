package dev.toolwarden.processor.model;

import java.util.List;
import java.util.Map;

/**
 * Collects the pointers of {@code @Redact} record components in a tool's result, through lists
 * and maps ({@code /*}); a record already on the way is not entered again, so recursive records end.
 */
final class RedactedOutput {

  private RedactedOutput() {}

  static void collect(JType t, String pointer, Map<String, RecordModel> records, List<String> redacted,
      List<RecordModel> onTheWay) {
    if (t instanceof JType.OptionalType o) {
      collect(o.value(), pointer, records, redacted, onTheWay);
    } else if (t instanceof JType.ArrayType a) {
      collect(a.element(), pointer + "/*", records, redacted, onTheWay);
    } else if (t instanceof JType.MapType m) {
      collect(m.value(), pointer + "/*", records, redacted, onTheWay);
    } else if (t instanceof JType.RecordType r) {
      RecordModel record = Records.find(records, r);
      if (onTheWay.contains(record)) {
        return;
      }
      onTheWay.add(record);
      for (Field c : record.components()) {
        String p = JsonPointer.child(pointer, c.jsonName());
        if (c.redacted()) {
          redacted.add(p);
        } else {
          collect(c.type(), p, records, redacted, onTheWay);
        }
      }
      onTheWay.remove(record);
    }
  }
}
