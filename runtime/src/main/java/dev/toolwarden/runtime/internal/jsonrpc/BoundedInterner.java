package dev.toolwarden.runtime.internal.jsonrpc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct immutable value, for at most {@code capacity} distinct values; past that, values
 * are returned as given. Sessions keep what their client sent at {@code initialize} (its name, version and
 * capabilities) for as long as they live, and the sessions of one deployment come from a handful of client programs:
 * a thousand idle sessions of the same client then hold one copy instead of a thousand. The bound keeps a client that
 * sends a new value every time from growing the table without limit (it only stops being shared).
 */
final class BoundedInterner<T> {

  private final ConcurrentHashMap<T, T> values = new ConcurrentHashMap<>();
  private final int capacity;

  BoundedInterner(int capacity) {
    this.capacity = capacity;
  }

  /** The shared instance equal to {@code value} (records compare by value), or {@code value} itself. */
  T intern(T value) {
    if (value == null) {
      return null;
    }
    T shared = values.get(value);
    if (shared != null) {
      return shared;
    }
    if (values.size() >= capacity) {
      return value;
    }
    shared = values.putIfAbsent(value, value);
    return shared != null ? shared : value;
  }
}
