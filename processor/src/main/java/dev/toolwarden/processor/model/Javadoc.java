package dev.toolwarden.processor.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Extracts the main text and {@code @param} texts from a Javadoc comment. */
public final class Javadoc {

  private final String main;
  private final Map<String, String> params;

  private Javadoc(String main, Map<String, String> params) {
    this.main = main;
    this.params = params;
  }

  public static Javadoc parse(String comment) {
    Map<String, String> params = new LinkedHashMap<>();
    if (comment == null || comment.isBlank()) {
      return new Javadoc(null, params);
    }
    String[] parts = comment.split("(?m)^\\s*(?=@)");
    String main = clean(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String tag = parts[i].trim();
      if (tag.startsWith("@param")) {
        String rest = tag.substring("@param".length()).trim();
        int space = indexOfWhitespace(rest);
        if (space > 0) {
          String text = clean(rest.substring(space));
          if (text != null) {
            params.put(rest.substring(0, space), text);
          }
        }
      }
    }
    return new Javadoc(main, params);
  }

  public String main() {
    return main;
  }

  public String param(String name) {
    return params.get(name);
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Unwraps {@code {@code x}} and {@code {@link x}}, collapses whitespace. */
  private static String clean(String text) {
    String s = text.replaceAll("\\{@(?:code|literal|link|linkplain)\\s+([^}]*)}", "$1").replaceAll("\\s+", " ").trim();
    return s.isEmpty() ? null : s;
  }
}
