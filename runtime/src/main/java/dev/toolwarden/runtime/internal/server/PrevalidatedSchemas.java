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
 * checked by the SDK's default validator. Per-call validation ({@link #validate}: the SDK's output check,
 * and input validation when kept) of a generated bundle's schema goes through its compiled
 * {@link OutputSchemaCheck}, which defers to the SDK's validator wherever it is not sure; every other schema
 * is checked by the SDK's validator, created on first use, not at start-up.
 */
final class PrevalidatedSchemas implements JsonSchemaValidator {

  private final Set<Map<String, Object>> checkedAtCompileTime = Collections.newSetFromMap(new IdentityHashMap<>());
  /**
   * The compiled output checks of trusted schemas, by identity; a schema that does not compile maps to NONE. Copied on
   * write and never changed once published: every call reads it, and a lock here (a synchronized map) was taken by
   * every call of every tool, which queued the request threads behind each other at 32 concurrent clients.
   */
  private volatile Map<Map<String, Object>, Object> outputChecks = new IdentityHashMap<>();
  private static final Object NONE = new Object();
  private static final String INVALID = "Validation failed: structuredContent does not match tool outputSchema. "
      + "Validation errors: ";
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

  /**
   * The SDK's output check. For a trusted schema the compiled {@link OutputSchemaCheck} gives the verdict where it is
   * sure, and the SDK's validator everywhere else. A valid verdict carries no JSON text: the SDK uses that text only
   * for a result without content, and Toolwarden's structured results always carry their JSON as text content.
   */
  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    Object check = outputChecks.get(schema);
    if (check == null && checkedAtCompileTime.contains(schema)) {
      check = compiled(schema);
    }
    if (check instanceof OutputSchemaCheck c) {
      StringBuilder problem = new StringBuilder();
      switch (c.check(structuredContent, problem)) {
        case VALID -> {
          return ValidationResponse.asValid(null);
        }
        case INVALID -> {
          return ValidationResponse.asInvalid(INVALID + "[" + problem + "]");
        }
        default -> {
          // unsure: the SDK's validator decides
        }
      }
    }
    return sdkDefault().validate(schema, structuredContent);
  }

  /** Compiles the check of a trusted schema once and publishes it with the others. */
  private synchronized Object compiled(Map<String, Object> schema) {
    Object check = outputChecks.get(schema);
    if (check == null) {
      OutputSchemaCheck compiled = OutputSchemaCheck.compile(schema);
      check = compiled == null ? NONE : compiled;
      Map<Map<String, Object>, Object> next = new IdentityHashMap<>(outputChecks);
      next.put(schema, check);
      outputChecks = next;
    }
    return check;
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
