package dev.toolwarden.processor.model;

/**
 * The plan for binding one JSON value to a typed Java value: a tool argument, a record component,
 * or an element of a list or map. Built once in the model step, from what the user declared, so
 * the validator emitter only turns a plan into code and decides nothing about the rules.
 *
 * @param name the JSON property name, or null for an element
 * @param pointer the JSON pointer of the property relative to the object holding it, escaped
 *     ({@code /a~1b}), or null for an element (whose pointer is its index or key)
 * @param type the Java type the value is bound to, {@code Optional} included
 * @param value the JSON value's type: {@code type} without its {@code Optional}
 * @param constraints every constraint that applies to the value (an Optional's and its type
 *     argument's merged)
 * @param presence what an absent or null value means
 * @param defaultValue the parsed default when {@code presence} is {@link Presence#DEFAULTED}
 * @param redacted whether the value itself is {@code @Redact}; values inside it inherit that
 * @param pathRule the {@code @SafePath} rule the value (or each of its elements) is confined by, or null
 * @param urlRule the {@code @SafeUrl} rule the value (or each of its elements) is checked by, or null
 * @param element the plan of each item (list, set, array) or value (map), or null
 * @param record the record a JSON object is bound to, or null
 */
public record Binding(
    String name,
    String pointer,
    JType type,
    JType value,
    Constraints constraints,
    Presence presence,
    Object defaultValue,
    boolean redacted,
    PathRuleModel pathRule,
    UrlRuleModel urlRule,
    Binding element,
    RecordModel record) {

  /** What an absent or null value means. */
  public enum Presence {
    /** Absent: a "required" violation; null: a "must not be null" violation. */
    REQUIRED,
    /** Absent: the default value; null: a "must not be null" violation. */
    DEFAULTED,
    /** Absent or null: the neutral value ({@code null} or {@code Optional.empty()}). */
    NULLABLE
  }

  /** Whether the Java type wraps the value in an {@code Optional}. */
  public boolean optional() {
    return type instanceof JType.OptionalType;
  }
}
