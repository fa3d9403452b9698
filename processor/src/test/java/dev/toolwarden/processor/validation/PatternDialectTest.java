package dev.toolwarden.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.regex.ECMAScriptRegularExpressionFactory;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The regex dialects behind {@code pattern}: the generated validator runs the jakarta expression
 * with {@code Matcher.matches()}; the schema says {@code ^(?:…)$}, which networknt 3.0.6 evaluates
 * with java.util.regex {@code find()} after rewriting every unescaped {@code $} outside a class to
 * {@code \z} ({@code RegularExpressions.replaceDollarAnchors}) — so a value ending in a line
 * terminator is judged alike. A plain {@code find()} on {@code ^(?:…)$} would not be, and clients
 * evaluate ECMA-262: both are measured and printed here (node, when installed, stands in for ECMA-262).
 */
class PatternDialectTest {

  record Case(String schemaPattern, String value) {}

  /** Every pattern keyword of the corpus with witnesses and their line-terminator, space and unicode variants. */
  static List<Case> cases() {
    Set<String> patterns = new LinkedHashSet<>();
    for (Tool t : Corpus.get().tools) {
      collect(t.exactSchema(), patterns);
    }
    Random rnd = new Random(5);
    List<Case> out = new ArrayList<>();
    for (String p : patterns) {
      Set<String> values = new LinkedHashSet<>(Samples.witnesses(p, rnd));
      for (String w : List.copyOf(values)) {
        for (String suffix : List.of("\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", " ", "\u00a0")) {
          values.add(w + suffix);
          values.add(suffix + w);
        }
        values.add(w.replace(" ", "\u00a0"));
        values.add(w.replace("b", "\u0085"));
      }
      values.addAll(List.of("x\u00a0y", "x\u2003y", "a\u0085c", "a\u2028c", Samples.ASTRAL, "a" + Samples.ASTRAL + "c",
          "\u0660\u0661", "\u00e9", "e\u0301", "\uD835\uDC9C", " ", "\u00a0", "\u3000"));
      for (String v : values) {
        out.add(new Case(p, v));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, Set<String> out) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("pattern") instanceof String p) {
        out.add(p);
      }
      for (Object v : m.values()) {
        collect(v, out);
      }
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collect(v, out));
    }
  }

  /** What the generated validator does for a schema pattern: the jakarta expression, whole value. */
  static boolean generated(String schemaPattern, String value) {
    String inner = Samples.inner(schemaPattern);
    if (inner.equals(schemaPattern)) {
      // the not-blank pattern is emitted unanchored and checked by Check.isBlank: search semantics
      return Pattern.compile(schemaPattern).matcher(value).find();
    }
    return Pattern.compile(inner).matcher(value).matches();
  }

  @Test
  void networkntJudgesLineTerminatorsLikeMatcherMatches() {
    List<Case> cases = cases();
    int terminated = 0;
    int rawFindDiffers = 0;
    List<String> rawExamples = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      boolean gen = generated(c.schemaPattern(), c.value());
      boolean nn = JDKRegularExpressionFactory.getInstance().getRegularExpression(c.schemaPattern()).matches(c.value());
      boolean rawFind = Pattern.compile(c.schemaPattern()).matcher(c.value()).find();
      if (c.value().matches("(?s).*[\\n\\r\\u2028\\u2029\\u0085]")) {
        terminated++;
      }
      if (gen != nn) {
        failures.add(render(c) + ": generated " + gen + ", networknt " + nn);
      }
      if (rawFind != gen) {
        rawFindDiffers++;
        if (rawExamples.size() < 6) {
          rawExamples.add(render(c) + " (Matcher.matches " + gen + ", find on ^(?:..)$ " + rawFind + ")");
        }
      }
    }
    System.out.println("patterns: " + cases.size() + " (pattern, value) pairs, " + terminated
        + " values ending in a line terminator; generated vs networknt: " + failures.size() + " differences");
    System.out.println("a plain java.util.regex find() on ^(?:...)$ (no $ rewrite) would differ on " + rawFindDiffers
        + " of them, e.g. " + rawExamples);
    assertTrue(rawFindDiffers > 0, "the corpus must exercise the '$ before a final line terminator' case");
    assertEquals(List.of(), failures);
  }

  /** networknt 3.0.6 can use an ECMA-262 engine, but only with joni or GraalJS on the class path (neither is). */
  @Test
  void ecmaScriptEngineNeedsJoniOrGraalJs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        ECMAScriptRegularExpressionFactory::getInstance);
    System.out.println("networknt ECMAScriptRegularExpressionFactory: " + e.getMessage()
        + " (SchemaRegistryConfig.Builder.regularExpressionFactory(...) would select it; also"
        + " JoniRegularExpressionFactory / GraalJSRegularExpressionFactory)");
  }

  /**
   * Measures (and prints) where ECMA-262 — what clients evaluate — disagrees with the generated
   * validator on the corpus's patterns, with and without the {@code u} flag. Report only: these are
   * the dialect gaps the processor's portability check has to care about, not validator bugs.
   */
  @Test
  void ecmaScriptDifferencesAreReported() throws Exception {
    List<Case> cases = cases();
    String[] ecma = node(cases);
    if (ecma == null) {
      System.out.println("ECMA-262 comparison SKIPPED: node is not installed");
      return;
    }
    int differsU = 0;
    int differsNoU = 0;
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      boolean gen = generated(c.schemaPattern(), c.value());
      String[] r = ecma[i].split(",");
      boolean withU = r[0].equals("true");
      boolean withoutU = r[1].equals("true");
      if (withU != gen) {
        differsU++;
        if (examples.size() < 25) {
          examples.add(render(c) + " Java " + gen + ", ECMA(u) " + withU + ", ECMA " + r[1]);
        }
      }
      if (withoutU != gen) {
        differsNoU++;
      }
    }
    System.out.println("ECMA-262 (node " + nodeVersion() + ") vs generated validator on " + cases.size()
        + " (pattern, value) pairs: " + differsU + " differ with the u flag, " + differsNoU + " without it");
    examples.forEach(e -> System.out.println("  ECMA differs: " + e));
  }

  private static String render(Case c) {
    StringBuilder b = new StringBuilder();
    JsonText.quote(c.schemaPattern(), b);
    b.append(" ~ ");
    JsonText.quote(c.value(), b);
    return b.toString();
  }

  private static String nodeVersion;

  private static String nodeVersion() {
    return nodeVersion;
  }

  /** "withU,withoutU" per case, or null when node is missing. */
  private static String[] node(List<Case> cases) throws Exception {
    StringBuilder in = new StringBuilder("[");
    for (int i = 0; i < cases.size(); i++) {
      in.append(i == 0 ? "" : ",").append('[');
      JsonText.quote(cases.get(i).schemaPattern(), in);
      in.append(',');
      JsonText.quote(cases.get(i).value(), in);
      in.append(']');
    }
    in.append(']');
    String script = "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const out=[process.version];"
        + "for(const [p,v] of JSON.parse(s)){let a,b;try{a=new RegExp(p,'u').test(v)}catch(e){a='error'}"
        + "try{b=new RegExp(p).test(v)}catch(e){b='error'}out.push(a+','+b)}console.log(out.join('\\n'))})";
    Process p;
    try {
      p = new ProcessBuilder("node", "-e", script).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    try (OutputStream os = p.getOutputStream()) {
      os.write(in.toString().getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream is = p.getInputStream()) {
      is.transferTo(out);
    }
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      return null;
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    nodeVersion = lines[0];
    String[] results = new String[lines.length - 1];
    System.arraycopy(lines, 1, results, 0, results.length);
    assertEquals(cases.size(), results.length);
    return results;
  }
}
