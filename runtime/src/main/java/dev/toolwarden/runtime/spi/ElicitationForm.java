package dev.toolwarden.runtime.spi;

import java.util.Map;

/**
 * A record a tool asks the user to fill in ({@link dev.toolwarden.runtime.ToolContext#elicit(Class, String)}), as the
 * processor generates it for each record named by {@code @Elicits}: the record's form schema (the flat subset of JSON
 * Schema that elicitation allows) as a constant, and a generated reader that binds and validates the user's answer
 * into the record — no reflection.
 *
 * @param <T> the record
 * @param type the record's class (the runtime finds the form by it)
 * @param schema the {@code requestedSchema}, JSON text: an object of primitive properties
 * @param reader binds the answer's {@code content} into the record
 */
public record ElicitationForm<T>(Class<T> type, String schema, Reader<T> reader) {

  /** Checks that every part is there. */
  public ElicitationForm {
    if (type == null || schema == null || reader == null) {
      throw new IllegalArgumentException("an elicitation form needs its type, schema and reader");
    }
  }

  /** Generated code: binds a user's answer into the record. */
  @FunctionalInterface
  public interface Reader<T> {

    /**
     * The record, or null after adding to {@code violations} each way {@code content} breaks the form.
     *
     * @param content the answer's {@code content} object
     * @param violations where each violation is reported, with its JSON pointer into {@code content}
     */
    T read(Map<String, Object> content, Violations violations);
  }
}
