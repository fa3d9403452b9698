package dev.toolwarden.processor.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Literal secrets in configuration files ({@code *.properties}, {@code *.yml}/{@code *.yaml}, {@code *.json},
 * {@code *.xml}, {@code .env}, {@code *.conf}): each value is scanned with the same rules as a Java literal, with its
 * key as the name it is given to. Property placeholders pass ({@code ${STRIPE_KEY}} is removed before the scan), but
 * the default of one ({@code ${STRIPE_KEY:sk_live_…}}) is a literal and is scanned. Line-based readers, tolerant of
 * any input (a file that is not what its extension says is scanned as lines), linear in the file size.
 */
public final class ResourceSecretScanner {

  /** One finding in a resource file: 1-based line, the rule and the masked value, and the key it belongs to. */
  public record Finding(long line, SecretFinding finding, String key) {}

  private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(?:export\\s+)?([^=:#!\\s][^=:\\n]*?)\\s*[=:]\\s?(.*)$",
      Pattern.DOTALL);
  private static final Pattern YAML = Pattern.compile("^(\\s*)(?:-\\s+)?(?:([^:#'\"{\\[][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:"
      + "(?:\\s+|$))?(.*)$");
  private static final Pattern XML_ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')");
  private static final Pattern XML_TEXT = Pattern.compile("<([\\w:.-]+)[^<>]*>([^<]+)</\\1\\s*>");
  private static final Pattern XML_NAME_ATTRIBUTE = Pattern.compile("\\b(?:name|key)\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)(?::([^}]*))?}");

  private ResourceSecretScanner() {}

  /** Whether a file name is one of the configuration formats this scanner reads. */
  public static boolean isResource(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".properties") || n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json")
        || n.endsWith(".xml") || n.endsWith(".conf") || n.equals(".env") || n.endsWith(".env");
  }

  /** Scans one file's text; the file name chooses the reader. */
  public static List<Finding> scan(String fileName, String text) {
    String n = fileName.toLowerCase(Locale.ROOT);
    List<Finding> out = new ArrayList<>();
    if (n.endsWith(".json")) {
      json(text, out);
    } else if (n.endsWith(".xml")) {
      xml(text, out);
    } else if (n.endsWith(".yml") || n.endsWith(".yaml")) {
      yaml(text, out);
    } else {
      properties(text, out);
    }
    return out;
  }

  private static void check(String value, String key, long line, List<Finding> out) {
    String unquoted = value.strip();
    if (unquoted.length() >= 2 && (unquoted.startsWith("\"") && unquoted.endsWith("\"")
        || unquoted.startsWith("'") && unquoted.endsWith("'"))) {
      unquoted = unquoted.substring(1, unquoted.length() - 1);
    }
    for (SecretFinding f : SecretScanner.scan(withoutPlaceholders(unquoted), key == null ? null : key.strip())) {
      out.add(new Finding(line, f, key));
    }
  }

  /** {@code ${NAME}} is read at run time: removed. {@code ${NAME:default}} keeps its default, a literal. */
  static String withoutPlaceholders(String value) {
    if (!value.contains("${")) {
      return value;
    }
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2) == null ? " " : " " + m.group(2) + " "));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static void properties(String text, List<Finding> out) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || trimmed.startsWith("//")) {
        continue;
      }
      int first = i;
      StringBuilder logical = new StringBuilder(line);
      while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && i + 1 < lines.length) {
        logical.setLength(logical.length() - 1); // a continued line: kept on its own line (a PEM block's shape)
        logical.append('\n').append(lines[++i].strip());
      }
      Matcher m = KEY_VALUE.matcher(logical);
      if (m.matches()) {
        check(m.group(2), m.group(1), first + 1, out);
      } else {
        check(logical.toString(), null, first + 1, out);
      }
    }
  }

  private static void yaml(String text, List<Finding> out) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher m = YAML.matcher(line);
      if (!m.matches()) {
        continue;
      }
      int indent = m.group(1).length();
      String key = m.group(2) == null ? null : m.group(2).replace("\"", "").replace("'", "");
      String value = stripYamlComment(m.group(3));
      if (value.matches("[|>][-+0-9]*")) { // a block scalar: the more indented lines below are its value
        StringBuilder block = new StringBuilder();
        int start = i + 1;
        while (i + 1 < lines.length && (lines[i + 1].isBlank() || indentOf(lines[i + 1]) > indent)) {
          block.append(lines[++i].strip()).append('\n');
        }
        check(block.toString(), key, start, out);
      } else {
        check(value, key, i + 1, out);
      }
    }
  }

  private static String stripYamlComment(String value) {
    int hash = value.indexOf(" #");
    return hash < 0 ? value : value.substring(0, hash);
  }

  private static int indentOf(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /** JSON strings, each with the key it is the value of (none for array items), read by hand: linear. */
  private static void json(String text, List<Finding> out) {
    String key = null;
    long line = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c != '"') {
        i++;
        continue;
      }
      long startLine = line;
      StringBuilder value = new StringBuilder();
      int j = i + 1;
      while (j < text.length() && text.charAt(j) != '"') {
        char d = text.charAt(j);
        if (d == '\\' && j + 1 < text.length()) {
          char e = text.charAt(++j);
          value.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        } else {
          if (d == '\n') {
            line++;
          }
          value.append(d);
        }
        j++;
      }
      int k = j + 1;
      while (k < text.length() && Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '\n') {
        k++;
      }
      if (k < text.length() && text.charAt(k) == ':') {
        key = value.toString();
      } else {
        check(value.toString(), key, startLine, out);
        key = null;
      }
      i = j + 1;
    }
  }

  private static void xml(String text, List<Finding> out) {
    LineCounter lines = new LineCounter(text);
    Matcher a = XML_ATTRIBUTE.matcher(text);
    while (a.find()) {
      String name = a.group(1);
      if (name.equals("value")) { // <property name="password" value="..."/>: the name attribute names the value
        int tagStart = text.lastIndexOf('<', a.start());
        Matcher n = XML_NAME_ATTRIBUTE.matcher(text.substring(Math.max(0, tagStart), a.start()));
        if (n.find()) {
          name = n.group(1);
        }
      }
      check(a.group(2), name, lines.lineOf(a.start(2)), out);
    }
    Matcher t = XML_TEXT.matcher(text);
    while (t.find()) {
      String open = text.substring(t.start(), t.start(2));
      Matcher n = XML_NAME_ATTRIBUTE.matcher(open);
      check(t.group(2).replace("&amp;", "&"), n.find() ? n.group(1) : t.group(1), lines.lineOf(t.start(2)), out);
    }
  }

  /** Offsets to 1-based lines, for increasing offsets in amortised constant time. */
  private static final class LineCounter {
    private final String text;
    private int offset;
    private long line = 1;

    LineCounter(String text) {
      this.text = text;
    }

    long lineOf(int target) {
      if (target < offset) {
        offset = 0;
        line = 1;
      }
      for (; offset < target && offset < text.length(); offset++) {
        if (text.charAt(offset) == '\n') {
          line++;
        }
      }
      return line;
    }
  }
}
