package dev.toolwarden.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import dev.toolwarden.processor.validation.Differential.Outcome;
import dev.toolwarden.processor.validation.JsonText.Num;
import dev.toolwarden.processor.validation.Seeds.Seed;
import dev.toolwarden.processor.validation.Tool.Rejected;
import dev.toolwarden.runtime.spi.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of generated validators, over the differential corpus: every violation is reported
 * with its own pointer, @Redact values never reach a message, accepted inputs bind to exactly the
 * values sent, and numbers are strict.
 *
 * <p>Each property runs over a fixed number of seeded cases ({@link Seeds}): a failure names its
 * case seed, and {@code -Dtoolwarden.seed=S} replays it.
 */
@ExtendWith(SeedReporter.class)
class ValidatorProperties {

  private static final Map<String, Integer> IMPRECISE = new TreeMap<>();
  private static final List<String> IMPRECISE_EXAMPLES = new ArrayList<>();
  private static int bound;

  static Stream<Arguments> violationCases() {
    return Seeds.roundRobin(Corpus.get().tools, 7, 400);
  }

  // ---- every violation ------------------------------------------------------------------------

  /**
   * An input with k independent violations (k leaves of a valid instance, anywhere in the tree, each
   * given a value of a wrong JSON type) is rejected with a violation at each of the k pointers, and
   * networknt locates its errors at the same pointers.
   */
  @ParameterizedTest(name = "{arguments}")
  @MethodSource("violationCases")
  void everyViolationIsReported(Tool tool, Seed seed) {
    Gen g = seed.gen();
    int k = g.intBetween(1, 8);
    Inputs gen = new Inputs(tool.exactSchema(), g.anyLong());
    Map<String, Object> input = gen.validArguments();
    List<Inputs.Node> leaves = new ArrayList<>();
    gen.walk(tool.exactSchema(), input, List.of(), n -> {
      if (!n.path().isEmpty() && (n.value() instanceof String || n.value() instanceof Num || n.value() instanceof Boolean)) {
        leaves.add(n);
      }
    });
    Random rnd = g.random();
    Set<String> corrupted = new LinkedHashSet<>();
    Map<String, Object> bad = input;
    for (int i = 0; i < k && !leaves.isEmpty(); i++) {
      Inputs.Node n = leaves.remove(rnd.nextInt(leaves.size()));
      Object wrong = n.value() instanceof String ? new Num("5") : n.value() instanceof Num ? "5" : "true";
      bad = replace(bad, n.path(), wrong);
      corrupted.add(pointer(n.path()));
    }
    if (corrupted.isEmpty()) {
      return;
    }
    Outcome o = Differential.evaluate(tool, JsonText.write(bad));
    assertFalse(o.subject().accepted(), () -> "accepted with " + corrupted.size() + " violations\n" + o.describe(tool));
    assertFalse(o.oracleAccepts(), () -> o.describe(tool));
    List<Violation> vs = ((Rejected) o.subject()).violations();
    Set<String> pointers = new LinkedHashSet<>();
    vs.forEach(v -> pointers.add(v.pointer()));
    assertTrue(pointers.containsAll(corrupted), () -> "violations " + pointers + " miss some of " + corrupted + "\n"
        + o.describe(tool));
    assertTrue(vs.size() >= corrupted.size(), () -> o.describe(tool));
    Set<String> oraclePointers = new LinkedHashSet<>();
    for (Error e : o.oracle().errors()) {
      oraclePointers.add(Differential.pointer(e));
    }
    // networknt reports a failed anyOf (a nullable record) at the record, not inside it
    for (String c : corrupted) {
      assertTrue(oraclePointers.stream().anyMatch(p -> c.equals(p) || c.startsWith(p + "/")),
          () -> "networknt locates " + oraclePointers + ", we corrupted " + corrupted + "\n" + o.describe(tool));
    }
  }

  static Stream<Seed> missingArgumentCases() {
    return Seeds.of(8, 100);
  }

