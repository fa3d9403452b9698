package dev.toolwarden.processor.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The oracle: the MCP SDK's own validator library, networknt json-schema-validator 3.0.6, set up
 * as the SDK sets it up ({@code SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())},
 * schema and arguments handed over as {@code valueToTree} of the SDK's maps) except that format
 * assertion is ON ({@code SchemaRegistryConfig.formatAssertionsEnabled(true)}); the SDK's default
 * only annotates formats. A second registry without format assertion tells format-only
 * differences apart from the rest.
 */
final class Oracle {

  /** The shared Jackson 3 mapper the SDK's DefaultJsonSchemaValidator uses. */
  static final JsonMapper TREES = JsonMapper.shared();

  private static final SchemaRegistry ASSERTING = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static final SchemaRegistry ANNOTATING = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(false).build()));

  private final Schema asserting;
  private final Schema annotating;

  /**
   * @param schemaJson the tool's input schema text, as the generated bundle holds it; it reaches the
   *     SDK as a Map parsed by the SDK's mapper (so a bound with more than 17 significant digits
   *     becomes a double, exactly as in production)
   */
  Oracle(String schemaJson) {
    Map<String, Object> schemaMap = parseSchemaAsSdk(schemaJson);
    JsonNode node = TREES.valueToTree(schemaMap);
    this.asserting = ASSERTING.getSchema(node);
    this.annotating = ANNOTATING.getSchema(node);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseSchemaAsSdk(String json) {
    try {
      return JsonText.SDK.readValue(json, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Errors with format assertion on (empty = valid). */
  List<Error> validate(Map<String, Object> arguments) {
    return asserting.validate(TREES.valueToTree(arguments));
  }

  /** Errors with format as annotation only (the SDK's default behaviour). */
  List<Error> validateIgnoringFormats(Map<String, Object> arguments) {
    return annotating.validate(TREES.valueToTree(arguments));
  }
}
