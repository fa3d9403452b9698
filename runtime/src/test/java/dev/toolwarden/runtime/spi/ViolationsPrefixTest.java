package dev.toolwarden.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated code binds a record or element with relative pointers and prefixes them only on failure. */
class ViolationsPrefixTest {

  @Test
  void prefixesOnlyTheViolationsAddedSinceTheMark() {
    Violations v = new Violations();
    v.add("/a", "type", "must be a string");
    int mark = v.size();
    v.add("", "type", "must be an object");
    v.add("/zip", "pattern", "must match");
    v.prefix(mark, "/address");
    int inner = v.size();
    v.add("/x", "minimum", "too small");
    v.prefix(inner, "/lines/2");
    v.prefix(mark, "/order");
    assertEquals(List.of("/a", "/order/address", "/order/address/zip", "/order/lines/2/x"),
        v.list().stream().map(Violation::pointer).toList());
    assertEquals(List.of("type", "type", "pattern", "minimum"), v.list().stream().map(Violation::rule).toList());
  }

  @Test
  void deepNestingJoinsEveryLevelOnceInOrder() {
    Violations v = new Violations();
    v.add("/leaf", "type", "m");
    v.add("", "required", "m");
    StringBuilder expected = new StringBuilder();
    for (int depth = 0; depth < 1000; depth++) {
      v.prefix(0, "/c/" + depth);
      expected.insert(0, "/c/" + depth);
    }
    assertEquals(List.of(expected + "/leaf", expected.toString()), v.list().stream().map(Violation::pointer).toList());
    // joined once: asking again gives the same pointers
    assertEquals(expected + "/leaf", v.list().get(0).pointer());
  }

  @Test
  void beyondTheShownLimitOnlyTheCountGrows() {
    Violations v = new Violations();
    for (int i = 0; i < 99; i++) {
      v.add("/" + i, "type", "m");
    }
    int mark = v.size();
    v.add("", "type", "m");
    v.add("", "type", "m");
    v.add("", "type", "m");
    v.prefix(mark, "/p");
    List<Violation> shown = v.list();
    assertEquals(101, shown.size());
    assertEquals("/p", shown.get(99).pointer());
    assertEquals("2 more violations not shown", shown.get(100).message());
  }
}
