package dev.toolwarden.runtime.spi;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Helpers for generated result mappers, which turn a tool's return value into a JSON tree
 * ({@code Map}, {@code List}, strings, numbers, booleans, null) without reflecting on user types.
 */
public final class Out {

  private Out() {}

  /** {@code toString()} of a value, or null. */
  public static Object text(Object value) {
    return value == null ? null : value.toString();
  }

  /** An enum's constant name, or null. */
  public static Object name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  /** Maps each element of a collection. */
  public static <T> List<Object> list(Collection<T> values, Function<? super T, Object> element) {
    if (values == null) {
      return null;
    }
    List<Object> out = new ArrayList<>(values.size());
    for (T v : values) {
      out.add(v == null ? null : element.apply(v));
    }
    return out;
  }

  /** Maps each element of an array, primitive arrays included (elements arrive boxed). */
  @SuppressWarnings("unchecked")
  public static <T> List<Object> array(Object array, Function<T, Object> element) {
    if (array == null) {
      return null;
    }
    int n = Array.getLength(array);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      T v = (T) Array.get(array, i);
      out.add(v == null ? null : element.apply(v));
    }
    return out;
  }

  /** Maps each value of a map, keeping the keys and their order. */
  public static <T> Map<String, Object> map(Map<String, T> values, Function<? super T, Object> value) {
    if (values == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, T> e : values.entrySet()) {
      out.put(e.getKey(), e.getValue() == null ? null : value.apply(e.getValue()));
    }
    return out;
  }
}