  /** Missing required arguments: one violation each, naming the argument. */
  @ParameterizedTest(name = "{arguments}")
  @MethodSource("missingArgumentCases")
  void everyMissingArgumentIsReported(Seed seed) {
    Gen g = seed.gen();
    int k = g.intBetween(1, 12);
    Tool tool = Corpus.get().tool("wide");
    Map<String, Object> input = new Inputs(tool.exactSchema(), g.anyLong()).validArguments();
    List<String> keys = new ArrayList<>(input.keySet());
    java.util.Collections.shuffle(keys, g.random());
    List<String> removed = keys.subList(0, Math.min(k, keys.size()));
    removed.forEach(input::remove);
    Outcome o = Differential.evaluate(tool, JsonText.write(input));
    assertFalse(o.subject().accepted());
    List<Violation> vs = ((Rejected) o.subject()).violations();
    for (String r : removed) {
      assertEquals(1, vs.stream().filter(v -> v.rule().equals("required") && v.message().contains("'" + r + "'"))
          .count(), () -> "no single 'required' violation for " + r + ": " + vs);
    }
  }

  // ---- @Redact --------------------------------------------------------------------------------

  /** A secret that is never a substring of a message's fixed text: mixed case, digits, an unusual character. */
  private static String secret(Gen g) {
    return g.chars('a', 'z', 4) + g.chars('A', 'Z', 3) + g.intBetween(100, 999)
        + g.pick(List.of("", "\u00e9", "\n", "\"", "~/", Samples.ASTRAL)) + "Qx";
  }

  static Stream<Seed> redactCases() {
    return Seeds.of(9, 300);
  }

  /**
   * A value of a {@code @Redact} argument, list element, map value or record component never
   * appears in a violation (pointer or message), whatever rule it breaks; an unredacted value in the
   * same input does appear (so the check is not vacuous).
   */
  @ParameterizedTest(name = "{arguments}")
  @MethodSource("redactCases")
  void redactedValuesNeverAppearInViolations(Seed seed) {
    Gen g = seed.gen();
    String secret = secret(g);
    int secretNumber = g.intBetween(100_000, 999_999_999);
    int mask = g.intBetween(1, 63);
    Tool tool = Corpus.get().tool("redacted");
    Map<String, Object> input = redactBase();
    if ((mask & 1) != 0) {
      input.put("voucher", secret);
    }
    if ((mask & 2) != 0) {
      input.put("age", Num.of(secretNumber));
    }
    if ((mask & 4) != 0) {
      input.put("hints", List.of("ok", secret));
    }
    if ((mask & 8) != 0) {
      input.put("scores", new LinkedHashMap<>(Map.of("k", secret)));
    }
    if ((mask & 16) != 0) {
      input.put("account", new LinkedHashMap<>(Map.of("owner", "bob", "pin", secret)));
    }
    if ((mask & 32) != 0) {
      input.put("age", secret);
    }
    String visible = "VISIBLEowner";
    input.put("visible", Num.of(secretNumber + 1L)); // a wrong type: its message shows the value
    input.put("account", withOwner(input.get("account"), visible + "-too-long-for-eight"));
    Outcome o = Differential.evaluate(tool, JsonText.write(input));
    List<Violation> vs = ((Rejected) o.subject()).violations();
    for (Violation v : vs) {
      String text = v.toString();
      assertFalse(text.contains(secret) || text.contains(Integer.toString(secretNumber)) || containsRendered(text, secret),
          () -> "a redacted value leaks: " + v + "\n" + o.describe(tool));
    }
    assertTrue(vs.stream().anyMatch(v -> v.message().contains(Long.toString(secretNumber + 1L))),
        () -> "the unredacted value should be shown: " + vs);
    assertTrue(vs.stream().anyMatch(v -> v.message().contains(visible)), () -> "the unredacted owner: " + vs);
  }

