package dev.toolwarden.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.toolwarden.processor.check.Ranges;
import dev.toolwarden.processor.model.Bound;
import dev.toolwarden.processor.model.Constraints;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.SafePathModel;
import dev.toolwarden.processor.model.ScalarKind;
import dev.toolwarden.processor.model.ToolClassModel;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Emits the straight-line code that reads one value from the SDK's parsed arguments into a
 * typed local variable, adding a violation (with its JSON pointer) for every rule it breaks.
 * What it accepts is exactly what {@link SchemaGenerator} writes into the schema.
 */
final class ValueReader {

  private final ToolClassModel model;
  private final Constants constants;
  private final Function<RecordModel, String> recordReader;
  /** The redaction flag values inherit: "false" for arguments, "red" (the reader's parameter) in a record. */
  private final String inheritedRedaction;
  private int next;

  ValueReader(ToolClassModel model, Constants constants, Function<RecordModel, String> recordReader,
      String inheritedRedaction) {
    this.model = model;
    this.constants = constants;
    this.recordReader = recordReader;
    this.inheritedRedaction = inheritedRedaction;
  }

  private String fresh(String prefix) {
    return prefix + (next++);
  }

  static CodeBlock child(CodeBlock base, String token) {
    String suffix = "/" + Pointers.escape(token);
    return base.toString().equals("\"\"") ? CodeBlock.of("$S", suffix) : CodeBlock.of("$L + $S", base, suffix);
  }

  /** Rejects every key of the object that is not a declared property. */
  void unknownKeys(CodeBlock.Builder b, String map, CodeBlock base, List<Field> fields, String noun) {
    CodeBlock keyPointer = base.toString().equals("\"\"")
        ? CodeBlock.of("\"/\" + $T.escape(key)", Types.VIOLATIONS)
        : CodeBlock.of("$L + \"/\" + $T.escape(key)", base, Types.VIOLATIONS);
    b.beginControlFlow("for ($T key : $L.keySet())", String.class, map);
    if (fields.isEmpty()) {
      b.addStatement("v.add($L, \"additionalProperties\", $S)", keyPointer, "unknown " + noun);
    } else {
      b.beginControlFlow("switch (key)");
      for (Field f : fields) {
        b.add("case $S:\n", f.jsonName());
      }
      b.indent().addStatement("break").unindent();
      b.add("default:\n").indent()
          .addStatement("v.add($L, \"additionalProperties\", $S)", keyPointer, "unknown " + noun)
          .unindent();
      b.endControlFlow();
    }
    b.endControlFlow();
  }

  /** Reads a property of an object into a new local variable and returns its name. */
  String field(CodeBlock.Builder b, Field f, String map, CodeBlock base) {
    String raw = fresh("raw");
    String var = fresh("arg");
    CodeBlock ptr = child(base, f.jsonName());
    boolean optional = f.type() instanceof JType.OptionalType;
    TypeName type = Types.of(f.type());
    String red = f.redacted() ? "true" : inheritedRedaction;
    b.addStatement("$T $L = $L.get($S)", Object.class, raw, map, f.jsonName());
    b.addStatement("$T $L = $L", type, var, optional ? CodeBlock.of("$T.empty()", Types.OPTIONAL)
        : CodeBlock.of(Types.neutral(f.type())));
    if (f.nullable()) {
      // absent or null: the neutral value (null or Optional.empty()) stands
      b.beginControlFlow("if ($L != null)", raw);
    } else {
      b.beginControlFlow("if ($L == null)", raw);
      b.beginControlFlow("if ($L.containsKey($S))", map, f.jsonName());
      b.addStatement("v.add($L, \"type\", \"must not be null\", null, false)", ptr);
      if (f.required()) {
        b.nextControlFlow("else");
        b.addStatement("v.add($L, \"required\", $S)", base.toString().equals("\"\"") ? CodeBlock.of("\"\"") : base,
            "missing required " + (base.toString().equals("\"\"") ? "argument" : "property") + " '"
                + f.jsonName() + "'");
      } else {
        b.nextControlFlow("else");
        b.addStatement("$L = $L", var, defaultValue(f));
      }
      b.endControlFlow();
      b.nextControlFlow("else");
    }
    if (optional) {
      JType.OptionalType o = (JType.OptionalType) f.type();
      String inner = fresh("value");
      b.addStatement("$T $L = null", Types.of(o.value()).box(), inner);
      Constraints c = Constraints.merge(f.constraints(), o.valueConstraints());
      value(b, o.value(), c, raw, ptr, inner, red, f.safePath());
      b.addStatement("$L = $T.ofNullable($L)", var, Types.OPTIONAL, inner);
    } else {
      value(b, f.type(), f.constraints(), raw, ptr, var, red, f.safePath());
    }
    b.endControlFlow();
    return var;
  }

