package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.ScalarKind;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.ToolModel;
import java.util.List;
import java.util.Set;

/**
 * Warnings a reviewer wants to see (a tool without description or scope, a String that names a
 * file or a URL without a guard); {@code -Atoolwarden.requireScopes=true} makes the missing
 * scope an error.
 */
public final class LintCheck implements ModelCheck {

  private static final Set<String> PATH_WORDS = Set.of("path", "file", "filename", "filepath", "dir",
      "directory", "folder");
  private static final Set<String> URL_WORDS = Set.of("url", "uri", "endpoint", "webhook", "href");

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (ToolModel t : model.tools()) {
      if (t.description() == null) {
        reporter.report(Rule.TOOL_DESCRIPTION, t.method(), t.name());
      }
      if (t.scopes().isEmpty()) {
        reporter.report(Rule.TOOL_SCOPE, t.method(), t.name());
      }
    }
    for (Field f : InputFields.of(model)) {
      if (!(ArgumentCheck.leaf(f.type()) instanceof JType.Scalar s) || s.kind() != ScalarKind.STRING
          || f.safePath() != null || f.safeUrl() != null) {
        continue;
      }
      List<String> words = NameWords.split(f.javaName());
      if (words.stream().anyMatch(PATH_WORDS::contains)) {
        reporter.report(Rule.PATH_STRING, f.element(), ModelReader.describe(f.element()));
      } else if (words.stream().anyMatch(URL_WORDS::contains)) {
        reporter.report(Rule.URL_STRING, f.element(), ModelReader.describe(f.element()));
      }
    }
  }
}
