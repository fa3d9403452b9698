package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Annotations;
import dev.toolwarden.processor.model.Names;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.Windows;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** Scope tokens are RFC 6749 scope tokens; rate limits have positive permits and a parsable window. */
public final class PolicyCheck implements ModelCheck {

  private final Annotations annotations;

  public PolicyCheck(Annotations annotations) {
    this.annotations = annotations;
  }

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    scopes(model.element(), reporter);
    rateLimit(model.element(), reporter);
    for (Operation t : model.operations()) {
      scopes(t.method(), reporter);
      rateLimit(t.method(), reporter);
    }
  }

  private void scopes(Element e, Reporter reporter) {
    AnnotationMirror a = Annotations.find(e, Names.REQUIRES_SCOPE);
    if (a == null) {
      return;
    }
    for (String scope : annotations.strings(a, "value")) {
      if (!isScopeToken(scope)) {
        reporter.report(Rule.SCOPE_INVALID, e, a, Annotations.explicitValue(a, "value"), scope);
      }
    }
  }

  /** RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
  static boolean isScopeToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private void rateLimit(Element e, Reporter reporter) {
    AnnotationMirror a = Annotations.find(e, Names.RATE_LIMIT);
    if (a == null) {
      return;
    }
    long permits = annotations.number(a, "permits");
    if (permits <= 0) {
      AnnotationValue v = Annotations.explicitValue(a, "permits");
      reporter.report(Rule.RATE_LIMIT_INVALID, e, a, v, "permits must be positive, not " + permits);
    }
    String per = annotations.string(a, "per");
    if (Windows.parseMillis(per) <= 0) {
      reporter.report(Rule.RATE_LIMIT_INVALID, e, a, Annotations.explicitValue(a, "per"),
          "window \"" + per + "\" is not a valid window: use " + Windows.ACCEPTED);
    }
  }
}
