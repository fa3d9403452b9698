package dev.toolwarden.processor.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.processor.secrets.GeneratedSecrets.Case;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recall: every generated made-up credential (at least 3 distinct values per rule) is found by the tree scanner in
 * every syntactic position a literal can take, with the right rule id, at the right line, and nothing else is
 * reported.
 */
class SecretRecallTest {

  static Stream<Case> cases() {
    return GeneratedSecrets.all().stream();
  }

  @Test
  void corpusHasAtLeastThreeDistinctValuesForEveryRule() {
    Map<String, Set<String>> valuesByRule = new TreeMap<>();
    for (Case c : GeneratedSecrets.all()) {
      valuesByRule.computeIfAbsent(c.ruleId(), k -> new TreeSet<>()).add(c.value());
    }
    for (SecretRule rule : SecretRules.all()) {
      Set<String> values = valuesByRule.getOrDefault(rule.id(), Set.of());
      assertTrue(values.size() >= 3, rule.id() + " has only " + values.size() + " distinct generated values");
    }
    assertEquals(SecretRules.all().stream().map(SecretRule::id).collect(Collectors.toSet()), valuesByRule.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scannerFindsTheValueAloneWithItsRuleAndMasksIt(Case c) {
    List<SecretFinding> found = SecretScanner.scan(c.value(), c.name());
    assertEquals(List.of(c.ruleId()), found.stream().map(SecretFinding::ruleId).toList(), c.toString());
    SecretFinding f = found.get(0);
    assertFalse(f.masked().contains(c.value()), "masked rendering contains the value");
    assertTrue(f.masked().endsWith("…(" + f.length() + " chars)"), f.masked());
    int revealed = f.masked().indexOf('…');
    assertTrue(revealed <= SecretFinding.MAX_REVEALED, f.masked());
    assertTrue(f.start() >= 0 && f.end() <= c.value().length());
  }

  /** The syntactic positions of the generated source, each with the line its literal starts on. */
  static final List<String> POSITIONS = List.of(
      "field initialiser", "static initialiser", "instance initialiser", "constructor body", "local variable",
      "method argument (map key)", "setter argument", "return statement", "lambda body", "annotation value",
      "enum constant argument", "nested class", "local class", "anonymous class", "text block",
      "constant concatenation");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void treeScannerFindsTheValueInEverySyntacticPositionAtTheRightLine(Case c) {
    Generated g = generate(c.value(), c.name());
    JavaSources.Parsed parsed = JavaSources.parse("gen/Gen.java", g.source);
    assertEquals(List.of(), parsed.errors(), "generated source does not parse:\n" + g.source);

    List<SourceSecretFinding> findings = parsed.scan();
    Map<Long, List<String>> rulesByLine = new TreeMap<>();
    for (SourceSecretFinding f : findings) {
      rulesByLine.computeIfAbsent(f.line(), k -> new ArrayList<>()).add(f.ruleId());
      assertFalse(f.message().contains(c.value()), "diagnostic message contains the value");
    }
    Map<Long, List<String>> expected = new TreeMap<>();
    for (Map.Entry<String, Integer> e : g.lineByPosition.entrySet()) {
      expected.put((long) e.getValue(), List.of(c.ruleId()));
    }
    assertEquals(POSITIONS.size(), g.lineByPosition.size());
    assertEquals(expected, rulesByLine, () -> c + ": expected one finding per position "
        + g.lineByPosition + ", got " + findings);
  }

  private record Generated(String source, Map<String, Integer> lineByPosition) {}

  /** Generates a Java source that gives {@code value} to {@code name} in every position of {@link #POSITIONS}. */
  private static Generated generate(String value, String name) {
    String lit = JavaSources.literal(value);
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    String constant = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    Map<String, Integer> lines = new LinkedHashMap<>();
    List<String> src = new ArrayList<>();
    src.add("package gen;");
    src.add("import java.util.Map;");
    src.add("import java.util.function.Supplier;");
    src.add("@interface Cred { String " + name + "(); }");
    src.add("interface Config { void set" + cap + "(String v); }");
    src.add("public class Gen {");
    mark(lines, "field initialiser", src, "  static final String " + name + " = " + lit + ";");
    src.add("  static String " + name + "Static;");
    src.add("  static {");
    mark(lines, "static initialiser", src, "    " + name + "Static = " + lit + ";");
    src.add("  }");
    src.add("  String " + name + "Instance;");
    src.add("  {");
    mark(lines, "instance initialiser", src, "    " + name + "Instance = " + lit + ";");
    src.add("  }");
    src.add("  Gen() {");
    mark(lines, "constructor body", src, "    String " + name + " = " + lit + ";");
    src.add("  }");
    src.add("  void locals(Map<String, String> props, Config config) {");
    mark(lines, "local variable", src, "    String " + name + " = " + lit + ";");
    mark(lines, "method argument (map key)", src, "    props.put(\"" + name + "\", " + lit + ");");
    mark(lines, "setter argument", src, "    config.set" + cap + "(" + lit + ");");
    src.add("  }");
    src.add("  String get" + cap + "() {");
    mark(lines, "return statement", src, "    return " + lit + ";");
    src.add("  }");
    src.add("  void lambda() {");
    mark(lines, "lambda body", src, "    Supplier<String> " + name + " = () -> " + lit + ";");
    src.add("  }");
    mark(lines, "annotation value", src, "  @Cred(" + name + " = " + lit + ")");
    src.add("  void annotated() {}");
    src.add("  enum Creds {");
    mark(lines, "enum constant argument", src, "    " + constant + "(" + lit + ");");
    src.add("    Creds(String v) {}");
    src.add("  }");
    src.add("  static class Nested {");
    mark(lines, "nested class", src, "    String " + name + " = " + lit + ";");
    src.add("  }");
    src.add("  void local() {");
    src.add("    class Local {");
    mark(lines, "local class", src, "      String " + name + " = " + lit + ";");
    src.add("    }");
    src.add("  }");
    src.add("  Runnable anonymous = new Runnable() {");
    src.add("    public void run() {");
    mark(lines, "anonymous class", src, "      String " + name + " = " + lit + ";");
    src.add("    }");
    src.add("  };");
    src.add("  void textBlock() {");
    mark(lines, "text block", src, "    String " + name + " = \"\"\"");
    for (String line : value.split("\n", -1)) {
      src.add("        " + line.replace("\\", "\\\\"));
    }
    src.add("        \"\"\";");
    src.add("  }");
    int cut = value.length() / 2;
    src.add("  void concatenation() {");
    mark(lines, "constant concatenation", src, "    String " + name + " = " + JavaSources.literal(value.substring(0, cut))
        + " +");
    src.add("        " + JavaSources.literal(value.substring(cut)) + ";");
    src.add("  }");
    src.add("}");
    return new Generated(String.join("\n", src) + "\n", lines);
  }

  private static void mark(Map<String, Integer> lines, String position, List<String> src, String line) {
    src.add(line);
    lines.put(position, src.size()); // 1-based line number of the line just added
  }
}
