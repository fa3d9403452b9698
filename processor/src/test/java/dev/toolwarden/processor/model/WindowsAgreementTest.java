package dev.toolwarden.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.internal.config.RateLimitWindows;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compile-time check of {@code @RateLimit(per = ...)} and the runtime's window grammar accept and
 * reject exactly the same strings, with the same value: over a corpus of edge cases (overflow,
 * bounds, near-misses) and seeded random strings. A failure prints the seed; rerun it with
 * {@code -Dtoolwarden.windows.seed=N}.
 */
class WindowsAgreementTest {

  private static final List<String> CORPUS = List.of(
      "1m", "30s", "250ms", "1h", "1d", "0s", "0ms", "00001s", "PT0.25S", "PT1H30M", "P1D", "P1DT12H", "PT0S",
      "PT0.001S", "PT0.0001S", "PT1.0005S", "PT1.500000000S", "365d", "366d", "P365D", "P366D", "PT8760H", "PT8761H",
      "PT525600M", "PT525601M", "PT31536000S", "PT31536000.001S", "31536000000ms", "31536000001ms", "8760h", "525600m",
      "31536000s", "99999999999999999999999d", "9223372036854775807ms", "9223372036854775808ms", "106751d", "106752d",
      "PT99999999999999999999H", "P99999999999999999999D", "", " ", "1", "m", "ms", "1 m", " 1m", "1m ", "1M", "1S",
      "1MS", "1Ms", "1.5s", "-1s", "+1s", "1ms2", "1min", "1sec", "pt30s", "Pt30S", "P", "PT", "P1DT", "PT-1S", "-PT1S",
      "PT0,25S", "P1Y", "P1W", "P1M", "PT1M1H", "PT.5S", "PT1.S", "P1DT1H1M1.5S", "P0D", "P0DT0H0M0.000S", "PT1D",
      "P1H", "1µs", "١m", "1m\n", "1d1h", "P1D1H", "PT1H1H");

  @Test
  void corpusAgrees() {
    for (String s : CORPUS) {
      assertEquals(RateLimitWindows.parseMillis(s), Windows.parseMillis(s), () -> "window '" + s + "'");
    }
    assertEquals(-1, Windows.parseMillis(null));
    assertEquals(RateLimitWindows.parseMillis(null), Windows.parseMillis(null));
  }

  @Test
  void corpusHoldsBothAcceptedAndRejectedWindows() {
    long accepted = CORPUS.stream().filter(s -> Windows.parseMillis(s) > 0).count();
    assertTrue(accepted >= 15 && accepted <= CORPUS.size() - 40, "accepted " + accepted + " of " + CORPUS.size());
  }

  @Test
  void randomStringsAgree() {
    long seed = Long.getLong("toolwarden.windows.seed", System.nanoTime());
    Random random = new Random(seed);
    String[] tokens = {"0", "1", "5", "9", "00", "365", "366", "8760", "99999999999999999999", "ms", "s", "m", "h", "d",
        "P", "T", "D", "H", "M", "S", ".", ",", "-", "+", " ", "5", "25", "001", "0001"};
    int accepted = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + random.nextInt(7);
      for (int i = 0; i < parts; i++) {
        b.append(tokens[random.nextInt(tokens.length)]);
      }
      String s = b.toString();
      long expected = RateLimitWindows.parseMillis(s);
      assertEquals(expected, Windows.parseMillis(s), () -> "window '" + s + "' (seed " + seed + ")");
      accepted += expected > 0 ? 1 : 0;
    }
    assertTrue(accepted > 1000, "the generator must reach valid windows too, got " + accepted + " (seed " + seed + ")");
  }

  @Test
  void wellFormedWindowsAroundTheBoundsAgree() {
    long seed = Long.getLong("toolwarden.windows.seed", System.nanoTime());
    Random random = new Random(seed);
    long[] max = {31_536_000_000L, 31_536_000L, 525_600L, 8_760L, 365L};
    String[] units = {"ms", "s", "m", "h", "d"};
    String[] iso = {"PT%dS", "PT%dS", "PT%dM", "PT%dH", "P%dD"};
    List<String> inputs = new ArrayList<>();
    for (int n = 0; n < 50_000; n++) {
      int u = random.nextInt(units.length);
      long value = switch (random.nextInt(4)) {
        case 0 -> max[u] + random.nextInt(3) - 1;          // at the bound, one below, one above
        case 1 -> random.nextInt(3);                        // zero and tiny
        case 2 -> Math.abs(random.nextLong());              // overflowing any unit
        default -> (long) (random.nextDouble() * max[u]);   // anywhere inside
      };
      inputs.add(value + units[u]);
      inputs.add(u == 0 ? "PT" + (value / 1000) + "." + String.format("%03d", value % 1000) + "S"
          : String.format(iso[u], value));
    }
    for (String s : inputs) {
      assertEquals(RateLimitWindows.parseMillis(s), Windows.parseMillis(s), () -> "window '" + s + "' (seed " + seed + ")");
    }
  }
}