  private CodeBlock defaultValue(Field f) {
    Object d = f.defaultValue();
    if (f.type() instanceof JType.EnumType e) {
      return CodeBlock.of("$T.$L", ClassName.get(e.element()), d);
    }
    JType.Scalar s = (JType.Scalar) f.type();
    return switch (s.kind()) {
      case BOOLEAN -> CodeBlock.of("$L", d);
      case BYTE -> CodeBlock.of("(byte) $L", ((BigDecimal) d).toBigInteger());
      case SHORT -> CodeBlock.of("(short) $L", ((BigDecimal) d).toBigInteger());
      case INT -> CodeBlock.of("$L", ((BigDecimal) d).toBigInteger());
      case LONG -> CodeBlock.of("$LL", ((BigDecimal) d).toBigInteger());
      case BIG_INTEGER -> CodeBlock.of("new $T($S)", ClassName.get("java.math", "BigInteger"),
          ((BigDecimal) d).toBigInteger().toString());
      case FLOAT -> CodeBlock.of("$Lf", ((BigDecimal) d).toString());
      case DOUBLE -> CodeBlock.of("$Ld", ((BigDecimal) d).toString());
      case BIG_DECIMAL -> CodeBlock.of("$L", constants.decimal((BigDecimal) d));
      case STRING -> CodeBlock.of("$S", d);
      case UUID -> CodeBlock.of("$T.fromString($S)", ClassName.get("java.util", "UUID"), d);
      case URI -> CodeBlock.of("$T.create($S)", ClassName.get("java.net", "URI"), d);
      case LOCAL_DATE -> CodeBlock.of("$T.parse($S)", ClassName.get("java.time", "LocalDate"), d);
      case INSTANT -> CodeBlock.of("$T.parse($S).toInstant()", ClassName.get("java.time", "OffsetDateTime"), d);
      case OFFSET_DATE_TIME -> CodeBlock.of("$T.parse($S)", ClassName.get("java.time", "OffsetDateTime"), d);
      case DURATION -> CodeBlock.of("$T.parse($S)", ClassName.get("java.time", "Duration"), d);
      case PATH, URL -> throw new IllegalStateException("no default for Path or URL");
    };
  }

  /** Reads a non-null raw value into {@code target}. */
  void value(CodeBlock.Builder b, JType t, Constraints c, String raw, CodeBlock ptr, String target, String red,
      SafePathModel safePath) {
    if (t instanceof JType.Scalar s) {
      scalar(b, s, c, raw, ptr, target, red, safePath);
    } else if (t instanceof JType.EnumType e) {
      String s = fresh("text");
      b.addStatement("$T $L = $T.toStr($L, $L, v, $L)", String.class, s, Types.CHECK, raw, ptr, red);
      b.beginControlFlow("if ($L != null)", s);
      b.beginControlFlow("switch ($L)", s);
      for (String constant : e.constants()) {
        b.add("case $S:\n", constant).indent()
            .addStatement("$L = $T.$L", target, ClassName.get(e.element()), constant)
            .addStatement("break").unindent();
      }
      b.add("default:\n").indent()
          .addStatement("v.add($L, \"enum\", $S, $L, $L)", ptr, "must be one of " + String.join(", ",
              e.constants()), raw, red)
          .unindent();
      b.endControlFlow();
      b.endControlFlow();
    } else if (t instanceof JType.RecordType r) {
      b.addStatement("$L = $L($L, $L, v, inv, $L)", target, recordReader.apply(Pointers.record(model, r)), raw, ptr,
          red);
    } else if (t instanceof JType.ArrayType a) {
      array(b, a, c, raw, ptr, target, red, safePath);
    } else if (t instanceof JType.MapType m) {
      map(b, m, c, raw, ptr, target, red, safePath);
    } else {
      throw new IllegalStateException("cannot read " + t);
    }
  }