  /** The secret as Violations renders it (control characters escaped), or its visible prefix. */
  private static boolean containsRendered(String text, String secret) {
    String prefix = secret.substring(0, 7);
    return text.contains(prefix);
  }

  private static Map<String, Object> redactBase() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("voucher", "ABC123");
    m.put("age", Num.of(42));
    m.put("hints", List.of("a"));
    m.put("scores", new LinkedHashMap<>(Map.of("x", Num.of(1))));
    m.put("account", new LinkedHashMap<>(Map.of("owner", "bob", "pin", "1234")));
    m.put("card", new LinkedHashMap<>(Map.of("number", "1234567812345678", "holder", "BOB")));
    m.put("visible", "v");
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withOwner(Object account, String owner) {
    Map<String, Object> a = new LinkedHashMap<>((Map<String, Object>) account);
    a.put("owner", owner);
    return a;
  }

  /**
   * {@code @Redact Card card} (a record-typed argument): violations inside the record, and a wrong
   * type for the record itself, never print the values.
   */
  @Test
  void redactedRecordArgumentNeverLeaks() {
    Tool tool = Corpus.get().tool("redacted");
    List<String> leaks = new ArrayList<>();
    for (Object card : List.of(new LinkedHashMap<>(Map.of("number", "SECRET-CARD-42", "holder", "BOB")),
        "SECRET-CARD-43")) {
      Map<String, Object> input = redactBase();
      input.put("card", card);
      Outcome o = Differential.evaluate(tool, JsonText.write(input));
      for (Violation v : ((Rejected) o.subject()).violations()) {
        if (v.message().contains("SECRET-CARD")) {
          leaks.add("input " + JsonText.write(Map.of("card", card)) + " -> " + v);
        }
      }
    }
    assertTrue(leaks.isEmpty(), () -> "redacted record values leaked: " + leaks);
  }

  // ---- binding --------------------------------------------------------------------------------

  static Stream<Arguments> bindingCases() {
    return Seeds.roundRobin(Corpus.get().tools, 10, 600);
  }

  /**
   * Whatever both validators accept reaches the tool method as exactly the values sent: scalars,
   * formats, enums, containers, nested and recursive records, absent optionals and defaults.
   */
  @ParameterizedTest(name = "{arguments}")
  @MethodSource("bindingCases")
  void validInputsBindToTheValuesSent(Tool tool, Seed seed) {
    Gen g = seed.gen();
    boolean mutate = g.bool();
    Inputs gen = new Inputs(tool.exactSchema(), g.anyLong());
    Map<String, Object> input = gen.validArguments();
    List<Map<String, Object>> ms = mutate ? gen.singleMutations(input, 1) : List.of();
    if (!ms.isEmpty()) {
      input = g.pick(ms);
    }
    String json = JsonText.write(input);
    Corpus.get().takeCaptured();
    Outcome o = Differential.evaluate(tool, json);
    if (!o.subject().accepted() || !o.oracleAccepts()) {
      return;
    }
    Object[] received = Corpus.get().takeCaptured();
    Binding b = new Binding();
    b.check(tool, json, received);
    assertTrue(b.mismatches.isEmpty(), () -> b.mismatches + "\ninput: " + json);
    synchronized (IMPRECISE) {
      bound++;
      for (String s : b.imprecise) {
        IMPRECISE.merge(tool.toString(), 1, Integer::sum);
        if (IMPRECISE_EXAMPLES.size() < 8) {
          IMPRECISE_EXAMPLES.add(s);
        }
      }
    }
  }

  @AfterAll
  static void reportImprecise() {
    System.out.println("binding: " + bound + " accepted inputs checked; numbers the SDK's parser could not carry"
        + " exactly (a double for a fraction/exponent number): " + IMPRECISE + "\n  e.g. " + IMPRECISE_EXAMPLES);
  }

  // ---- numbers are strict -----------------------------------------------------------------------

