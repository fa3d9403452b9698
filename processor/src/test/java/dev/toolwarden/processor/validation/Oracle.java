package dev.toolwarden.processor.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The oracle: the MCP SDK's own validator library, networknt json-schema-validator 3.0.6, set up
 * as the SDK's {@code DefaultJsonSchemaValidator} sets it up
 * ({@code SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())}, arguments handed over as
 * {@code JsonMapper.shared().valueToTree(arguments)}) except that format assertion is ON
 * ({@code SchemaRegistryConfig.Builder.formatAssertionsEnabled(true)}); the SDK's default only
 * annotates formats. A second registry without format assertion tells format-only differences
 * apart from the rest.
 *
 * <p>The schema is the generated constant text, read with exact numbers. The SDK itself would parse
 * it into a {@code Map} first (doubles), which rounds bounds with more than 17 significant digits:
 * {@link #validateAsSdk} evaluates that variant too, so the difference is reported.
 *
 * <p>networknt 3.0.6 throws (Jackson 3's {@code asLong()} refuses out-of-range doubles) when an
 * integer-typed instance is a double beyond the long range and the bound is an int/long; the SDK
 * turns that exception into "invalid". {@link Result#crash()} records it, and the verdict is
 * then taken on the same tree with such doubles written as the (exact, integral) big integers
 * networknt would compare anyway.
 */
final class Oracle {

  /** The shared Jackson 3 mapper the SDK's DefaultJsonSchemaValidator uses. */
  static final JsonMapper TREES = JsonMapper.shared();

  private static final JsonMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private static final SchemaRegistry ASSERTING = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
          .pathType(PathType.JSON_POINTER).build()));

  private static final SchemaRegistry ANNOTATING = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(false)
          .pathType(PathType.JSON_POINTER).build()));

  private final Schema asserting;
  private final Schema annotating;
  private final Schema assertingAsSdk;
  private final boolean sdkRoundsBounds;

  Oracle(String schemaJson) {
    JsonNode exact = EXACT.readTree(schemaJson);
    this.asserting = ASSERTING.getSchema(exact);
    this.annotating = ANNOTATING.getSchema(exact);
    this.assertingAsSdk = ASSERTING.getSchema(TREES.valueToTree(parseSchemaAsSdk(schemaJson)));
    this.sdkRoundsBounds = roundedByDouble(exact);
  }

  /** Whether the SDK's Map of the schema (doubles) holds a number other than the schema text's. */
  boolean sdkRoundsBounds() {
    return sdkRoundsBounds;
  }

  private static boolean roundedByDouble(JsonNode n) {
    if (n.isBigDecimal()) {
      BigDecimal d = n.decimalValue();
      double x = d.doubleValue();
      return !Double.isFinite(x) || new BigDecimal(Double.toString(x)).compareTo(d) != 0;
    }
    for (JsonNode c : n) {
      if (roundedByDouble(c)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseSchemaAsSdk(String json) {
    try {
      return JsonText.SDK.readValue(json, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * networknt's errors (empty = valid); the exception it threw on the SDK's tree, if any; and
   * whether it threw on the widened tree too (then the SDK would answer "invalid", and so do we).
   */
  record Result(List<Error> errors, RuntimeException crash, boolean unresolved, boolean saturated) {
    boolean valid() {
      return !unresolved && errors.isEmpty();
    }

    @Override
    public String toString() {
      String c = crash == null ? "" : " (networknt threw " + crash + (unresolved ? " twice" : "; verdict on the"
          + " widened tree") + ")";
      if (saturated) {
        c += " (networknt's asLong() saturated a double of 2^63; verdict on the widened tree)";
      }
      return (valid() ? "ACCEPT" : "REJECT " + errors) + c;
    }
  }

  /** Formats asserted, the schema read exactly. */
  Result validate(Map<String, Object> arguments) {
    return run(asserting, arguments);
  }

  /** Formats as annotations only (the SDK's default behaviour). */
  Result validateIgnoringFormats(Map<String, Object> arguments) {
    return run(annotating, arguments);
  }

  /** Formats asserted, the schema as the SDK would hold it (a Map of doubles). */
  Result validateAsSdk(Map<String, Object> arguments) {
    return run(assertingAsSdk, arguments);
  }

  private static Result run(Schema schema, Map<String, Object> arguments) {
    JsonNode tree = TREES.valueToTree(arguments);
    boolean twoPow63 = hasTwoPow63(tree);
    List<Error> errors = null;
    RuntimeException crash = null;
    try {
      errors = schema.validate(tree);
    } catch (RuntimeException e) {
      crash = e;
    }
    if (crash == null && !twoPow63) {
      return new Result(errors, null, false, false);
    }
    // networknt 3.0.6 calls asLong() on an integer instance when the bound is an int/long; for a double beyond
    // +-2^63 Jackson 3 throws, and +2^63 itself it saturates to Long.MAX_VALUE. Judge the same numbers as big
    // integers: any double beyond 2^63 is beyond every long bound whichever decimal it is taken to mean.
    try {
      List<Error> widened = schema.validate(widen(tree));
      boolean saturated = crash == null && errors.isEmpty() != widened.isEmpty();
      return new Result(widened, crash, false, saturated);
    } catch (RuntimeException again) {
      return new Result(List.of(), crash == null ? again : crash, true, false);
    }
  }

  private static boolean hasTwoPow63(JsonNode n) {
    if (n.isDouble()) {
      return n.doubleValue() == 0x1p63;
    }
    for (JsonNode c : n) {
      if (hasTwoPow63(c)) {
        return true;
      }
    }
    return false;
  }

  /** The tree with every finite, integral double beyond the long range as a big integer of the same value. */
  static JsonNode widen(JsonNode n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (n.isObject()) {
      ObjectNode o = f.objectNode();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        o.set(e.getKey(), widen(e.getValue()));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = f.arrayNode();
      for (JsonNode e : n) {
        a.add(widen(e));
      }
      return a;
    }
    if (n.isDouble() && Double.isFinite(n.doubleValue())
        && (n.doubleValue() >= 0x1p63 || n.doubleValue() < -0x1p63)) {
      return f.numberNode(new BigDecimal(Double.toString(n.doubleValue())).toBigIntegerExact());
    }
    if (n.isBigDecimal() && !n.canConvertToLong()) {
      BigDecimal d = n.decimalValue();
      if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
        return f.numberNode(d.toBigIntegerExact());
      }
    }
    return n;
  }
}
