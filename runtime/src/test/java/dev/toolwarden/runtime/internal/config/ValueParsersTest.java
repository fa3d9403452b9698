package dev.toolwarden.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every typed parser: accepted forms, rejected forms with their reason, overflow. */
class ValueParsersTest {

  @ParameterizedTest
  @CsvSource({
      "250ms, 250", "30s, 30000", "5m, 300000", "1h, 3600000", "1d, 86400000", "0s, 0", "0ms, 0", "007s, 7000",
      "365d, 31536000000", "PT0.25S, 250", "PT30S, 30000", "PT1H30M, 5400000", "P1D, 86400000", "P1DT12H, 129600000",
      "PT0S, 0", "PT0.001S, 1", "PT1.500000000S, 1500", "P365D, 31536000000", "PT8760H, 31536000000",
      "PT525600M, 31536000000"})
  void durationsAcceptShortAndIsoForms(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), Durations.parse(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "30|not a duration", "1 m|not a duration", "' 1m'|not a duration", "1M|not a duration", "1S|not a duration",
      "1.5s|not a duration", "-1s|not a duration", "+1s|not a duration", "1ms2|not a duration", "1min|not a duration",
      "pt30s|not a duration", "P|not a duration", "PT|not a duration", "P1DT|not a duration", "PT-1S|not a duration",
      "-PT1S|not a duration", "PT0,25S|not a duration", "P1Y|not a duration", "P1W|not a duration",
      "PT1M1H|not a duration", "PT.5S|not a duration", "''|not a duration", "1µs|not a duration",
      "366d|longer than 365d", "P366D|longer than 365d", "PT8761H|longer than 365d", "31536000001ms|longer than 365d",
      "99999999999999999999999999d|longer than 365d", "PT99999999999999999999999H|longer than 365d",
      "9223372036854775808ms|longer than 365d", "106752d|longer than 365d",
      "PT0.0001S|finer than a millisecond", "PT1.0005S|finer than a millisecond"})
  void durationsRejectEverythingElseSayingWhy(String text, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertEquals(reason, e.getMessage());
  }

  @Test
  void windowsArePositiveDurations() {
    assertEquals(60_000, RateLimitWindows.parse("1m"));
    assertEquals(250, RateLimitWindows.parse("PT0.25S"));
    assertEquals("a window must be longer than zero",
        assertThrows(IllegalArgumentException.class, () -> RateLimitWindows.parse("0s")).getMessage());
    assertEquals(-1, RateLimitWindows.parseMillis("PT0S"));
    assertEquals(-1, RateLimitWindows.parseMillis("1 minute"));
    assertEquals(-1, RateLimitWindows.parseMillis(null));
    assertEquals(-1, RateLimitWindows.parseMillis("9999999999999999999999d"));
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1048576, 1048576", "1B, 1", "512KiB, 524288", "1MiB, 1048576", "2GiB, 2147483648", "4MiB, 4194304"})
  void sizesAcceptBytesAndBinaryUnits(String text, long bytes) {
    assertEquals(bytes, Sizes.parse(text, Long.MAX_VALUE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1MB", "1mb", "1 MiB", "1.5MiB", "-1", "MiB", "", "1KIB", "1TiB", "0x10"})
  void sizesRejectOtherForms(String text) {
    assertEquals("not a size", assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text, Long.MAX_VALUE)).getMessage());
  }

  @Test
  void sizesAreBoundedWithoutOverflow() {
    assertEquals(Integer.MAX_VALUE, Sizes.parse("2147483647", Integer.MAX_VALUE));
    assertEquals("larger than 2147483647 bytes",
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("2GiB", Integer.MAX_VALUE)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Sizes.parse("9007199254740992GiB", Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> Sizes.parse("99999999999999999999999", Long.MAX_VALUE));
  }

  @Test
  void booleansAreTrueOrFalseOnly() {
    assertTrue(Booleans.parse("true"));
    assertTrue(Booleans.parse("TRUE"));
    assertFalse(Booleans.parse("False"));
    for (String bad : List.of("yes", "no", "1", "0", "on", "off", "ture", "", "true ")) {
      assertEquals("not true or false", assertThrows(IllegalArgumentException.class, () -> Booleans.parse(bad)).getMessage(), bad);
    }
  }

  @Test
  void listsSplitOnCommasAndWhitespace() {
    assertEquals(List.of("a", "b", "c", "d"), Lists.parse("a,b c,\t d"));
    assertEquals(List.of("https://x.example:8443"), Lists.parse(",https://x.example:8443,"));
    assertEquals("no item in the list", assertThrows(IllegalArgumentException.class, () -> Lists.parse(" , ,")).getMessage());
  }

  @Test
  void integersAreDigitsWithinTheirRangeWhateverTheirLength() {
    assertEquals(65535, Integers.parse("65535", 0, 65535));
    assertEquals(7, Integers.parse("007", 0, 10));
    assertEquals("out of range", assertThrows(IllegalArgumentException.class, () -> Integers.parse("65536", 0, 65535)).getMessage());
    assertEquals("out of range", assertThrows(IllegalArgumentException.class,
        () -> Integers.parse("99999999999999999999999", 0, Long.MAX_VALUE)).getMessage());
    for (String bad : List.of("-1", "+1", "1.0", " 1", "", "1e3", "0x1", "٣")) {
      assertEquals("not a whole number", assertThrows(IllegalArgumentException.class, () -> Integers.parse(bad, 0, 10)).getMessage(), bad);
    }
  }

  @Test
  void ratesArePermitsPerWindowOrOff() {
    assertEquals(new Rate(600, 60_000), Rate.parse("600/1m"));
    assertEquals(new Rate(5, 250), Rate.parse("5/PT0.25S"));
    assertTrue(Rate.parse("off").isOff());
    assertEquals("not permits/window", assertThrows(IllegalArgumentException.class, () -> Rate.parse("600")).getMessage());
    assertEquals("out of range", assertThrows(IllegalArgumentException.class, () -> Rate.parse("0/1m")).getMessage());
    assertEquals("out of range", assertThrows(IllegalArgumentException.class, () -> Rate.parse("2147483648/1m")).getMessage());
    assertEquals("not a whole number", assertThrows(IllegalArgumentException.class, () -> Rate.parse(" 600/1m")).getMessage());
    assertEquals("the window: a window must be longer than zero",
        assertThrows(IllegalArgumentException.class, () -> Rate.parse("600/0s")).getMessage());
    assertEquals("the window: not a duration", assertThrows(IllegalArgumentException.class, () -> Rate.parse("600/1m/2")).getMessage());
    assertEquals("the window: longer than 365d", assertThrows(IllegalArgumentException.class, () -> Rate.parse("1/400d")).getMessage());
    // permits x window in microseconds must fit the limiters' exact arithmetic
    assertEquals(new Rate(291_000, 365L * 86_400_000), Rate.parse("291000/365d"));
    assertEquals("too many permits for so long a window",
        assertThrows(IllegalArgumentException.class, () -> Rate.parse("2147483647/365d")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rate.parse("OFF"));
  }

  @Test
  void choicesMatchInAnyLetterCase() {
    ValueType mode = ValueType.choice("jwt", "introspection");
    assertEquals("introspection", mode.parse("Introspection"));
    assertEquals("unknown value", assertThrows(IllegalArgumentException.class, () -> mode.parse("opaque")).getMessage());
  }

  @Test
  void urlsAreAbsoluteHttp() {
    assertEquals("https://id.example/jwks", ValueType.URL.parse("https://id.example/jwks").toString());
    for (String bad : List.of("ftp://id.example/jwks", "/jwks", "https:///x", "mailto:a@b")) {
      assertThrows(IllegalArgumentException.class, () -> ValueType.URL.parse(bad), bad);
    }
  }
}
