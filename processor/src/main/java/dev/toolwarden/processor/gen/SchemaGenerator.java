package dev.toolwarden.processor.gen;

import dev.toolwarden.processor.model.Bound;
import dev.toolwarden.processor.model.Constraints;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ScalarKind;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.ToolModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a tool's input and output JSON Schemas (2020-12). Every object has
 * {@code additionalProperties: false}; records go under {@code $defs} and are referenced
 * locally, so recursive records work; a Java type's range is part of the schema, so the
 * schema rejects exactly what the generated validator rejects.
 */
public final class SchemaGenerator {

  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private final ToolClassModel owner;

  public SchemaGenerator(ToolClassModel owner) {
    this.owner = owner;
  }

  /** The schema of the named values the client sends: a tool's input, a template's variables, a prompt's arguments. */
  public String input(Operation tool) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", DIALECT);
    root.put("type", "object");
    Set<String> defs = new LinkedHashSet<>();
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Field p : tool.parameters()) {
      if (p.type() instanceof JType.Context) {
        continue;
      }
      props.put(p.jsonName(), field(p, defs, false));
      if (p.required()) {
        required.add(p.jsonName());
      }
    }
    root.put("properties", props);
    if (!required.isEmpty()) {
      root.put("required", required);
    }
    root.put("additionalProperties", false);
    addDefs(root, defs, false);
    return Json.write(root);
  }

  /** The output schema, or null when the result is not structured. */
  public String output(ToolModel tool) {
    Set<String> defs = new LinkedHashSet<>();
    Map<String, Object> root;
    switch (tool.returnKind()) {
      case STRUCTURED_RECORD -> {
        RecordModel r = owner.record((JType.RecordType) tool.returnType());
        root = new LinkedHashMap<>();
        root.put("$schema", DIALECT);
        root.putAll(recordSchema(r, defs, true));
      }
      case STRUCTURED_OBJECT -> {
        root = new LinkedHashMap<>();
        root.put("$schema", DIALECT);
        root.putAll(type(tool.returnType(), Constraints.none(), defs, true));
      }
      case STRUCTURED_WRAPPED -> {
        root = new LinkedHashMap<>();
        root.put("$schema", DIALECT);
        root.put("type", "object");
        Map<String, Object> result = tool.returnRedacted()
            ? redactedOutput()
            : tool.returnType() instanceof JType.OptionalType o
                ? nullable(type(o.value(), Constraints.none(), defs, true))
                : type(tool.returnType(), Constraints.none(), defs, true);
        root.put("properties", Map.of("result", result));
        root.put("required", List.of("result"));
        root.put("additionalProperties", false);
      }
      default -> {
        return null;
      }
    }
    addDefs(root, defs, true);
    return Json.write(root);
  }

  /** What each primitive property of an elicitation form may say (MCP's {@code PrimitiveSchemaDefinition}s). */
  private static final Set<String> FORM_KEYWORDS = Set.of("type", "title", "description", "minLength", "maxLength",
      "format", "minimum", "maximum", "default", "enum", "items", "minItems", "maxItems", "uniqueItems");

  /**
   * The {@code requestedSchema} of an elicitation form: a flat object of the record's components, in the subset
   * elicitation allows. A constraint that subset cannot say (a pattern, an exclusive bound) is left out of the schema
   * and still enforced by the generated reader of the answer.
   */
  public String form(RecordModel r) {
    Map<String, Object> s = recordSchema(r, new LinkedHashSet<>(), false);
    s.remove("additionalProperties"); // not part of the form subset; the reader still refuses unknown fields
    @SuppressWarnings("unchecked")
    Map<String, Object> props = (Map<String, Object>) s.get("properties");
    for (Map.Entry<String, Object> e : props.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) e.getValue());
      p.keySet().retainAll(FORM_KEYWORDS);
      // a form has no null: an Optional or @Nullable field is simply not required
      if (p.get("type") instanceof List<?> types) {
        p.put("type", types.stream().filter(t -> !"null".equals(t)).map(Object.class::cast).findFirst()
            .orElse("string"));
      }
      if (p.get("enum") instanceof List<?> constants) {
        p.put("enum", constants.stream().filter(java.util.Objects::nonNull).toList());
      }
      e.setValue(p);
    }
    return Json.write(s);
  }

  private void addDefs(Map<String, Object> root, Set<String> used, boolean output) {
    if (used.isEmpty()) {
      return;
    }
    Map<String, Object> defs = new LinkedHashMap<>();
    // records reached from records are added while iterating: loop until no new name appears
    List<String> pending = new ArrayList<>(used);
    for (int i = 0; i < pending.size(); i++) {
      String name = pending.get(i);
      Set<String> more = new LinkedHashSet<>();
      defs.put(name, recordSchema(owner.records().get(name), more, output));
      for (String m : more) {
        if (!pending.contains(m)) {
          pending.add(m);
        }
      }
    }
    root.put("$defs", defs);
  }

  private Map<String, Object> recordSchema(RecordModel r, Set<String> defs, boolean output) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Field c : r.components()) {
      props.put(c.jsonName(), field(c, defs, output));
      if (output ? !c.nullable() : c.required()) {
        required.add(c.jsonName());
      }
    }
    s.put("properties", props);
    if (!required.isEmpty()) {
      s.put("required", required);
    }
    s.put("additionalProperties", false);
    return s;
  }

  private Map<String, Object> field(Field f, Set<String> defs, boolean output) {
    Map<String, Object> s;
    if (output && f.redacted()) {
      s = redactedOutput();
      s.remove("description"); // the field's own description stays; the masking is said below
    } else {
      JType t = f.type();
      Constraints c = f.constraints();
      if (t instanceof JType.OptionalType o) {
        t = o.value();
        c = Constraints.merge(c, o.valueConstraints());
      }
      s = type(t, c, defs, output);
      if (f.safeUrl() != null) {
        s = uriFormat(s);
      }
      if (f.nullable()) {
        s = nullable(s);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (output && f.redacted()) {
      out.put("description", f.description() == null ? "redacted" : f.description() + " (redacted)");
    } else if (f.description() != null) {
      out.put("description", f.description());
    }
    out.putAll(s);
    if (f.defaultJson() != null && !output) {
      out.put("default", new Json.RawJson(f.defaultJson()));
    }
    return out;
  }

  /**
   * A {@code @SafeUrl} value is a URI whatever Java type receives it: its string schema (or each
   * item's or map value's) says {@code "format":"uri"}.
   */
  static Map<String, Object> uriFormat(Map<String, Object> s) {
    Map<String, Object> out = new LinkedHashMap<>(s);
    if ("string".equals(out.get("type")) && !out.containsKey("format")) {
      out.put("format", "uri");
    }
    for (String nested : List.of("items", "additionalProperties")) {
      if (out.get(nested) instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) m;
        out.put(nested, uriFormat(inner));
      }
    }
    return out;
  }

  private static Map<String, Object> redactedOutput() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", List.of("string", "null"));
    s.put("description", "redacted");
    return s;
  }

  /** Lets a schema accept null as well. */
  static Map<String, Object> nullable(Map<String, Object> s) {
    Object type = s.get("type");
    Map<String, Object> out = new LinkedHashMap<>(s);
    if (type instanceof String t) {
      out.put("type", List.of(t, "null"));
      Object e = s.get("enum");
      if (e instanceof List<?> values) {
        List<Object> withNull = new ArrayList<>(values);
        withNull.add(null);
        out.put("enum", withNull);
      }
      return out;
    }
    if (type instanceof List<?>) {
      return out;
    }
    Map<String, Object> any = new LinkedHashMap<>();
    any.put("anyOf", List.of(s, Map.of("type", "null")));
    return any;
  }

  /** The schema of a value of type {@code t} carrying constraints {@code c}. */
  Map<String, Object> type(JType t, Constraints c, Set<String> defs, boolean output) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (t instanceof JType.Scalar sc) {
      s.put("type", sc.kind().jsonType());
      if (sc.kind().format() != null) {
        s.put("format", sc.kind().format());
      }
      if (!output) {
        if (sc.kind().isNumeric()) {
          numericBounds(sc.kind(), c, s);
        } else if (sc.kind().isText()) {
          stringConstraints(c, s);
        }
      }
    } else if (t instanceof JType.EnumType e) {
      s.put("type", "string");
      s.put("enum", new ArrayList<Object>(e.constants()));
    } else if (t instanceof JType.RecordType r) {
      String name = owner.record(r).defName();
      defs.add(name);
      s.put("$ref", "#/$defs/" + name);
    } else if (t instanceof JType.ArrayType a) {
      s.put("type", "array");
      Map<String, Object> items = type(a.element(), a.elementConstraints(), defs, output);
      s.put("items", a.elementNullable() ? nullable(items) : items);
      if (!output) {
        sizes(c, s, "minItems", "maxItems");
      }
      if (a.container() == JType.Container.SET) {
        s.put("uniqueItems", true);
      }
    } else if (t instanceof JType.MapType m) {
      s.put("type", "object");
      Map<String, Object> values = type(m.value(), m.valueConstraints(), defs, output);
      s.put("additionalProperties", m.valueNullable() ? nullable(values) : values);
      if (!output) {
        sizes(c, s, "minProperties", "maxProperties");
      }
    } else if (t instanceof JType.OptionalType o) {
      return nullable(type(o.value(), Constraints.merge(c, o.valueConstraints()), defs, output));
    }
    return s;
  }

  private static void sizes(Constraints c, Map<String, Object> s, String min, String max) {
    if (c.minSize != null && c.minSize > 0) {
      s.put(min, c.minSize);
    }
    if (c.maxSize != null && c.maxSize < Integer.MAX_VALUE) {
      s.put(max, c.maxSize);
    }
  }

  private static void stringConstraints(Constraints c, Map<String, Object> s) {
    sizes(c, s, "minLength", "maxLength");
    if (c.pattern != null) {
      s.put("pattern", "^(?:" + c.pattern + ")$");
    }
    // a string has one "pattern" keyword: further patterns go under allOf
    List<Object> more = new ArrayList<>();
    if (c.extraPattern != null) {
      more.add(Map.of("pattern", "^(?:" + c.extraPattern + ")$"));
    }
    if (c.notBlank) {
      if (c.pattern == null) {
        s.put("pattern", NOT_BLANK_PATTERN);
      } else {
        more.add(Map.of("pattern", NOT_BLANK_PATTERN));
      }
    }
    if (!more.isEmpty()) {
      s.put("allOf", more);
    }
    if (c.email) {
      s.put("format", "email");
    }
  }

  /** Matches a string with a character that is not ASCII whitespace. */
  public static final String NOT_BLANK_PATTERN = "[^ \\t\\n\\u000b\\f\\r]";

  /** Emits the tighter of the declared bound and the Java type's range, on each side. */
  private static void numericBounds(ScalarKind kind, Constraints c, Map<String, Object> s) {
    long[] range = kind.range();
    BigDecimal[] floatRange = switch (kind) {
      case FLOAT -> new BigDecimal[] {new BigDecimal(-Float.MAX_VALUE), new BigDecimal(Float.MAX_VALUE)};
      default -> null;
    };
    Bound typeLow = range != null ? new Bound(BigDecimal.valueOf(range[0]), false, "type")
        : floatRange != null ? new Bound(floatRange[0], false, "type") : null;
    Bound typeHigh = range != null ? new Bound(BigDecimal.valueOf(range[1]), false, "type")
        : floatRange != null ? new Bound(floatRange[1], false, "type") : null;
    Bound low = pick(c.lower, typeLow, true);
    Bound high = pick(c.upper, typeHigh, false);
    if (low != null) {
      s.put(low.exclusive() ? "exclusiveMinimum" : "minimum", low.value());
    }
    if (high != null) {
      s.put(high.exclusive() ? "exclusiveMaximum" : "maximum", high.value());
    }
  }

  private static Bound pick(Bound declared, Bound type, boolean lower) {
    if (declared == null) {
      return type;
    }
    if (type == null) {
      return declared;
    }
    return (lower ? declared.tighterLower(type) : declared.tighterUpper(type)) ? declared : type;
  }
}
