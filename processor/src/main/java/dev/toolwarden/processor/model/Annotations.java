package dev.toolwarden.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Reads annotation mirrors by name, without loading annotation classes. */
public final class Annotations {

  private final Elements elements;

  public Annotations(Elements elements) {
    this.elements = elements;
  }

  public static String name(AnnotationMirror a) {
    return ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /**
   * The annotation {@code name} on the declaration ({@code mirrors}), else on a type argument or array component of
   * {@code type} at any depth ({@code List<@SafePath String>}): a guard or a redaction written there applies to every
   * element, as on the declaration, and is never silently ignored. Null when there is none.
   */
  static AnnotationMirror onDeclarationOrTypeArgument(List<? extends AnnotationMirror> mirrors, TypeMirror type,
      String name) {
    for (AnnotationMirror a : mirrors) {
      if (name(a).equals(name)) {
        return a;
      }
    }
    return onTypeArgument(type, name);
  }

  private static AnnotationMirror onTypeArgument(TypeMirror type, String name) {
    List<? extends TypeMirror> inner = type instanceof DeclaredType d ? d.getTypeArguments()
        : type instanceof ArrayType a ? List.of(a.getComponentType()) : List.of();
    for (TypeMirror t : inner) {
      AnnotationMirror found = onDeclarationOrTypeArgument(t.getAnnotationMirrors(), t, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  public static String simpleName(AnnotationMirror a) {
    return a.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The annotation of that qualified name directly on the element, or null. */
  public static AnnotationMirror find(Element e, String qualifiedName) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (name(a).equals(qualifiedName)) {
        return a;
      }
    }
    return null;
  }

  /**
   * The annotations on a declaration and on its type, without duplicates: jakarta constraints
   * target both, and javac puts such an annotation in both places.
   */
  public static List<AnnotationMirror> onDeclarationAndType(List<? extends Element> declarations, TypeMirror type) {
    // keyed by the annotation's source form (type and values): the same annotation seen twice counts once
    Map<String, AnnotationMirror> seen = new LinkedHashMap<>();
    for (Element d : declarations) {
      if (d != null) {
        for (AnnotationMirror a : d.getAnnotationMirrors()) {
          seen.putIfAbsent(a.toString(), a);
        }
      }
    }
    for (AnnotationMirror a : type.getAnnotationMirrors()) {
      seen.putIfAbsent(a.toString(), a);
    }
    return new ArrayList<>(seen.values());
  }

  /** The value of an attribute, defaults included. */
  public AnnotationValue value(AnnotationMirror a, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(a).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value explicitly written, or null when the attribute has its default. */
  public static AnnotationValue explicitValue(AnnotationMirror a, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  public String string(AnnotationMirror a, String attribute) {
    AnnotationValue v = value(a, attribute);
    return v == null ? null : String.valueOf(v.getValue());
  }

  public boolean bool(AnnotationMirror a, String attribute) {
    AnnotationValue v = value(a, attribute);
    return v != null && Boolean.TRUE.equals(v.getValue());
  }

  public long number(AnnotationMirror a, String attribute) {
    AnnotationValue v = value(a, attribute);
    return ((Number) v.getValue()).longValue();
  }

  /** A {@code String[]} attribute. */
  public List<String> strings(AnnotationMirror a, String attribute) {
    AnnotationValue v = value(a, attribute);
    List<String> out = new ArrayList<>();
    if (v != null && v.getValue() instanceof List<?> list) {
      for (Object o : list) {
        out.add(String.valueOf(((AnnotationValue) o).getValue()));
      }
    }
    return out;
  }

  /** An {@code int[]} attribute. */
  public List<Integer> ints(AnnotationMirror a, String attribute) {
    AnnotationValue v = value(a, attribute);
    List<Integer> out = new ArrayList<>();
    if (v != null && v.getValue() instanceof List<?> list) {
      for (Object o : list) {
        out.add(((Number) ((AnnotationValue) o).getValue()).intValue());
      }
    }
    return out;
  }

  /** An enum attribute's constant name. */
  public String enumName(AnnotationMirror a, String attribute) {
    AnnotationValue v = value(a, attribute);
    return v == null ? null : ((Element) v.getValue()).getSimpleName().toString();
  }
}
