package dev.toolwarden.processor.model;

import javax.lang.model.element.Element;

/**
 * A named value: a tool argument or a record component.
 *
 * @param element the parameter or record component, for diagnostics
 * @param javaName the Java name (parameter or accessor)
 * @param jsonName the property name in the schema
 * @param type the value's shape
 * @param constraints constraints declared on the value itself
 * @param nullable whether the client may send null or omit it (Optional, @Nullable)
 * @param defaultJson the default as JSON text, or null
 * @param defaultValue the parsed default ({@code Long}, {@code BigDecimal}, {@code Boolean},
 *     {@code String}) or null
 * @param description the description or null
 * @param redacted whether the value is @Redact
 * @param keepLast for redacted output values, how many trailing characters stay visible
 * @param safePath the @SafePath declaration or null
 * @param safeUrl the @SafeUrl declaration or null
 */
public record Field(
    Element element,
    String javaName,
    String jsonName,
    JType type,
    Constraints constraints,
    boolean nullable,
    String defaultJson,
    Object defaultValue,
    String description,
    boolean redacted,
    int keepLast,
    SafePathModel safePath,
    SafeUrlModel safeUrl) {

  /** Required arguments must be present: neither nullable nor defaulted. */
  public boolean required() {
    return !nullable && defaultJson == null;
  }
}
