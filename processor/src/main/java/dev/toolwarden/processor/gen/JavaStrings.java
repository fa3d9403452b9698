package dev.toolwarden.processor.gen;

import com.palantir.javapoet.CodeBlock;

/**
 * Java string literals of text the user wrote (descriptions, titles, patterns, defaults). JavaPoet's {@code $S}
 * escapes control characters but writes U+2028 and U+2029 as they are, and its writer then breaks the line at them
 * (it splits on {@code \R}): the generated literal is left unclosed and the bundle does not compile. Text pasted into
 * a Javadoc comment from a word processor carries them.
 */
final class JavaStrings {

  private JavaStrings() {}

  /** The literal of {@code s} ({@code null} for null): a constant expression equal to {@code s}. */
  static CodeBlock literal(String s) {
    if (s == null || s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0) {
      return CodeBlock.of("$S", s);
    }
    // "text" + "\u2028" + "text": the separators as unicode escapes, which javac reads inside the literal
    CodeBlock.Builder b = CodeBlock.builder();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      boolean end = i == s.length();
      if (end || s.charAt(i) == '\u2028' || s.charAt(i) == '\u2029') {
        if (i > start) {
          b.add(b.isEmpty() ? "$S" : " + $S", s.substring(start, i));
        }
        if (!end) {
          b.add(b.isEmpty() ? "$L" : " + $L", String.format("\"\\u%04x\"", (int) s.charAt(i)));
        }
        start = i + 1;
      }
    }
    return b.build();
  }
}
