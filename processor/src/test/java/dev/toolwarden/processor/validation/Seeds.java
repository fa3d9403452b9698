package dev.toolwarden.processor.validation;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The cases of a seeded property test: {@code count} case seeds derived from a fixed base seed, so
 * every run checks the same inputs, and a failure names the one seed that reproduces it.
 *
 * <p>Re-running: {@code -Dtoolwarden.seed=S} replaces the cases of every seeded property by the
 * single case seed {@code S} (as printed on a failure); {@code -Dtoolwarden.baseSeed=B} explores a
 * new set of {@code count} cases derived from {@code B} instead of each property's own base seed.
 */
final class Seeds {

  /** The system property that replays one case seed. */
  static final String REPLAY = "toolwarden.seed";
  /** The system property that replaces every property's base seed. */
  static final String BASE = "toolwarden.baseSeed";

  private Seeds() {}

  /** One case of a property: all of its inputs derive from {@code value}. */
  record Seed(long value) {
    /** A fresh generator for this case. */
    Gen gen() {
      return new Gen(new Random(value));
    }

    @Override
    public String toString() {
      return "seed=" + value;
    }
  }

  /** The case seeds of one property (or only the replayed one). */
  static Stream<Seed> of(long base, int count) {
    Long replay = longProperty(REPLAY);
    if (replay != null) {
      return Stream.of(new Seed(replay));
    }
    Long override = longProperty(BASE);
    SplittableRandom r = new SplittableRandom(override != null ? override : base);
    return IntStream.range(0, count).mapToObj(i -> new Seed(r.nextLong()));
  }

  /**
   * Cases over a fixed list of items (the corpus tools): item {@code i % size} with case seed
   * {@code i}, so every item is checked about {@code count / size} times. A replayed seed is run
   * against every item, the failing one included.
   */
  static <T> Stream<Arguments> roundRobin(List<T> items, long base, int count) {
    if (longProperty(REPLAY) != null) {
      Seed only = of(base, 1).findFirst().orElseThrow();
      return items.stream().map(t -> Arguments.of(t, only));
    }
    List<Seed> seeds = of(base, count).toList();
    return IntStream.range(0, count).mapToObj(i -> Arguments.of(items.get(i % items.size()), seeds.get(i)));
  }

  private static Long longProperty(String name) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + name + " takes a long (a seed as printed on a failure), got '"
          + v + "'", e);
    }
  }
}