  private void array(CodeBlock.Builder b, JType.ArrayType a, Constraints c, String raw, CodeBlock ptr, String target,
      String red, SafePathModel safePath) {
    String list = fresh("list");
    b.addStatement("$T<?> $L = $T.toArray($L, $L, v, $L)", Types.LIST, list, Types.CHECK, raw, ptr, red);
    b.beginControlFlow("if ($L != null)", list);
    String size = fresh("size");
    String mark = fresh("mark");
    b.addStatement("int $L = $L.size()", size, list);
    sizeChecks(b, c, size, ptr, raw, red, "minItems", "maxItems", "items");
    b.addStatement("int $L = v.size()", mark);
    TypeName elementType = Types.of(a.element());
    String acc = fresh("items");
    switch (a.container()) {
      case ARRAY -> b.addStatement("$T $L = new $L", Types.of(a), acc, arrayCreation(a.element(), size));
      case LIST -> b.addStatement("$T<$T> $L = new $T<>($L)", Types.ARRAY_LIST, elementType.box(), acc,
          Types.ARRAY_LIST, size);
      case SET -> b.addStatement("$T<$T> $L = new $T<>()", Types.LINKED_HASH_SET, elementType.box(), acc,
          Types.LINKED_HASH_SET);
    }
    String i = fresh("i");
    b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, size, i);
    String element = fresh("element");
    String elementPtr = fresh("at");
    String value = fresh("value");
    b.addStatement("$T $L = $L.get($L)", Object.class, element, list, i);
    b.addStatement("$T $L = $L + \"/\" + $L", String.class, elementPtr, ptr, i);
    b.addStatement("$T $L = $L", elementType, value, Types.neutral(a.element()));
    b.beginControlFlow("if ($L == null)", element);
    if (!a.elementNullable()) {
      b.addStatement("v.add($L, \"type\", \"must not be null\", null, false)", elementPtr);
    }
    b.nextControlFlow("else");
    value(b, a.element(), a.elementConstraints(), element, CodeBlock.of("$L", elementPtr), value, red, safePath);
    b.endControlFlow();
    if (a.container() == JType.Container.ARRAY) {
      b.addStatement("$L[$L] = $L", acc, i, value);
    } else {
      b.addStatement("$L.add($L)", acc, value);
    }
    b.endControlFlow();
    if (a.container() == JType.Container.SET) {
      // JSON equality, not Java's: 1 and 1.0 are the same item, and so are 0.0 and -0.0
      b.beginControlFlow("if (v.size() == $L && $T.distinct($L) != $L)", mark, Types.CHECK, acc, size);
      b.addStatement("v.add($L, \"uniqueItems\", \"must not contain duplicate items\", $L, $L)", ptr, raw, red);
      b.endControlFlow();
    }
    b.addStatement("$L = $L", target, acc);
    b.endControlFlow();
  }

  private static CodeBlock arrayCreation(JType element, String size) {
    TypeName t = Types.of(element);
    // new int[size], new String[size], new Foo[size]
    return CodeBlock.of("$T[$L]", t, size);
  }

  private void map(CodeBlock.Builder b, JType.MapType m, Constraints c, String raw, CodeBlock ptr, String target,
      String red, SafePathModel safePath) {
    String object = fresh("object");
    b.addStatement("$T $L = $T.toObject($L, $L, v, $L)", Types.STRING_OBJECT_MAP, object, Types.CHECK, raw, ptr, red);
    b.beginControlFlow("if ($L != null)", object);
    String size = fresh("size");
    b.addStatement("int $L = $L.size()", size, object);
    sizeChecks(b, c, size, ptr, raw, red, "minProperties", "maxProperties", "properties");
    TypeName valueType = Types.of(m.value());
    String acc = fresh("entries");
    b.addStatement("$T<$T, $T> $L = new $T<>()", Types.LINKED_HASH_MAP, String.class, valueType.box(), acc,
        Types.LINKED_HASH_MAP);
    String entry = fresh("entry");
    b.beginControlFlow("for ($T.Entry<$T, $T> $L : $L.entrySet())", Types.MAP, String.class, Object.class, entry,
        object);
    String at = fresh("at");
    String value = fresh("value");
    b.addStatement("$T $L = $L + \"/\" + $T.escape($L.getKey())", String.class, at, ptr, Types.VIOLATIONS, entry);
    b.addStatement("$T $L = $L", valueType, value, Types.neutral(m.value()));
    b.beginControlFlow("if ($L.getValue() == null)", entry);
    if (!m.valueNullable()) {
      b.addStatement("v.add($L, \"type\", \"must not be null\", null, false)", at);
    }
    b.nextControlFlow("else");
    String rawValue = fresh("raw");
    b.addStatement("$T $L = $L.getValue()", Object.class, rawValue, entry);
    value(b, m.value(), m.valueConstraints(), rawValue, CodeBlock.of("$L", at), value, red, safePath);
    b.endControlFlow();
    b.addStatement("$L.put($L.getKey(), $L)", acc, entry, value);
    b.endControlFlow();
    b.addStatement("$L = $L", target, acc);
    b.endControlFlow();
  }

  private static void sizeChecks(CodeBlock.Builder b, Constraints c, String size, CodeBlock ptr, String raw,
      String red, String minRule, String maxRule, String noun) {
    if (c.minSize != null && c.minSize > 0) {
      b.beginControlFlow("if ($L < $L)", size, c.minSize);
      b.addStatement("v.add($L, $S, $S, $L, $L)", ptr, minRule, "must have at least " + c.minSize + " " + noun,
          raw, red);
      b.endControlFlow();
    }
    if (c.maxSize != null && c.maxSize < Integer.MAX_VALUE) {
      b.beginControlFlow("if ($L > $L)", size, c.maxSize);
      b.addStatement("v.add($L, $S, $S, $L, $L)", ptr, maxRule, "must have at most " + c.maxSize + " " + noun, raw,
          red);
      b.endControlFlow();
    }
  }

  private void scalar(CodeBlock.Builder b, JType.Scalar s, Constraints c, String raw, CodeBlock ptr, String target,
      String red, SafePathModel safePath) {
    ScalarKind k = s.kind();
    switch (k) {
      case BOOLEAN -> b.addStatement("$L = $T.toBoolean($L, $L, v, $L)", target, Types.CHECK, raw, ptr, red);
      case BYTE, SHORT, INT, LONG -> integral(b, k, c, raw, ptr, target, red);
      case BIG_INTEGER, FLOAT, DOUBLE, BIG_DECIMAL -> {
        String method = switch (k) {
          case BIG_INTEGER -> "toBigInteger";
          case FLOAT -> "toFloat";
          case DOUBLE -> "toDouble";
          default -> "toBigDecimal";
        };
        if (c.lower == null && c.upper == null) {
          b.addStatement("$L = $T.$L($L, $L, v, $L)", target, Types.CHECK, method, raw, ptr, red);
          return;
        }
        String mark = fresh("mark");
        b.addStatement("int $L = v.size()", mark);
        b.addStatement("$L = $T.$L($L, $L, v, $L)", target, Types.CHECK, method, raw, ptr, red);
        b.beginControlFlow("if (v.size() == $L)", mark);
        if (c.lower != null) {
          b.beginControlFlow("if ($T.compare($L, $L) $L 0)", Types.CHECK, raw, constants.decimal(c.lower.value()),
              c.lower.exclusive() ? "<=" : "<");
          addBoundViolation(b, c.lower, true, raw, ptr, red);
          b.endControlFlow();
        }
        if (c.upper != null) {
          b.beginControlFlow("if ($T.compare($L, $L) $L 0)", Types.CHECK, raw, constants.decimal(c.upper.value()),
              c.upper.exclusive() ? ">=" : ">");
          addBoundViolation(b, c.upper, false, raw, ptr, red);
          b.endControlFlow();
        }
        b.endControlFlow();
      }
      case STRING, PATH -> text(b, s, c, raw, ptr, target, red, safePath);
      case UUID, URI, LOCAL_DATE, INSTANT, OFFSET_DATE_TIME, DURATION -> {
        String method = switch (k) {
          case UUID -> "toUuid";
          case URI -> "toUri";
          case LOCAL_DATE -> "toLocalDate";
          case INSTANT -> "toInstant";
          case OFFSET_DATE_TIME -> "toOffsetDateTime";
          default -> "toDuration";
        };
        String text = fresh("text");
        b.addStatement("$T $L = $T.toStr($L, $L, v, $L)", String.class, text, Types.CHECK, raw, ptr, red);
        b.beginControlFlow("if ($L != null)", text);
        b.addStatement("$L = $T.$L($L, $L, v, $L)", target, Types.CHECK, method, text, ptr, red);
        b.endControlFlow();
      }
    }
  }

  private static void addBoundViolation(CodeBlock.Builder b, Bound bound, boolean lower, String raw, CodeBlock ptr,
      String red) {
    String rule = (bound.exclusive() ? "exclusive" + (lower ? "Minimum" : "Maximum") : lower ? "minimum" : "maximum");
    String message = lower
        ? (bound.exclusive() ? "must be greater than " : "must be at least ") + bound.value().toPlainString()
        : (bound.exclusive() ? "must be less than " : "must be at most ") + bound.value().toPlainString();
    b.addStatement("v.add($L, $S, $S, $L, $L)", ptr, rule, message, raw, red);
  }

  /** Integral bounds are compared as longs: the declared decimal bound is rounded once, here. */
  private static void integral(CodeBlock.Builder b, ScalarKind k, Constraints c, String raw, CodeBlock ptr,
      String target, String red) {
    String method = switch (k) {
      case BYTE -> "toByte";
      case SHORT -> "toShort";
      case INT -> "toInt";
      default -> "toLong";
    };
    long[] range = k.range();
    Long low = c.lower == null ? null : Ranges.inclusiveLong(c.lower, true);
    Long high = c.upper == null ? null : Ranges.inclusiveLong(c.upper, false);
    boolean checkLow = low != null && low > range[0];
    boolean checkHigh = high != null && high < range[1];
    if (!checkLow && !checkHigh) {
      b.addStatement("$L = $T.$L($L, $L, v, $L)", target, Types.CHECK, method, raw, ptr, red);
      return;
    }
    String mark = "mark" + target;
    b.addStatement("int $L = v.size()", mark);
    b.addStatement("$L = $T.$L($L, $L, v, $L)", target, Types.CHECK, method, raw, ptr, red);
    b.beginControlFlow("if (v.size() == $L)", mark);
    if (checkLow) {
      b.beginControlFlow("if ($L < $LL)", target, low);
      addBoundViolation(b, c.lower, true, raw, ptr, red);
      b.endControlFlow();
    }
    if (checkHigh) {
      b.beginControlFlow("if ($L > $LL)", target, high);
      addBoundViolation(b, c.upper, false, raw, ptr, red);
      b.endControlFlow();
    }
    b.endControlFlow();
  }

  private void text(CodeBlock.Builder b, JType.Scalar s, Constraints c, String raw, CodeBlock ptr, String target,
      String red, SafePathModel safePath) {
    String text = s.kind() == ScalarKind.STRING && safePath == null ? target : fresh("text");
    if (!text.equals(target)) {
      b.addStatement("$T $L = $T.toStr($L, $L, v, $L)", String.class, text, Types.CHECK, raw, ptr, red);
    } else {
      b.addStatement("$L = $T.toStr($L, $L, v, $L)", text, Types.CHECK, raw, ptr, red);
    }
    b.beginControlFlow("if ($L != null)", text);
    String mark = fresh("mark");
    boolean guarded = safePath != null;
    if (guarded) {
      b.addStatement("int $L = v.size()", mark);
    }
    if (c.minSize != null && c.minSize > 0 || c.maxSize != null && c.maxSize < Integer.MAX_VALUE) {
      String length = fresh("length");
      b.addStatement("int $L = $T.length($L)", length, Types.CHECK, text);
      if (c.minSize != null && c.minSize > 0) {
        b.beginControlFlow("if ($L < $L)", length, c.minSize);
        b.addStatement("v.add($L, \"minLength\", $S, $L, $L)", ptr,
            "must be at least " + c.minSize + " characters long", raw, red);
        b.endControlFlow();
      }
      if (c.maxSize != null && c.maxSize < Integer.MAX_VALUE) {
        b.beginControlFlow("if ($L > $L)", length, c.maxSize);
        b.addStatement("v.add($L, \"maxLength\", $S, $L, $L)", ptr,
            "must be at most " + c.maxSize + " characters long", raw, red);
        b.endControlFlow();
      }
    }
    if (c.pattern != null) {
      b.beginControlFlow("if (!$L.matcher($L).matches())", constants.pattern(c.pattern), text);
      b.addStatement("v.add($L, \"pattern\", $S, $L, $L)", ptr, "must match the pattern " + c.pattern, raw, red);
      b.endControlFlow();
    }
    if (c.extraPattern != null) {
      b.beginControlFlow("if (!$L.matcher($L).matches())", constants.pattern(c.extraPattern), text);
      b.addStatement("v.add($L, \"pattern\", $S, $L, $L)", ptr, "must match the pattern " + c.extraPattern, raw, red);
      b.endControlFlow();
    }
    if (c.notBlank) {
      b.beginControlFlow("if ($T.isBlank($L))", Types.CHECK, text);
      b.addStatement("v.add($L, \"pattern\", \"must not be blank\", $L, $L)", ptr, raw, red);
      b.endControlFlow();
    }
    if (c.email) {
      b.beginControlFlow("if (!$T.isEmail($L))", Types.CHECK, text);
      b.addStatement("v.add($L, \"format\", \"must be an e-mail address\", $L, $L)", ptr, raw, red);
      b.endControlFlow();
    }
    if (guarded) {
      b.beginControlFlow("if (v.size() == $L)", mark);
      String resolved = fresh("path");
      String rule = constants.pathRule(ruleKey(ptr), safePath);
      b.addStatement("$T $L = inv.resolvePath($L, $L, $L, v)", ClassName.get("java.nio.file", "Path"), resolved, rule,
          ptr, text);
      if (s.kind() == ScalarKind.PATH) {
        b.addStatement("$L = $L", target, resolved);
      } else {
        b.addStatement("$L = $L == null ? null : $L.toString()", target, resolved, resolved);
      }
      b.endControlFlow();
    } else if (!text.equals(target)) {
      b.addStatement("$L = $L", target, text);
    }
    b.endControlFlow();
  }

  /** Only used when the policy did not register the rule first, which the generator ensures it does. */
  private static String ruleKey(CodeBlock ptr) {
    return ptr.toString();
  }
}
