package dev.toolwarden.processor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits identifiers into lower-case words at camelCase humps, digits, underscores and hyphens. */
public final class NameWords {

  private NameWords() {}

  public static List<String> split(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || c == '$' || c == '.' || c == ' ') {
        flush(w, words);
        continue;
      }
      if (Character.isDigit(c)) {
        if (w.length() > 0 && !Character.isDigit(w.charAt(w.length() - 1))) {
          flush(w, words);
        }
        w.append(c);
        continue;
      }
      if (w.length() > 0 && Character.isDigit(w.charAt(w.length() - 1))) {
        flush(w, words);
      }
      if (Character.isUpperCase(c) && w.length() > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        // "apiKey" -> api|Key ; "APIKey" -> API|Key ; "ID" stays whole
        if (Character.isLowerCase(prev) || (Character.isUpperCase(prev) && nextLower)) {
          flush(w, words);
        }
      }
      w.append(c);
    }
    flush(w, words);
    return words;
  }

  private static void flush(StringBuilder w, List<String> words) {
    if (w.length() > 0) {
      words.add(w.toString().toLowerCase(Locale.ROOT));
      w.setLength(0);
    }
  }
}
