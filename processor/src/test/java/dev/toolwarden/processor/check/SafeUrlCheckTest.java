package dev.toolwarden.processor.check;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The host patterns {@code @SafeUrl} accepts at compile time: those the runtime's allowlist accepts. */
class SafeUrlCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {"api.example.com", "*.example.org", "xn--bcher-kva.example.com", "*.xn--80ak6aa92e.com",
      "a-b.c-d.example", "localhost", "a1.b2.c3", "x.y"})
  void acceptsHostNamesAndSuffixPatterns(String pattern) {
    assertNull(SafeUrlCheck.hostProblem(pattern), pattern);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "*", "*.com", "a.*.com", "**.example.com", "*example.com", "API.example.com",
      "example.com.", "10.0.0.1", "0x7f.1", "[::1]", "a_b.com", "-a.com", "a-.com", "a..b", "ab--cd.com",
      "b\u00fccher.example", "ex ample.com", "example.com:443", "https://example.com"})
  void refusesWhatTheRuntimeWouldRefuse(String pattern) {
    assertNotNull(SafeUrlCheck.hostProblem(pattern), pattern);
  }
}
