package dev.toolwarden.processor.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which {@code @Pattern}s are compiled to loops. Anything whose loop could disagree with
 * {@code java.util.regex} stays a regex; that the loops agree with it on values is proved by the
 * differential test ({@code PatternTools.simple} and the other simple patterns of the corpus).
 */
class SimplePatternTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[0-9]{5}|5|5",
      "[A-Z]+|1|-1",
      "[a-z]*|0|-1",
      "x?|0|1",
      "[A-Z]{2}[0-9]{3}|5|5",
      "[A-Z]{2}[0-9]*|2|-1",
      "ab-c[0-9]{0,3}|4|7",
      "[A-Za-z0-9._%+-]+|1|-1",
      "[Z-a]{1,2}|1|2",
      "#[0-9a-f]{6}|7|7"})
  void simplePatternsBecomeLoops(String regex, int minLength, int maxLength) {
    SimplePattern p = SimplePattern.parse(regex);
    assertNotNull(p, regex);
    assertEquals(minLength, p.minLength());
    assertEquals(maxLength, p.maxLength());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "[^0-9]+", "[a-z]+[0-9]?", "\\d+", "[\\w]+", "a.c", ".*", "cat|dog", "(ab)+", "^a$", "a$",
      "[a-z]+?", "[a-z]++", "[a-z]*+", "[a-z]{2}?", "[a-z]{2}+", "(?i)abc", "[a-z&&[^e]]", "[a-[z]]", "[]a]",
      "[-a]", "[a--]", "[z-a]", "a{2,1}", "a{,3}", "a{1", "a{1234567}", "[a-z", "é+", "\\u0041", "[\\u0041]",
      "a{2}{3}", "[a-z]+[A-Z]+"})
  void everythingElseStaysARegex(String regex) {
    assertNull(SimplePattern.parse(regex), regex);
  }
}
