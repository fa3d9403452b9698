package dev.toolwarden.processor.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Parses {@code @ToolParam(defaultValue)} text by the argument's type, at compile time. */
public final class DefaultValues {

  /** A parsed default: the Java value and its JSON text; or the reason it is invalid. */
  public record Parsed(Object value, String json, String error) {
    static Parsed error(String reason) {
      return new Parsed(null, null, reason);
    }
  }

  private DefaultValues() {}

  public static Parsed parse(String text, JType type) {
    if (type instanceof JType.OptionalType o) {
      return Parsed.error("an Optional argument cannot have a default; use the plain type");
    }
    if (type instanceof JType.EnumType e) {
      return e.constants().contains(text)
          ? new Parsed(text, quote(text), null)
          : Parsed.error("not one of " + String.join(", ", e.constants()));
    }
    if (!(type instanceof JType.Scalar s)) {
      return Parsed.error("defaults are supported on scalar and enum arguments only");
    }
    try {
      switch (s.kind()) {
        case BOOLEAN -> {
          if (!text.equals("true") && !text.equals("false")) {
            return Parsed.error("not true or false");
          }
          return new Parsed(Boolean.valueOf(text), text, null);
        }
        case BYTE, SHORT, INT, LONG, BIG_INTEGER -> {
          BigInteger n = new BigInteger(text);
          long[] range = s.kind().range();
          if (range != null && (n.compareTo(BigInteger.valueOf(range[0])) < 0
              || n.compareTo(BigInteger.valueOf(range[1])) > 0)) {
            return Parsed.error("out of the range of " + s.javaType());
          }
          return new Parsed(new BigDecimal(n), n.toString(), null);
        }
        case FLOAT, DOUBLE, BIG_DECIMAL -> {
          BigDecimal d = new BigDecimal(text);
          if (s.kind() == ScalarKind.FLOAT && Float.isInfinite(d.floatValue())
              || s.kind() == ScalarKind.DOUBLE && Double.isInfinite(d.doubleValue())) {
            return Parsed.error("out of the range of " + s.javaType());
          }
          return new Parsed(d, d.toString(), null);
        }
        case STRING -> {
          return new Parsed(text, quote(text), null);
        }
        case UUID -> {
          if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return Parsed.error("not a UUID");
          }
          return new Parsed(text, quote(text), null);
        }
        case URI -> {
          if (!new URI(text).isAbsolute()) {
            return Parsed.error("not an absolute URI");
          }
          return new Parsed(text, quote(text), null);
        }
        case LOCAL_DATE -> {
          LocalDate.parse(text);
          return new Parsed(text, quote(text), null);
        }
        case INSTANT, OFFSET_DATE_TIME -> {
          OffsetDateTime.parse(text);
          return new Parsed(text, quote(text), null);
        }
        case DURATION -> {
          Duration.parse(text);
          return new Parsed(text, quote(text), null);
        }
        default -> {
          return Parsed.error("defaults are not supported on " + s.javaType());
        }
      }
    } catch (Exception e) {
      return Parsed.error("does not parse as " + s.javaType());
    }
  }

  private static String quote(String s) {
    return dev.toolwarden.processor.gen.Json.quote(s);
  }
}