  /** The integral arguments of scalars_boxed with their Java range. */
  private static final Map<String, BigInteger[]> INTEGRAL = Map.of(
      "b", range(Byte.MIN_VALUE, Byte.MAX_VALUE), "s", range(Short.MIN_VALUE, Short.MAX_VALUE),
      "i", range(Integer.MIN_VALUE, Integer.MAX_VALUE), "l", range(Long.MIN_VALUE, Long.MAX_VALUE),
      "big", new BigInteger[] {null, null});

  private static BigInteger[] range(long min, long max) {
    return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
  }

  private static Map<String, Object> boxedBase() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flag", true);
    m.put("b", Num.of(1));
    m.put("s", Num.of(1));
    m.put("i", Num.of(1));
    m.put("l", Num.of(1));
    m.put("f", Num.of(1));
    m.put("d", Num.of(1));
    m.put("big", Num.of(1));
    m.put("dec", Num.of(1));
    m.put("text", "t");
    return m;
  }

  /** Text that looks like a number: an int, a double, or a near-number spelling. */
  private static String numericString(Gen g) {
    return switch (g.intBetween(0, 2)) {
      case 0 -> Integer.toString(g.intBetween(Integer.MIN_VALUE, Integer.MAX_VALUE));
      case 1 -> Double.toString(g.anyDouble());
      default -> g.pick(List.of("", " 5", "5 ", "+5", "0x10", "1e2", "1_000", "NaN", "Infinity", "-0", "\u0665"));
    };
  }

  private static final List<String> NUMERIC_ARGUMENTS = List.of("b", "s", "i", "l", "f", "d", "big", "dec");
  private static final List<String> INTEGRAL_ARGUMENTS = List.of("b", "s", "i", "l", "big");

  static Stream<Seed> stringCases() {
    return Seeds.of(11, 200);
  }

  /** No string is ever taken as a number, for any numeric type. */
  @ParameterizedTest(name = "{arguments}")
  @MethodSource("stringCases")
  void noStringIsANumber(Seed seed) {
    Gen g = seed.gen();
    String text = numericString(g);
    String argument = g.pick(NUMERIC_ARGUMENTS);
    Tool tool = Corpus.get().tool("scalars_boxed");
    Map<String, Object> input = boxedBase();
    input.put(argument, text);
    Outcome o = Differential.evaluate(tool, JsonText.write(input));
    assertFalse(o.subject().accepted(), () -> o.describe(tool));
    assertFalse(o.oracleAccepts(), () -> o.describe(tool));
    List<Violation> vs = ((Rejected) o.subject()).violations();
    assertEquals(List.of("/" + argument), vs.stream().map(Violation::pointer).toList());
    assertEquals("type", vs.get(0).rule());
  }

  static Stream<Seed> fractionCases() {
    return Seeds.of(12, 300);
  }

  /** No number with a fraction ever becomes an integer (no truncation, no rounding). */
  @ParameterizedTest(name = "{arguments}")
  @MethodSource("fractionCases")
  void noFractionIntoAnInteger(Seed seed) {
    Gen g = seed.gen();
    String argument = g.pick(INTEGRAL_ARGUMENTS);
    int whole = g.intBetween(-1_000_000, 1_000_000);
    int fraction = g.intBetween(1, 999);
    int spelling = g.intBetween(0, 2);
    String text = switch (spelling) {
      case 0 -> whole + "." + String.format("%03d", fraction);
      case 1 -> (whole * 1000L + fraction) + "e-3";
      default -> whole + ".5";
    };
    Tool tool = Corpus.get().tool("scalars_boxed");
    Map<String, Object> input = boxedBase();
    input.put(argument, new Num(text));
    Outcome o = Differential.evaluate(tool, JsonText.write(input));
    assertFalse(o.subject().accepted(), () -> o.describe(tool));
    assertFalse(o.oracleAccepts(), () -> o.describe(tool));
    assertEquals(List.of("/" + argument), ((Rejected) o.subject()).violations().stream().map(Violation::pointer).toList());
  }

  /** An integer around the Java integral types' ranges: within ±2^70, of each type's width, or on an edge. */
  private static BigInteger integer(Gen g) {
    return switch (g.intBetween(0, 6)) {
      case 0 -> g.bigBetween(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70));
      case 1 -> BigInteger.valueOf(g.anyLong());
      case 2 -> BigInteger.valueOf(g.intBetween(Integer.MIN_VALUE, Integer.MAX_VALUE));
      case 3 -> BigInteger.valueOf(g.intBetween(Short.MIN_VALUE, Short.MAX_VALUE));
      case 4 -> BigInteger.valueOf(g.intBetween(Byte.MIN_VALUE, Byte.MAX_VALUE));
      case 5 -> BigInteger.valueOf(g.pick(List.of(-129, -128, 127, 128, -32769, 32768, Integer.MIN_VALUE,
          Integer.MAX_VALUE)));
      default -> new BigInteger(g.pick(List.of("2147483648", "-2147483649", "9223372036854775807",
          "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551616")));
    };
  }

  static Stream<Seed> integerCases() {
    return Seeds.of(13, 600);
  }

  /**
   * An integer within the Java type's range is accepted and bound to exactly that value whatever
   * its spelling (5, 5.0, 5e0, 50e-1); one outside is rejected with minimum/maximum, never wrapped.
   */
  @ParameterizedTest(name = "{arguments}")
  @MethodSource("integerCases")
  void integersNeverWrap(Seed seed) {
    Gen g = seed.gen();
    String argument = g.pick(INTEGRAL_ARGUMENTS);
    BigInteger n = integer(g);
    int spelling = g.intBetween(0, 3);
    boolean exactInDouble = n.abs().compareTo(BigInteger.TWO.pow(53)) <= 0;
    String text = switch (exactInDouble ? spelling : 0) {
      case 1 -> n + ".0";
      case 2 -> n + "e0";
      case 3 -> (n.signum() == 0 ? "0" : n + "0") + "e-1";
      default -> n.toString();
    };
    Tool tool = Corpus.get().tool("scalars_boxed");
    Map<String, Object> input = boxedBase();
    input.put(argument, new Num(text));
    Corpus.get().takeCaptured();
    Outcome o = Differential.evaluate(tool, JsonText.write(input));
    BigInteger[] r = INTEGRAL.get(argument);
    boolean inRange = (r[0] == null || n.compareTo(r[0]) >= 0) && (r[1] == null || n.compareTo(r[1]) <= 0);
    assertEquals(inRange, o.subject().accepted(), () -> o.describe(tool));
    assertEquals(inRange, o.oracleAccepts(), () -> o.describe(tool));
    if (inRange) {
      Object[] args = Corpus.get().takeCaptured();
      int index = List.of("flag", "b", "s", "i", "l", "f", "d", "big", "dec", "text").indexOf(argument);
      assertEquals(0, new BigDecimal(n).compareTo(new BigDecimal(args[index].toString())),
          () -> "sent " + text + ", received " + args[index]);
    } else {
      List<Violation> vs = ((Rejected) o.subject()).violations();
      assertEquals(List.of("/" + argument), vs.stream().map(Violation::pointer).toList());
      assertTrue(Set.of("minimum", "maximum").contains(vs.get(0).rule()), vs::toString);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  static String pointer(List<Object> path) {
    StringBuilder b = new StringBuilder();
    for (Object t : path) {
      b.append('/').append(t.toString().replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> replace(Map<String, Object> base, List<Object> path, Object value) {
    Map<String, Object> copy = (Map<String, Object>) JsonText.copy(base);
    Object cur = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Object t = path.get(i);
      cur = cur instanceof Map<?, ?> m ? m.get(t) : ((List<?>) cur).get((Integer) t);
    }
    Object last = path.get(path.size() - 1);
    if (cur instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).put((String) last, value);
    } else {
      ((List<Object>) cur).set((Integer) last, value);
    }
    return copy;
  }
}
