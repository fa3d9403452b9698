package dev.toolwarden.processor.flow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The sources of the analysis: each tool parameter and each component of an input record, with what its guard
 * makes it safe for. Guards are {@code @SafePath} (files), {@code @SafeUrl} (outbound URLs), a {@code @Pattern}
 * whose alphabet a sink kind accepts, and types that cannot carry text: numbers, booleans, enums, {@code UUID},
 * dates and durations, and containers and records made only of those. Annotations are matched by qualified name.
 */
final class Sources {

  static final String SAFE_PATH = "dev.toolwarden.SafePath";
  static final String SAFE_URL = "dev.toolwarden.SafeUrl";
  static final String TOOL_CONTEXT = "dev.toolwarden.runtime.ToolContext";
  private static final Set<String> PATTERNS = Set.of("jakarta.validation.constraints.Pattern",
      "javax.validation.constraints.Pattern");
  private static final Set<String> SAFE_TYPES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
      "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Number",
      "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID", "java.time.LocalDate", "java.time.Instant",
      "java.time.OffsetDateTime", "java.time.Duration", "java.time.LocalDateTime", "java.time.LocalTime",
      "java.time.ZonedDateTime", "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");
  private static final Set<String> CONTAINERS = Set.of("java.util.List", "java.util.Set", "java.util.Optional",
      "java.util.Collection", "java.util.SortedSet", "java.util.NavigableSet");

  private Sources() {}

  /** The taint of a tool parameter, or null when its type cannot carry text (or it is the injected context). */
  static Taint parameter(VariableElement p, ExecutableElement tool) {
    if (isContext(p.asType()) || typeSafe(p.asType(), new HashSet<>())) {
      return null;
    }
    String name = p.getSimpleName().toString();
    return new Taint("'" + name + "' of " + tool.getSimpleName(), guards(p, p.asType()), Set.of(), true,
        mayStartWithDash(p, p.asType()), Taint.Step.first(name));
  }

  /** The taint of a record component read from a validated argument, or null when its type cannot carry text. */
  static Taint component(RecordComponentElement c, Taint record) {
    if (typeSafe(c.asType(), new HashSet<>())) {
      return null;
    }
    String source = record.source();
    int quote = source.indexOf('\'', 1);
    String name = c.getSimpleName().toString();
    String renamed = "'" + source.substring(1, quote) + "." + name + source.substring(quote);
    return new Taint(renamed, guards(c, c.asType()), record.reported(), true, mayStartWithDash(c, c.asType()),
        record.path().then(name + "()"));
  }

  /** The record component an accessor method reads, or null. */
  static RecordComponentElement accessed(ExecutableElement method) {
    if (!method.getParameters().isEmpty() || !(method.getEnclosingElement() instanceof TypeElement owner)
        || owner.getKind() != ElementKind.RECORD) {
      return null;
    }
    for (RecordComponentElement c : owner.getRecordComponents()) {
      if (method.equals(c.getAccessor())) {
        return c;
      }
    }
    return null;
  }

  static boolean isContext(TypeMirror t) {
    return t instanceof DeclaredType d && qualifiedName(d).equals(TOOL_CONTEXT);
  }

  /** Whether no value of this type can carry client-chosen text. */
  static boolean typeSafe(TypeMirror t, Set<String> seen) {
    if (t.getKind().isPrimitive()) {
      return t.getKind() != TypeKind.CHAR;
    }
    if (t instanceof ArrayType a) {
      // byte[] and char[] are text in another form; int[] or UUID[] are not
      TypeKind k = a.getComponentType().getKind();
      return k != TypeKind.CHAR && k != TypeKind.BYTE && typeSafe(a.getComponentType(), seen);
    }
    if (!(t instanceof DeclaredType d)) {
      return false;
    }
    Element e = d.asElement();
    String name = qualifiedName(d);
    if (e.getKind() == ElementKind.ENUM || SAFE_TYPES.contains(name)) {
      return true;
    }
    if (CONTAINERS.contains(name) && d.getTypeArguments().size() == 1) {
      return typeSafe(d.getTypeArguments().get(0), seen);
    }
    if (e.getKind() == ElementKind.RECORD && e instanceof TypeElement r) {
      if (!seen.add(name)) {
        return true; // a cycle: the other components decide
      }
      for (RecordComponentElement c : r.getRecordComponents()) {
        if (!typeSafe(c.asType(), seen)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The sink kinds a declaration's guards (and its container element's guards) make its value safe for. */
  static Set<SinkKind> guards(Element declaration, TypeMirror type) {
    EnumSet<SinkKind> safe = EnumSet.noneOf(SinkKind.class);
    TypeMirror leaf = elementType(type);
    List<AnnotationMirror> annotations = annotations(leaf == type ? declaration : null, leaf);
    for (AnnotationMirror a : annotations) {
      String name = name(a);
      if (name.equals(SAFE_PATH)) {
        safe.add(SinkKind.PATH);
      } else if (name.equals(SAFE_URL)) {
        safe.add(SinkKind.SSRF);
      } else if (PATTERNS.contains(name)) {
        PatternAlphabet alphabet = patternAlphabet(a);
        for (SinkKind k : SinkKind.values()) {
          if (alphabet != null && alphabet.all.within(k) && (k != SinkKind.COMMAND || !alphabet.first.contains('-'))) {
            safe.add(k);
          }
        }
      }
    }
    if (leaf instanceof DeclaredType d && d.asElement() instanceof TypeElement r && r.getKind() == ElementKind.RECORD) {
      Set<SinkKind> all = EnumSet.allOf(SinkKind.class);
      for (RecordComponentElement c : r.getRecordComponents()) {
        if (!typeSafe(c.asType(), new HashSet<>())) {
          all.retainAll(guardsOnce(c));
        }
      }
      safe.addAll(all);
    }
    return safe;
  }

  /** A component's own guards, without descending into nested records again (bounded for recursive records). */
  private static Set<SinkKind> guardsOnce(RecordComponentElement c) {
    TypeMirror leaf = elementType(c.asType());
    if (leaf instanceof DeclaredType d && d.asElement().getKind() == ElementKind.RECORD) {
      return Set.of(); // nested records: the whole value is treated as unguarded, components are checked one by one
    }
    return guards(c, c.asType());
  }

  private static boolean mayStartWithDash(Element declaration, TypeMirror type) {
    TypeMirror leaf = elementType(type);
    for (AnnotationMirror a : annotations(leaf == type ? declaration : null, leaf)) {
      if (PATTERNS.contains(name(a))) {
        PatternAlphabet alphabet = patternAlphabet(a);
        if (alphabet != null && !alphabet.first.contains('-')) {
          return false;
        }
      }
    }
    return true;
  }

  /** The alphabet of a {@code @Pattern} without flags (flags such as case folding widen it), else null. */
  private static PatternAlphabet patternAlphabet(AnnotationMirror a) {
    String regexp = null;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
      String attribute = e.getKey().getSimpleName().toString();
      if (attribute.equals("regexp")) {
        regexp = String.valueOf(e.getValue().getValue());
      } else if (attribute.equals("flags")) {
        return null;
      }
    }
    return regexp == null ? null : PatternAlphabet.of(regexp);
  }

  /** The element type of a list, set, optional or array (repeatedly); the type itself otherwise. */
  private static TypeMirror elementType(TypeMirror t) {
    for (int depth = 0; depth < 8; depth++) {
      if (t instanceof ArrayType a) {
        t = a.getComponentType();
      } else if (t instanceof DeclaredType d && CONTAINERS.contains(qualifiedName(d))
          && d.getTypeArguments().size() == 1) {
        t = d.getTypeArguments().get(0);
      } else {
        return t;
      }
    }
    return t;
  }

  /** Annotations on a declaration (and, for a record component, its accessor and field) and on its type. */
  private static List<AnnotationMirror> annotations(Element declaration, TypeMirror type) {
    List<AnnotationMirror> out = new ArrayList<>(type.getAnnotationMirrors());
    if (declaration != null) {
      out.addAll(declaration.getAnnotationMirrors());
      if (declaration instanceof RecordComponentElement c) {
        if (c.getAccessor() != null) {
          out.addAll(c.getAccessor().getAnnotationMirrors());
        }
        for (Element sibling : c.getEnclosingElement().getEnclosedElements()) {
          if (sibling.getKind() == ElementKind.FIELD && sibling.getSimpleName().equals(c.getSimpleName())) {
            out.addAll(sibling.getAnnotationMirrors());
          }
        }
      }
    }
    return out;
  }

  static String name(AnnotationMirror a) {
    return ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static String qualifiedName(DeclaredType d) {
    return ((TypeElement) d.asElement()).getQualifiedName().toString();
  }
}
