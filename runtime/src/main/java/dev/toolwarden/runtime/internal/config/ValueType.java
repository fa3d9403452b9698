package dev.toolwarden.runtime.internal.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The type of a {@link Setting}: how its text is parsed and what the accepted forms are. Each kind has
 * exactly one parser, shared by every setting of that kind.
 */
public final class ValueType {

  /** The kinds of value; a typed {@link Config} reader only reads settings of its kind. */
  public enum Kind { TEXT, PATH, URL, INTEGER, BOOLEAN, DURATION, SIZE, LIST, RATE, CHOICE, SECRET }

  /** Free text. */
  public static final ValueType TEXT = new ValueType(Kind.TEXT, "text", s -> s);
  /** A file-system path. */
  public static final ValueType PATH = new ValueType(Kind.PATH, "a file-system path", Path::of);
  /** An absolute http(s) URL. */
  public static final ValueType URL = new ValueType(Kind.URL, "an absolute http(s) URL", ValueType::httpUrl);
  /** {@code true} or {@code false}. */
  public static final ValueType BOOLEAN = new ValueType(Kind.BOOLEAN, Booleans.ACCEPTED, Booleans::parse);
  /** A {@link Durations duration}. */
  public static final ValueType DURATION = new ValueType(Kind.DURATION, Durations.ACCEPTED, Durations::parse);
  /** A {@link Lists list}. */
  public static final ValueType LIST = new ValueType(Kind.LIST, Lists.ACCEPTED, Lists::parse);
  /** A {@link Rate permits/window pair} or {@code off}. */
  public static final ValueType RATE = new ValueType(Kind.RATE, Rate.ACCEPTED, Rate::parse);
  /** A secret: read from the environment variable or its {@code _FILE} form only, never printed. */
  public static final ValueType SECRET = new ValueType(Kind.SECRET,
      "a secret: the environment variable, or a file named by <NAME>_FILE", s -> s);

  private final Kind kind;
  private final String accepted;
  private final Function<String, ?> parser;

  private ValueType(Kind kind, String accepted, Function<String, ?> parser) {
    this.kind = kind;
    this.accepted = accepted;
    this.parser = parser;
  }

  /** A whole number in {@code [min, max]}. */
  public static ValueType integer(long min, long max) {
    return new ValueType(Kind.INTEGER, Integers.accepted(min, max), s -> Integers.parse(s, min, max));
  }

  /** A size in bytes, at most {@code max}. */
  public static ValueType size(long max) {
    return new ValueType(Kind.SIZE, Sizes.ACCEPTED + ", at most " + max + " bytes", s -> Sizes.parse(s, max));
  }

  /** One of {@code choices} (lower case; the value is matched in any letter case). */
  public static ValueType choice(String... choices) {
    List<String> all = List.of(choices);
    return new ValueType(Kind.CHOICE, "one of " + String.join(", ", all), s -> {
      String v = s.toLowerCase(Locale.ROOT);
      if (!all.contains(v)) {
        throw new IllegalArgumentException("unknown value");
      }
      return v;
    });
  }

  /** The kind of value. */
  public Kind kind() {
    return kind;
  }

  /** The accepted forms, in words. */
  public String accepted() {
    return accepted;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public Object parse(String text) {
    return parser.apply(text);
  }

  private static URI httpUrl(String text) {
    URI uri = URI.create(text);
    if (!uri.isAbsolute() || uri.getRawAuthority() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("not an absolute http(s) URL");
    }
    return uri;
  }
}
