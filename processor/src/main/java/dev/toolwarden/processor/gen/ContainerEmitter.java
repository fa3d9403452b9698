package dev.toolwarden.processor.gen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.toolwarden.processor.model.Binding;
import dev.toolwarden.processor.model.Constraints;
import dev.toolwarden.processor.model.JType;

/**
 * Emits the code that binds a JSON array to a list, set or array, and a JSON object to a
 * {@code Map<String, V>}: the container's size rules, then each item or value by its own plan.
 */
final class ContainerEmitter {

  /** Binds each item or value; shares its local names, since both emit into the same method. */
  private final BindingEmitter elements;
  private final LocalNames names;

  ContainerEmitter(BindingEmitter elements) {
    this.elements = elements;
    this.names = elements.names();
  }

  void array(CodeBlock.Builder b, Binding binding, Slot slot) {
    JType.ArrayType a = (JType.ArrayType) binding.value();
    String pointer = slot.pointer();
    String list = names.fresh("list");
    b.addStatement("$T<?> $L = $T.toArray($L, $S, v, $L)", TypeNames.LIST, list, TypeNames.CHECK, slot.raw(), pointer,
        slot.redaction());
    b.beginControlFlow("if ($L != null)", list);
    String size = names.fresh("size");
    b.addStatement("int $L = $L.size()", size, list);
    sizeChecks(b, binding.constraints(), size, slot, "minItems", "maxItems", "items");
    boolean set = a.container() == JType.Container.SET;
    // a set's uniqueness is judged only on items that were all valid
    String mark = set ? names.fresh("mark") : null;
    if (set) {
      b.addStatement("int $L = v.size()", mark);
    }
    TypeName elementType = TypeNames.of(a.element());
    String acc = names.fresh("items");
    switch (a.container()) {
      case ARRAY -> b.addStatement("$T $L = new $T[$L]", TypeNames.of(a), acc, elementType, size);
      case LIST -> b.addStatement("$T<$T> $L = new $T<>($L)", TypeNames.ARRAY_LIST, elementType.box(), acc,
          TypeNames.ARRAY_LIST, size);
      case SET -> b.addStatement("$T<$T> $L = new $T<>()", TypeNames.LINKED_HASH_SET, elementType.box(), acc,
          TypeNames.LINKED_HASH_SET);
    }
    String i = names.fresh("i");
    b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, size, i);
    String element = names.fresh("element");
    b.addStatement("$T $L = $L.get($L)", Object.class, element, list, i);
    String value = element(b, binding.element(), element, slot, CodeBlock.of("$L", i));
    if (a.container() == JType.Container.ARRAY) {
      b.addStatement("$L[$L] = $L", acc, i, value);
    } else {
      b.addStatement("$L.add($L)", acc, value);
    }
    b.endControlFlow();
    if (set) {
      // JSON equality, not Java's: 1 and 1.0 are the same item, and so are 0.0 and -0.0
      b.beginControlFlow("if (v.size() == $L && $T.distinct($L) != $L)", mark, TypeNames.CHECK, acc, size);
      b.addStatement("v.add($S, \"uniqueItems\", \"must not contain duplicate items\", $L, $L)", pointer, slot.raw(),
          slot.redaction());
      b.endControlFlow();
    }
    b.addStatement("$L = $L", slot.target(), acc);
    b.endControlFlow();
  }

  void map(CodeBlock.Builder b, Binding binding, Slot slot) {
    JType.MapType m = (JType.MapType) binding.value();
    String object = names.fresh("object");
    b.addStatement("$T $L = $T.toObject($L, $S, v, $L)", TypeNames.STRING_OBJECT_MAP, object, TypeNames.CHECK,
        slot.raw(), slot.pointer(), slot.redaction());
    b.beginControlFlow("if ($L != null)", object);
    String size = names.fresh("size");
    b.addStatement("int $L = $L.size()", size, object);
    sizeChecks(b, binding.constraints(), size, slot, "minProperties", "maxProperties", "properties");
    TypeName valueType = TypeNames.of(m.value());
    String acc = names.fresh("entries");
    b.addStatement("$T<$T, $T> $L = new $T<>()", TypeNames.LINKED_HASH_MAP, String.class, valueType.box(), acc,
        TypeNames.LINKED_HASH_MAP);
    String entry = names.fresh("entry");
    b.beginControlFlow("for ($T.Entry<$T, $T> $L : $L.entrySet())", TypeNames.MAP, String.class, Object.class, entry,
        object);
    String raw = names.fresh("raw");
    b.addStatement("$T $L = $L.getValue()", Object.class, raw, entry);
    String value = element(b, binding.element(), raw, slot,
        CodeBlock.of("$T.escape($L.getKey())", TypeNames.VIOLATIONS, entry));
    b.addStatement("$L.put($L.getKey(), $L)", acc, entry, value);
    b.endControlFlow();
    b.addStatement("$L = $L", slot.target(), acc);
    b.endControlFlow();
  }

  /**
   * Binds one item or map value held in {@code raw} to a new variable and returns its name. It is
   * bound with pointers relative to itself and inherits the container's redaction; its own pointer,
   * the container's followed by {@code token}, is built only when it broke a rule.
   */
  private String element(CodeBlock.Builder b, Binding element, String raw, Slot container, CodeBlock token) {
    String value = names.fresh("value");
    CodeBlock pointer = CodeBlock.of("$S + $L", container.pointer() + "/", token);
    b.addStatement("$T $L = $L", TypeNames.of(element.value()), value, TypeNames.neutral(element.value()));
    if (element.presence() == Binding.Presence.NULLABLE) {
      b.beginControlFlow("if ($L != null)", raw);
    } else {
      b.beginControlFlow("if ($L == null)", raw);
      BindingEmitter.mustNotBeNull(b, pointer);
      b.nextControlFlow("else");
    }
    String mark = elements.mark(b);
    elements.value(b, element, new Slot(raw, "", value, container.redaction()));
    BindingEmitter.prefixSince(b, mark, pointer);
    b.endControlFlow();
    return value;
  }

  private static void sizeChecks(CodeBlock.Builder b, Constraints c, String size, Slot slot, String minRule,
      String maxRule, String noun) {
    String pointer = slot.pointer();
    if (c.minSize != null && c.minSize > 0) {
      b.beginControlFlow("if ($L < $L)", size, c.minSize);
      b.addStatement("v.add($S, $S, $S, $L, $L)", pointer, minRule, "must have at least " + c.minSize + " " + noun,
          slot.raw(), slot.redaction());
      b.endControlFlow();
    }
    if (c.maxSize != null && c.maxSize < Integer.MAX_VALUE) {
      b.beginControlFlow("if ($L > $L)", size, c.maxSize);
      b.addStatement("v.add($S, $S, $S, $L, $L)", pointer, maxRule, "must have at most " + c.maxSize + " " + noun,
          slot.raw(), slot.redaction());
      b.endControlFlow();
    }
  }
}
