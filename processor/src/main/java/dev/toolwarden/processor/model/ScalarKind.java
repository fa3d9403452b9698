package dev.toolwarden.processor.model;

/** Scalar types, with their JSON Schema type, format and the Check method that reads them. */
public enum ScalarKind {
  BOOLEAN("boolean", null),
  BYTE("integer", null),
  SHORT("integer", null),
  INT("integer", null),
  LONG("integer", null),
  BIG_INTEGER("integer", null),
  FLOAT("number", null),
  DOUBLE("number", null),
  BIG_DECIMAL("number", null),
  STRING("string", null),
  UUID("string", "uuid"),
  URI("string", "uri"),
  /** {@code java.net.URL}: only with {@code @SafeUrl}, which hands it the checked URI's {@code toURL()}. */
  URL("string", "uri"),
  LOCAL_DATE("string", "date"),
  INSTANT("string", "date-time"),
  OFFSET_DATE_TIME("string", "date-time"),
  DURATION("string", "duration"),
  PATH("string", null);

  private final String jsonType;
  private final String format;

  ScalarKind(String jsonType, String format) {
    this.jsonType = jsonType;
    this.format = format;
  }

  public String jsonType() {
    return jsonType;
  }

  public String format() {
    return format;
  }

  public boolean isIntegral() {
    return this == BYTE || this == SHORT || this == INT || this == LONG || this == BIG_INTEGER;
  }

  public boolean isNumeric() {
    return jsonType.equals("integer") || jsonType.equals("number");
  }

  /** Text-valued kinds, on which string constraints apply. */
  public boolean isText() {
    return this == STRING;
  }

  /** The inclusive range of a bounded integral Java type; {@code null} when unbounded. */
  public long[] range() {
    return switch (this) {
      case BYTE -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      case SHORT -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case INT -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case LONG -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
      default -> null;
    };
  }
}
