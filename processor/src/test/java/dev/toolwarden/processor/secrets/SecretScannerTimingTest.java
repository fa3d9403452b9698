package dev.toolwarden.processor.secrets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * No rule can be made to hang by an adversarial literal: every rule, on each of these 100 KB literals built to hit its
 * pre-filter as often as possible and to provoke backtracking, finishes within {@value #BOUND_MS} ms of CPU time. The
 * time asserted is the thread's CPU time (not wall time: a loaded 2-core machine stretches wall time by the waits for
 * a core, which has nothing to do with the rule), the best of {@value #MEASURED} warm runs (after {@value #WARMUP}
 * warm-up runs). Catastrophic backtracking on 100 KB grows to seconds or more, far beyond the bound; the rules' own
 * cost is a few milliseconds (printed).
 */
class SecretScannerTimingTest {
  private static final int SIZE = 100_000;
  private static final long BOUND_MS = 250;
  private static final int WARMUP = 5;
  private static final int MEASURED = 7;

  static Map<String, String> adversarialLiterals() {
    Random r = new Random(99);
    Map<String, String> m = new LinkedHashMap<>();
    m.put("AKIA repeated", fill("AKIA"));
    m.put("A3T + A-Z2-7 run", fill("A3T" + "ABCDEFGHIJKLMNOP2345"));
    m.put("eyJ + a. x50000", "eyJ" + "a.".repeat(50_000));
    m.put("eyJ repeated", fill("eyJ"));
    m.put("eyJa.eyJa. repeated", fill("eyJa."));
    m.put("one huge JWT-shaped run", "eyJ" + "A".repeat(49_000) + ".eyJ" + "B".repeat(49_000) + "." + "C".repeat(1_990));
    m.put("BEGIN PRIVATE KEY + no end", "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(SIZE - 28));
    m.put("BEGIN PRIVATE KEY + random body, no end", "-----BEGIN PRIVATE KEY-----\n"
        + JavaSources.random(r, SIZE - 28, JavaSources.ALNUM + "+/"));
    m.put("BEGIN header repeated", fill("-----BEGIN RSA PRIVATE KEY-----"));
    m.put("BEGIN header + body repeated", fill("-----BEGIN PRIVATE KEY-----\n"
        + JavaSources.random(r, 70, JavaSources.ALNUM + "+/") + "\n"));
    m.put("xoxb- + 1- x50000", "xoxb-" + "1-".repeat(50_000));
    m.put("xoxb- repeated", fill("xoxb-"));
    m.put("sk- + marker repeated", "sk-" + fill("T3Blbk" + "FJ"));
    m.put("sk-ant- repeated", fill("sk-ant-api03-"));
    m.put("sk_live_ repeated", fill("sk_live_"));
    m.put("github_pat_ + word run", "github_pat_" + "a_".repeat(50_000));
    m.put("Q~ repeated", fill("Q~"));
    m.put("1234Q~ + run", fill("abc1Q~" + "x".repeat(40)));
    m.put("SG. repeated", fill("SG."));
    m.put("SK + hex run", "SK" + "a".repeat(SIZE));
    m.put("AIza repeated", fill("AIza"));
    m.put("hooks.slack.com/services/T repeated", fill("hooks.slack.com/services/T"));
    m.put(":// repeated", fill("://"));
    m.put("postgres://u: + no @", "postgres://u:" + "p".repeat(SIZE));
    m.put("postgres://u:p@ repeated", fill("postgres://u:p@"));
    m.put("password= repeated", fill("password="));
    m.put("a= repeated", fill("a="));
    m.put("apiToken= + long value", "apiToken=" + "x1".repeat(SIZE / 2));
    m.put("apiToken: \" repeated", fill("apiToken: \""));
    m.put("single char", "A".repeat(SIZE));
    m.put("random base64", JavaSources.random(r, SIZE, JavaSources.ALNUM + "+/="));
    m.put("random printable", JavaSources.random(r, SIZE, JavaSources.ALNUM + "!#$%&'()*+,-./:;<=>?@[]^_{|}~ "));
    return m;
  }

  private static String fill(String unit) {
    StringBuilder sb = new StringBuilder(SIZE + unit.length());
    while (sb.length() < SIZE) {
      sb.append(unit);
    }
    return sb.substring(0, SIZE);
  }

  @Test
  void everyRuleFinishesQuicklyOnEveryAdversarialLiteral() {
    Map<String, String> literals = adversarialLiterals();
    List<String> slow = new ArrayList<>();
    double worst = 0;
    String worstCase = "";
    for (SecretRule rule : SecretRules.all()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", rule.id()));
      double ruleMax = 0;
      String ruleWorst = "";
      List<Double> medians = new ArrayList<>();
      for (Map.Entry<String, String> e : literals.entrySet()) {
        for (String context : new String[] {null, "apiToken"}) {
          double[] t = millis(rule, e.getValue(), context);
          double ms = t[0];
          medians.add(t[1]);
          if (ms > ruleMax) {
            ruleMax = ms;
            ruleWorst = e.getKey();
          }
          if (ms > worst) {
            worst = ms;
            worstCase = rule.id() + " on '" + e.getKey() + "' (context " + context + ")";
          }
          if (ms > BOUND_MS) {
            slow.add(String.format(Locale.ROOT, "%s on '%s' (context %s): %.2f ms", rule.id(), e.getKey(), context,
                ms));
          }
        }
      }
      line.append(String.format(Locale.ROOT, " worst best-of-%d %.3f ms (on '%s'), worst median %.3f ms, over %d"
          + " literals x 2 contexts", MEASURED, ruleMax, ruleWorst,
          medians.stream().mapToDouble(Double::doubleValue).max().orElse(0), literals.size()));
      System.out.println(line);
    }
    System.out.printf(Locale.ROOT, "worst best-of-%d: %.3f ms, %s%n", MEASURED, worst, worstCase);
    assertTrue(slow.isEmpty(), "rules slower than " + BOUND_MS + " ms: " + slow);
  }

  @Test
  void wholeScannerFinishesQuicklyOnEveryAdversarialLiteral() {
    List<String> slow = new ArrayList<>();
    for (Map.Entry<String, String> e : adversarialLiterals().entrySet()) {
      double[] times = new double[MEASURED];
      for (int i = 0; i < WARMUP + MEASURED; i++) {
        long t = cpuNanos();
        SecretScanner.scan(e.getValue(), "apiToken");
        if (i >= WARMUP) {
          times[i - WARMUP] = (cpuNanos() - t) / 1e6;
        }
      }
      Arrays.sort(times);
      double best = times[0];
      System.out.printf(Locale.ROOT, "all rules on %-42s best %.3f ms, median %.3f ms%n", "'" + e.getKey() + "':",
          best, times[MEASURED / 2]);
      if (best > BOUND_MS * 4) {
        slow.add(e.getKey() + ": " + best + " ms");
      }
    }
    assertTrue(slow.isEmpty(), "whole scan slower than " + (BOUND_MS * 4) + " ms: " + slow);
  }

  /** Best and median of the measured runs, in milliseconds of this thread's CPU time. */
  private static double[] millis(SecretRule rule, String text, String context) {
    double[] times = new double[MEASURED];
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      List<SecretFinding> out = new ArrayList<>();
      long t = cpuNanos();
      if (rule.mightMatch(text, context)) {
        rule.find(text, context, out);
      }
      if (i >= WARMUP) {
        times[i - WARMUP] = (cpuNanos() - t) / 1e6;
      }
    }
    Arrays.sort(times);
    return new double[] {times[0], times[MEASURED / 2]};
  }

  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
