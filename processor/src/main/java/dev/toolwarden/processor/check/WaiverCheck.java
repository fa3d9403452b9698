package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Every {@code @Waive} names a waivable rule and gives a reason; otherwise it silences nothing. */
public final class WaiverCheck {

  private WaiverCheck() {}

  public static void check(Element element, Reporter reporter) {
    for (AnnotationMirror w : Reporter.waivers(element)) {
      String ruleId = Reporter.attribute(w, "rule");
      String reason = Reporter.attribute(w, "reason");
      Rule rule = ruleId == null ? null : Rule.byId(ruleId);
      if (rule == null || !rule.waivable()) {
        reporter.report(Rule.WAIVER_INVALID, element, w, ruleId,
            rule == null ? "names no rule" : "names a rule that cannot be waived", waivable());
      } else if (reason == null || reason.isBlank()) {
        reporter.report(Rule.WAIVER_INVALID, element, w, ruleId, "has no reason", waivable());
      }
    }
  }

  private static String waivable() {
    List<String> ids = new ArrayList<>();
    for (Rule r : Rule.values()) {
      if (r.waivable()) {
        ids.add(r.id());
      }
    }
    return String.join(", ", ids);
  }
}
