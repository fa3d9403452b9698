package dev.toolwarden.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which declared charsets a JSON body may come with: UTF-8 or none. */
class JsonMediaTypeTest {

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
      "application/json; charset=\"utf-8\"", "application/json; CHARSET = Utf-8 ", "application/json; charset=utf-8;",
      "application/json; foo=bar; charset=utf-8", "application/json; foo=\"a;charset=ibm037\"; charset=utf-8",
      "text/plain"})
  void utf8OrNoCharsetIsAccepted(String value) {
    assertNull(JsonMediaType.charsetProblem(List.of(value)), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json; charset=IBM037", "application/json; charset=utf-16",
      "application/json; charset=\"utf-8\"x", "application/json; charset=\"utf-8", "application/json; charset=",
      "application/json; charset=utf-8; charset=utf-8", "application/json; charset=utf8",
      "application/json; charset", "application/json; foo=\"a\\\"; charset=ibm037"})
  void anyOtherDeclarationIsRefused(String value) {
    assertNotNull(JsonMediaType.charsetProblem(List.of(value)), value);
  }

  @Test
  void absentIsAcceptedButTwoHeadersAreNot() {
    assertNull(JsonMediaType.charsetProblem(List.of()));
    assertEquals("Unsupported media type: send exactly one Content-Type header",
        JsonMediaType.charsetProblem(List.of("application/json", "application/json")));
  }

  @Test
  void onlyApplicationJsonIsJson() {
    assertTrue(JsonMediaType.isJson("application/json"));
    assertTrue(JsonMediaType.isJson(" Application/JSON ; charset=utf-8"));
    assertFalse(JsonMediaType.isJson(null));
    assertFalse(JsonMediaType.isJson("text/plain"));
    assertFalse(JsonMediaType.isJson("application/json-patch+json"));
  }
}
