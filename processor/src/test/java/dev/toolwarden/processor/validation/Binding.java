package dev.toolwarden.processor.validation;

import dev.toolwarden.runtime.ToolContext;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that the Java values a tool method received are the values the client sent: walks the
 * JSON input (read with exact numbers) alongside the method's generic parameter types and the
 * received objects. A number the SDK's parser could not carry exactly (a double rounds anything
 * beyond 17 significant digits, and integers beyond 2^53 written with a fraction or exponent) is
 * counted as {@link #imprecise}, not as a mismatch, when the tool received what the SDK delivered.
 */
final class Binding {

  private static final JsonMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  final List<String> mismatches = new ArrayList<>();
  final List<String> imprecise = new ArrayList<>();
  private Map<String, Object> root;

  /** Compares the captured arguments of one accepted call with its JSON input. */
  @SuppressWarnings("unchecked")
  void check(Tool tool, String json, Object[] received) {
    Map<String, Object> input = EXACT.readValue(json, Map.class);
    root = tool.exactSchema();
    Map<String, Object> props = Inputs.map(tool.exactSchema().get("properties"));
    List<String> names = new ArrayList<>(props.keySet());
    Type[] types = tool.method().getGenericParameterTypes();
    int n = 0;
    for (int i = 0; i < types.length; i++) {
      if (types[i] == ToolContext.class) {
        continue;
      }
      String name = names.get(n++);
      Map<String, Object> schema = Inputs.map(props.get(name));
      compareField(tool + " /" + name, types[i], input, name, schema, received[i]);
    }
  }

  private void compareField(String where, Type type, Map<String, Object> object, String name,
      Map<String, Object> schema, Object actual) {
    if (!object.containsKey(name)) {
      if (schema != null && schema.containsKey("default")) {
        compare(where + " (default)", type, schema.get("default"), actual);
      } else {
        expectAbsent(where, type, actual);
      }
      return;
    }
    compare(where, type, object.get(name), actual);
  }

  private void expectAbsent(String where, Type type, Object actual) {
    if (raw(type) == Optional.class) {
      if (!(actual instanceof Optional<?> o) || o.isPresent()) {
        mismatch(where, "absent", actual);
      }
    } else if (actual != null) {
      mismatch(where, "absent (null)", actual);
    }
  }

  private void compare(String where, Type type, Object json, Object actual) {
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      if (!(actual instanceof Optional<?> o)) {
        mismatch(where, json, actual);
      } else if (json == null) {
        if (o.isPresent()) {
          mismatch(where, null, actual);
        }
      } else if (o.isEmpty()) {
        mismatch(where, json, actual);
      } else {
        compare(where, arg(type, 0), json, o.get());
      }
      return;
    }
    if (json == null) {
      if (actual != null) {
        mismatch(where, null, actual);
      }
      return;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      same(where, json, actual, json.equals(actual));
    } else if (raw == byte.class || raw == Byte.class || raw == short.class || raw == Short.class
        || raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == BigInteger.class) {
      number(where, (Number) json, actual, true);
    } else if (raw == BigDecimal.class) {
      number(where, (Number) json, actual, false);
    } else if (raw == float.class || raw == Float.class) {
      float expected = (float) sdkDouble((Number) json);
      same(where, json, actual, actual instanceof Float f && (f == expected || Float.compare(f, expected) == 0));
    } else if (raw == double.class || raw == Double.class) {
      double expected = sdkDouble((Number) json);
      same(where, json, actual, actual instanceof Double d && (d == expected || Double.compare(d, expected) == 0));
    } else if (raw == String.class) {
      same(where, json, actual, json.equals(actual));
    } else if (raw.isEnum()) {
      same(where, json, actual, actual instanceof Enum<?> e && e.name().equals(json));
    } else if (raw == UUID.class) {
      same(where, json, actual, UUID.fromString((String) json).equals(actual));
    } else if (raw == URI.class) {
      same(where, json, actual, actual != null && actual.toString().equals(json));
    } else if (raw == LocalDate.class) {
      same(where, json, actual, LocalDate.parse((String) json).equals(actual));
    } else if (raw == Instant.class) {
      same(where, json, actual, dateTime((String) json).toInstant().equals(actual));
    } else if (raw == OffsetDateTime.class) {
      same(where, json, actual, dateTime((String) json).equals(actual));
    } else if (raw == Duration.class) {
      same(where, json, actual, Duration.parse((String) json).equals(actual));
    } else if (raw.isArray()) {
      List<?> l = (List<?>) json;
      if (actual == null || Array.getLength(actual) != l.size()) {
        mismatch(where, json, actual);
        return;
      }
      for (int i = 0; i < l.size(); i++) {
        compare(where + "/" + i, raw.getComponentType(), l.get(i), Array.get(actual, i));
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      List<?> l = (List<?>) json;
      if (!(actual instanceof Collection<?> c) || c.size() != l.size()) {
        mismatch(where, json, actual);
        return;
      }
      Iterator<?> it = c.iterator();
      for (int i = 0; i < l.size(); i++) {
        compare(where + "/" + i, arg(type, 0), l.get(i), it.next());
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      Map<?, ?> m = (Map<?, ?>) json;
      if (!(actual instanceof Map<?, ?> a) || !a.keySet().equals(m.keySet())) {
        mismatch(where, json, actual);
        return;
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        compare(where + "/" + e.getKey(), arg(type, 1), e.getValue(), a.get(e.getKey()));
      }
    } else if (raw.isRecord()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) json;
      if (actual == null || actual.getClass() != raw) {
        mismatch(where, json, actual);
        return;
      }
      for (RecordComponent c : raw.getRecordComponents()) {
        Object value;
        try {
          c.getAccessor().setAccessible(true);
          value = c.getAccessor().invoke(actual);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        compareField(where + "/" + c.getName(), c.getGenericType(), m, c.getName(), recordDefault(m, c), value);
      }
    } else {
      mismatch(where, "a value of unsupported type " + raw, actual);
    }
  }

  /** A record component's schema, from the tool's $defs (named after the record's simple name). */
  private Map<String, Object> recordDefault(Map<String, Object> json, RecordComponent c) {
    Map<String, Object> defs = Inputs.map(root.get("$defs"));
    Map<String, Object> def = defs == null ? null : Inputs.map(defs.get(c.getDeclaringRecord().getSimpleName()));
    Map<String, Object> props = def == null ? null : Inputs.map(def.get("properties"));
    return props == null ? null : Inputs.map(props.get(c.getName()));
  }

  private static OffsetDateTime dateTime(String s) {
    return OffsetDateTime.parse(s.replace('t', 'T').replace('z', 'Z'));
  }

  /** The double the SDK's parser made of a JSON number. */
  static double sdkDouble(Number exact) {
    if (exact instanceof BigDecimal d) {
      return Double.parseDouble(d.toString());
    }
    return exact.doubleValue();
  }

  private void number(String where, Number json, Object actual, boolean integral) {
    BigDecimal sent = json instanceof BigDecimal d ? d : new BigDecimal(json.toString());
    BigDecimal got = actual instanceof BigDecimal d ? d : actual instanceof Number n ? new BigDecimal(n.toString()) : null;
    if (got != null && got.compareTo(sent) == 0) {
      return;
    }
    if (got != null && json instanceof BigDecimal) {
      // written with a fraction or an exponent: the SDK delivered a double, which may not hold the text exactly
      double d = sdkDouble(json);
      BigDecimal exactDouble = new BigDecimal(d);
      BigDecimal shortest = new BigDecimal(Double.toString(d));
      if (exactDouble.compareTo(sent) != 0 && (got.compareTo(exactDouble) == 0 || got.compareTo(shortest) == 0)) {
        imprecise.add(where + ": sent " + sent.toPlainString() + ", the SDK's double is " + d + ", received " + got);
        return;
      }
    }
    mismatch(where, json, actual);
  }

  private void same(String where, Object json, Object actual, boolean ok) {
    if (!ok) {
      mismatch(where, json, actual);
    }
  }

  private void mismatch(String where, Object json, Object actual) {
    mismatches.add(where + ": sent " + json + " but the method received " + describe(actual));
  }

  private static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v.getClass().isArray()) {
      List<Object> l = new ArrayList<>();
      for (int i = 0; i < Array.getLength(v); i++) {
        l.add(Array.get(v, i));
      }
      return "array " + l;
    }
    return v.getClass().getSimpleName() + " " + v;
  }

  static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (t instanceof java.lang.reflect.AnnotatedType a) {
      return raw(a.getType());
    }
    throw new IllegalArgumentException("unexpected type " + t);
  }

  static Type arg(Type t, int i) {
    return ((ParameterizedType) t).getActualTypeArguments()[i];
  }
}
