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
