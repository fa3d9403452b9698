package dev.toolwarden.runtime.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The URI template subset of {@code uri-templates.md}: what compiles, how URIs match (and decode), which template wins;
 * and a property test: random templates and values round-trip through expand and match, random and adversarial URIs
 * never throw, and matching stays linear.
 */
class UriTemplateTest {

  @Test
  void compilesTheSubsetAndRefusesTheRest() {
    assertEquals(List.of("path"), UriTemplate.compile("file:///workspace/{+path}").variables());
    assertEquals(List.of("a", "b"), UriTemplate.compile("x://{a}/y{/b*}").variables());
    for (String bad : List.of("", "{a}://x", "noscheme", "1x://a", "x://{a}{b}", "x://{+a}/b", "x://{/a*}/b",
        "x://{a}/{a}", "x://{a", "x://a}", "x://{?q}", "x://{a-b}", "x://{#f}", "x://a b", "x://%zz", "x://{a*}",
        "x://é")) {
      assertThrows(IllegalArgumentException.class, () -> UriTemplate.compile(bad), bad);
    }
  }

  @Test
  void matchesDecodesAndRefuses() {
    UriTemplate t = UriTemplate.compile("users://{id}/profile{/tab}");
    assertEquals(Map.of("id", "a b", "tab", "x"), t.match("users://a%20b/profile/x"));
    assertNull(t.match("users://a/b/profile/x"), "{id} takes no '/'");
    assertNull(t.match("users:///profile/x"), "empty value");
    assertNull(t.match("users://a/profile/x#f"), "fragment");
    assertNull(t.match("users://%C3/profile/x"), "invalid UTF-8");
    assertNull(t.match("users://%2/profile/x"), "malformed percent-encoding");
    assertEquals(Map.of("id", "é", "tab", "x"), t.match("users://%C3%A9/profile/x"));
    UriTemplate r = UriTemplate.compile("file:///w/{+path}");
    assertEquals(Map.of("path", "a/b/../c"), r.match("file:///w/a/b/../c"));
    assertNull(r.match("file:///w/a?x"));
    UriTemplate e = UriTemplate.compile("x://r{/seg*}");
    assertEquals(Map.of("seg", List.of("a", "b c")), e.match("x://r/a/b%20c"));
    assertNull(e.match("x://r/a//b"));
    assertNull(e.match("x://r"));
  }

  @Test
  void exactUriThenMostLiteralCharactersThenFirstRegistered() {
    UriResolver.Builder<String> b = UriResolver.builder();
    b.fixed("notes://pinned/top", "fixed");
    b.template(UriTemplate.compile("notes://{+rest}"), "rest");
    b.template(UriTemplate.compile("notes://pinned/{name}"), "pinned");
    b.template(UriTemplate.compile("notes://pinned/{other}"), "tie-loser");
    UriResolver<String> r = b.build();
    assertEquals("fixed", r.resolve("notes://pinned/top").value());
    assertEquals("pinned", r.resolve("notes://pinned/x").value());
    assertEquals("rest", r.resolve("notes://pinned/x/y").value());
    assertEquals("rest", r.resolve("notes://else").value());
    assertNull(r.resolve("other://x"));
    assertNull(r.resolve(null));
  }

  private static final String VALUE_CHARS = "abcXYZ019-._~ /?#%:@!$&'()*+,;=[]{}éß€\u0000\n😀";
  /** Reserved characters only: a value always has them percent-encoded, so a literal never occurs inside one. */
  private static final String LITERAL_CHARS = ":@!$&'()*+,;=";
  /** Unreserved ones too: then a value can contain the next literal and the shortest run wins (no backtracking). */
  private static final String AMBIGUOUS_LITERAL_CHARS = "abc-._~:@";

  private static String randomValue(Random rnd, boolean slashes) {
    StringBuilder b = new StringBuilder();
    int n = 1 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      int cp = VALUE_CHARS.codePointAt(VALUE_CHARS.offsetByCodePoints(0, rnd.nextInt(VALUE_CHARS.codePointCount(0,
          VALUE_CHARS.length()))));
      if (cp == '/' && !slashes) {
        cp = 'q';
      }
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  private static String randomLiteral(Random rnd, String chars) {
    StringBuilder b = new StringBuilder();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.append(chars.charAt(rnd.nextInt(chars.length())));
    }
    return b.toString();
  }

