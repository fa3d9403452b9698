package dev.toolwarden.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The processor accepts exactly the URI-template subset the runtime's matcher implements. */
class UriTemplateTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "file:///workspace/{+path}", "issues://{id}/comments{/page}", "tree://{root}/items{/segments*}",
    "docs://guide", "x:{a}-{b}", "urn:isbn:{isbn}", "a+b.c-d:/x%2Fy/{_v1}", "http://h/{a}?q={b}",
    "db://{schema}.{table}"
  })
  void acceptsTheSubset(String text) {
    UriTemplate.Parsed p = UriTemplate.parse(text);
    assertNull(p.problem(), text);
    assertNotNull(p.template());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "{scheme}://a", "1x://a", "noscheme", "x{a}:b", "docs://{?q}", "docs://{#f}", "docs://{.ext}",
    "docs://{;p}", "docs://{&q}", "docs://{a,b}", "docs://{a:3}", "docs://{a*}", "docs://{+a*}", "docs://{}",
    "docs://{1a}", "docs://{a-b}", "docs://{a}{b}", "docs://{+a}/x", "docs://{/a*}/x", "docs://{+a}{b}",
    "docs://{a}/{a}", "x://{a}{/b}", "docs://{a", "docs://a}", "docs://a b", "docs://%zz", "docs://%4", "docs://\u00e9",
    "docs://a\"b", "docs://<a>", "docs://a\\b", "docs://a^b", "docs://a|b", "docs://a`b"
  })
  void rejectsEverythingElse(String text) {
    UriTemplate.Parsed p = UriTemplate.parse(text);
    assertNotNull(p.problem(), text);
    assertNull(p.template());
  }

  @Test
  void partsAndOperators() {
    UriTemplate t = UriTemplate.parse("x://{a}/b{/c}/{+d}").template();
    assertEquals(List.of(new UriTemplate.Literal("x://"), new UriTemplate.Expression(UriTemplate.Operator.SIMPLE, "a"),
        new UriTemplate.Literal("/b"), new UriTemplate.Expression(UriTemplate.Operator.SEGMENT, "c"),
        new UriTemplate.Literal("/"), new UriTemplate.Expression(UriTemplate.Operator.RESERVED, "d")), t.parts());
    assertEquals("{/}", t.variable("c").anonymous());
    assertEquals("{/s*}", UriTemplate.parse("x://a{/s*}").template().variable("s").written());
  }
}
