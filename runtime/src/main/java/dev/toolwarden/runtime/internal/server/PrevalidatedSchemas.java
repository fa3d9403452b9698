package dev.toolwarden.runtime.internal.server;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The schema validator handed to the SDK ({@code McpServer...jsonSchemaValidator(..)}, its supported
 * plug-in point). At {@code build()} the SDK checks every tool schema against the JSON Schema 2020-12
 * meta-schema; the schemas of processor-generated bundles were produced and checked at compile time, so
 * for exactly those schema objects (by identity) the check is skipped — and with it loading the SDK's
 * schema library and the meta-schema at start-up. Any other schema (a hand-written bundle) is still
 * checked by the SDK's default validator, and per-call validation ({@link #validate}: the SDK's output
 * check, and input validation when kept) always uses it; it is created on first use, not at start-up.
 */
final class PrevalidatedSchemas implements JsonSchemaValidator {

  private final Set<Map<String, Object>> checkedAtCompileTime = Collections.newSetFromMap(new IdentityHashMap<>());
  private volatile JsonSchemaValidator sdkDefault;

  /** Marks {@code schema} (the very object the SDK will be given) as checked by the processor. */
  void trust(Map<String, Object> schema) {
    if (schema != null) {
      checkedAtCompileTime.add(schema);
    }
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    if (checkedAtCompileTime.contains(schema)) {
      return ValidationResponse.asValid(null);
    }
    return sdkDefault().validateSchema(schema);
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    return sdkDefault().validate(schema, structuredContent);
  }

  private JsonSchemaValidator sdkDefault() {
    JsonSchemaValidator v = sdkDefault;
    if (v == null) {
      synchronized (this) {
        v = sdkDefault;
        if (v == null) {
          v = McpJsonDefaults.getSchemaValidator();
          sdkDefault = v;
        }
      }
    }
    return v;
  }
}