  /** A random template in the subset, with its parts, so values can be generated for it. */
  private static String randomTemplate(Random rnd, List<String[]> vars, String literalChars) {
    StringBuilder t = new StringBuilder("s" + rnd.nextInt(3) + "://");
    int exprs = 1 + rnd.nextInt(3);
    for (int i = 0; i < exprs; i++) {
      boolean last = i == exprs - 1;
      String name = "v" + i;
      int kind = rnd.nextInt(last ? 4 : 2);
      String op = switch (kind) {
        case 0 -> "";
        case 1 -> "/";
        case 2 -> "+";
        default -> "/*";
      };
      t.append(kind == 3 ? "{/" + name + "*}" : "{" + op + name + "}");
      vars.add(new String[] {name, String.valueOf(kind)});
      if (!last || rnd.nextBoolean() && kind < 2) {
        t.append(randomLiteral(rnd, literalChars));
      }
    }
    return t.toString();
  }

  @Test
  void propertyExpandThenMatchRoundTripsAndNothingEverThrows() {
    Random rnd = new Random(12);
    for (int i = 0; i < 3000; i++) {
      List<String[]> vars = new ArrayList<>();
      String text = randomTemplate(rnd, vars, LITERAL_CHARS);
      UriTemplate t = UriTemplate.compile(text);
      Map<String, Object> values = randomValues(rnd, vars);
      String uri = t.expand(values);
      assertEquals(values, t.match(uri), text + " <- " + uri);
      mutate(rnd, t, uri);
    }
  }

  @Test
  void propertyWithAmbiguousLiteralsAMatchIsAlwaysConsistentWithExpand() {
    Random rnd = new Random(34);
    int matched = 0;
    for (int i = 0; i < 3000; i++) {
      List<String[]> vars = new ArrayList<>();
      String text = randomTemplate(rnd, vars, AMBIGUOUS_LITERAL_CHARS);
      UriTemplate t = UriTemplate.compile(text);
      String uri = t.expand(randomValues(rnd, vars));
      Map<String, Object> m = t.match(uri);
      if (m != null) {
        matched++;
        assertEquals(uri, t.expand(m), text + ": a match must expand back to the URI");
      }
      mutate(rnd, t, uri);
    }
    assertTrue(matched > 1500, "most still match: " + matched);
  }

  private static Map<String, Object> randomValues(Random rnd, List<String[]> vars) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String[] v : vars) {
      int kind = Integer.parseInt(v[1]);
      if (kind == 3) {
        List<String> segs = new ArrayList<>();
        for (int k = 0; k <= rnd.nextInt(3); k++) {
          segs.add(randomValue(rnd, false));
        }
        values.put(v[0], segs);
      } else {
        values.put(v[0], randomValue(rnd, kind == 2));
      }
    }
    return values;
  }

  /** Random insertions and deletions: matching must never throw. */
  private static void mutate(Random rnd, UriTemplate t, String uri) {
    for (int m = 0; m < 5; m++) {
      StringBuilder mutated = new StringBuilder(uri);
      mutated.insert(rnd.nextInt(mutated.length() + 1), randomValue(rnd, true));
      t.match(mutated.toString());
      if (mutated.length() > 1) {
        mutated.deleteCharAt(rnd.nextInt(mutated.length()));
        t.match(mutated.toString());
      }
    }
  }

  @Test
  void adversarialLongUrisStayLinear() {
    UriTemplate t = UriTemplate.compile("x://{a}-{b}-{c}-{+d}");
    long small = time(t, 10_000);
    long large = time(t, 1_000_000);
    // 100x the input: allow generous slack for a busy machine, but a quadratic matcher would be 10000x
    assertTrue(large < Math.max(small, 1_000_000L) * 1000, "small " + small + " ns, large " + large + " ns");
  }

  private static long time(UriTemplate t, int n) {
    String[] inputs = {"x://" + "-".repeat(n), "x://" + "a".repeat(n), "x://" + "a-".repeat(n / 2),
        "x://a-b-c-" + "%".repeat(n), "x://" + "%41".repeat(n / 3) + "-b-c-d"};
    long start = System.nanoTime();
    for (String in : inputs) {
      t.match(in);
    }
    return System.nanoTime() - start;
  }
}
