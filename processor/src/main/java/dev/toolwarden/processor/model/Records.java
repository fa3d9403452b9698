package dev.toolwarden.processor.model;

import java.util.Map;

/** Finds a record's model by its type, among the records a class's tools reach. */
final class Records {

  private Records() {}

  static RecordModel find(Map<String, RecordModel> records, JType.RecordType type) {
    for (RecordModel m : records.values()) {
      if (m.element().equals(type.element())) {
        return m;
      }
    }
    throw new IllegalStateException("record not read: " + type.javaType());
  }
}
