package dev.toolwarden.processor.model;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a parameter's or record component's declaration, and maps a Java type to its shape
 * ({@link JType}), reading every record it reaches. A type the processor cannot map is reported
 * here and modelled as {@link JType.Unsupported}.
 */
final class TypeReader {

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;
  private final ConstraintReader constraintReader;
  private final Reporter reporter;

  TypeReader(Elements elements, Types types, Annotations annotations, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.annotations = annotations;
    this.constraintReader = new ConstraintReader(annotations);
    this.reporter = reporter;
  }

  /**
   * Reads a parameter or record component.
   *
   * @param decl the element diagnostics point at
   * @param annotationSources the elements whose annotations apply (a record component's
   *     annotations land on its accessor, field or constructor parameter)
   */
  Field readField(Element decl, List<? extends Element> annotationSources, TypeMirror type, String javaName,
      String javadoc, Map<String, RecordModel> records, boolean output) {
    if (type.getKind() == TypeKind.ERROR) {
      throw new Unresolved(type.toString(), decl);
    }
    List<AnnotationMirror> mirrors = Annotations.onDeclarationAndType(annotationSources, type);
    JType jt = readType(type, decl, records, output);
    if (jt instanceof JType.Unsupported u && !output) {
      reporter.report(Rule.TYPE_UNSUPPORTED, decl, ModelReader.describe(decl), type, u.reason());
    }
    Constraints constraints = constraintReader.read(mirrors);
    boolean nullable = jt instanceof JType.OptionalType || hasNullable(mirrors);

    String jsonName = javaName;
    String description = javadoc;
    String defaultJson = null;
    Object defaultValue = null;
    AnnotationMirror param = find(mirrors, Names.TOOL_PARAM);
    if (param != null) {
      String n = annotations.string(param, "name");
      if (!n.isEmpty()) {
        jsonName = n;
      }
      String d = annotations.string(param, "description");
      if (!d.isEmpty()) {
        description = d;
      }
      String def = annotations.string(param, "defaultValue");
      if (!Names.NO_DEFAULT.equals(def)) {
        DefaultValues.Parsed parsed = DefaultValues.parse(def, jt);
        if (parsed.error() != null) {
          reporter.report(Rule.DEFAULT_INVALID, decl, param,
              Annotations.explicitValue(param, "defaultValue"), def, ModelReader.describe(decl), parsed.error());
        } else {
          defaultJson = parsed.json();
          defaultValue = parsed.value();
        }
      }
    }
    AnnotationMirror redact = Annotations.onDeclarationOrTypeArgument(mirrors, type, Names.REDACT);
    AnnotationMirror safe = Annotations.onDeclarationOrTypeArgument(mirrors, type, Names.SAFE_PATH);
    SafePathModel safePath = safe == null ? null : new SafePathModel(annotations.string(safe, "root"),
        annotations.bool(safe, "mustExist"), annotations.enumName(safe, "kind"),
        annotations.strings(safe, "extensions"), annotations.bool(safe, "followLinks"), safe);
    return new Field(decl, javaName, jsonName, jt, constraints, nullable, defaultJson, defaultValue, description,
        redact != null, redact == null ? 0 : (int) annotations.number(redact, "keepLast"), safePath,
        SafeUrlModel.read(annotations, mirrors, type));
  }

  private static AnnotationMirror find(List<AnnotationMirror> mirrors, String name) {
    for (AnnotationMirror a : mirrors) {
      if (Annotations.name(a).equals(name)) {
        return a;
      }
    }
    return null;
  }

  private static boolean hasNullable(List<? extends AnnotationMirror> mirrors) {
    for (AnnotationMirror a : mirrors) {
      if (Annotations.simpleName(a).equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  /** Maps a Java type to its shape. */
  JType readType(TypeMirror t, Element site, Map<String, RecordModel> records, boolean output) {
    String text = typeText(t);
    switch (t.getKind()) {
      case BOOLEAN: return new JType.Scalar(ScalarKind.BOOLEAN, true, "boolean");
      case BYTE: return new JType.Scalar(ScalarKind.BYTE, true, "byte");
      case SHORT: return new JType.Scalar(ScalarKind.SHORT, true, "short");
      case INT: return new JType.Scalar(ScalarKind.INT, true, "int");
      case LONG: return new JType.Scalar(ScalarKind.LONG, true, "long");
      case FLOAT: return new JType.Scalar(ScalarKind.FLOAT, true, "float");
      case DOUBLE: return new JType.Scalar(ScalarKind.DOUBLE, true, "double");
      case CHAR: return new JType.Unsupported("char", "use String");
      case ERROR: throw new Unresolved(t.toString(), site);
      case ARRAY: {
        TypeMirror component = ((ArrayType) t).getComponentType();
        JType element = readType(component, site, records, output);
        if (element instanceof JType.Unsupported u) {
          return u;
        }
        if (!(element instanceof JType.Scalar || element instanceof JType.EnumType
            || element instanceof JType.RecordType)) {
          return new JType.Unsupported(text, "arrays of " + component + " are not supported; use List");
        }
        List<AnnotationMirror> ann = Annotations.onDeclarationAndType(List.of(), component);
        return new JType.ArrayType(JType.Container.ARRAY, element, constraintReader.read(ann),
            hasNullable(ann) && !component.getKind().isPrimitive(), text);
      }
      case DECLARED: break;
      default: return new JType.Unsupported(text, "type variables, wildcards and intersections are not supported");
    }
    DeclaredType d = (DeclaredType) t;
    TypeElement e = (TypeElement) d.asElement();
    String q = e.getQualifiedName().toString();
    ScalarKind scalar = switch (q) {
      case "java.lang.Boolean" -> ScalarKind.BOOLEAN;
      case "java.lang.Byte" -> ScalarKind.BYTE;
      case "java.lang.Short" -> ScalarKind.SHORT;
      case "java.lang.Integer" -> ScalarKind.INT;
      case "java.lang.Long" -> ScalarKind.LONG;
      case "java.lang.Float" -> ScalarKind.FLOAT;
      case "java.lang.Double" -> ScalarKind.DOUBLE;
      case "java.math.BigInteger" -> ScalarKind.BIG_INTEGER;
      case "java.math.BigDecimal" -> ScalarKind.BIG_DECIMAL;
      case "java.lang.String" -> ScalarKind.STRING;
      case "java.util.UUID" -> ScalarKind.UUID;
      case "java.net.URI" -> ScalarKind.URI;
      case "java.net.URL" -> ScalarKind.URL;
      case "java.time.LocalDate" -> ScalarKind.LOCAL_DATE;
      case "java.time.Instant" -> ScalarKind.INSTANT;
      case "java.time.OffsetDateTime" -> ScalarKind.OFFSET_DATE_TIME;
      case "java.time.Duration" -> ScalarKind.DURATION;
      case "java.nio.file.Path" -> ScalarKind.PATH;
      default -> null;
    };
    if (scalar != null) {
      if (scalar == ScalarKind.PATH && output) {
        return new JType.Unsupported(text, "a Path in a result would reveal the server's file system; return a "
            + "String relative to the root");
      }
      return new JType.Scalar(scalar, false, q);
    }
    if (q.equals(Names.TOOL_CONTEXT)) {
      return output ? new JType.Unsupported(text, "ToolContext cannot be returned") : new JType.Context(q);
    }
    List<? extends TypeMirror> args = d.getTypeArguments();
    switch (q) {
      case "java.util.List", "java.util.Set", "java.util.Collection" -> {
        if (args.size() != 1) {
          return new JType.Unsupported(text, "raw collections are not supported; add the element type");
        }
        TypeMirror arg = args.get(0);
        TypeArgument element = contained(arg, site, records, output, text, "elements");
        if (element.type() instanceof JType.Unsupported) {
          return element.type();
        }
        return new JType.ArrayType(q.equals("java.util.Set") ? JType.Container.SET : JType.Container.LIST,
            element.type(), element.constraints(), element.nullable(), text);
      }
      case "java.util.Map" -> {
        if (args.size() != 2) {
          return new JType.Unsupported(text, "raw maps are not supported; use Map<String, V>");
        }
        if (!typeText(args.get(0)).equals("java.lang.String")) {
          return new JType.Unsupported(text, "map keys must be String (JSON object keys are strings)");
        }
        TypeMirror arg = args.get(1);
        TypeArgument value = contained(arg, site, records, output, text, "values");
        if (value.type() instanceof JType.Unsupported) {
          return value.type();
        }
        return new JType.MapType(value.type(), value.constraints(), value.nullable(), text);
      }
      case "java.util.Optional" -> {
        if (args.size() != 1) {
          return new JType.Unsupported(text, "raw Optional is not supported");
        }
        TypeMirror arg = args.get(0);
        TypeArgument value = contained(arg, site, records, output, text, "Optional values");
        if (value.type() instanceof JType.Unsupported) {
          return value.type();
        }
        return new JType.OptionalType(value.type(), value.constraints(), text);
      }
      default -> { }
    }
    if (e.getKind() == ElementKind.ENUM) {
      if (!isAccessible(e)) {
        return new JType.Unsupported(text, "the enum must be public");
      }
      List<String> constants = new ArrayList<>();
      for (Element c : e.getEnclosedElements()) {
        if (c.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(c.getSimpleName().toString());
        }
      }
      return new JType.EnumType(e, constants, q);
    }
    if (e.getKind() == ElementKind.RECORD) {
      if (!args.isEmpty()) {
        return new JType.Unsupported(text, "generic records are not supported");
      }
      if (!isAccessible(e)) {
        return new JType.Unsupported(text, "the record must be public (and static when nested)");
      }
      readRecord(e, records, output);
      return new JType.RecordType(e, q);
    }
    return new JType.Unsupported(text, "not a supported scalar, collection, enum or record");
  }

  /** A type argument of a container: supported, and neither Optional nor the context. */
  /** A container's type argument, with the constraints and nullability annotated on it. */
  private record TypeArgument(JType type, Constraints constraints, boolean nullable) {}

  private TypeArgument contained(TypeMirror arg, Element site, Map<String, RecordModel> records, boolean output,
      String containerText, String what) {
    JType t = readType(arg, site, records, output);
    if (t instanceof JType.Unsupported u) {
      t = new JType.Unsupported(containerText, u.reason());
    } else if (t instanceof JType.OptionalType || t instanceof JType.Context) {
      t = new JType.Unsupported(containerText, what + " cannot be Optional or ToolContext");
    }
    List<AnnotationMirror> ann = Annotations.onDeclarationAndType(List.of(), arg);
    return new TypeArgument(t, constraintReader.read(ann), hasNullable(ann));
  }

  private void readRecord(TypeElement e, Map<String, RecordModel> records, boolean output) {
    for (RecordModel r : records.values()) {
      if (r.element().equals(e)) {
        return;
      }
    }
    String defName = e.getSimpleName().toString();
    if (records.containsKey(defName)) {
      defName = e.getQualifiedName().toString().replace('.', '_');
    }
    List<Field> components = new ArrayList<>();
    // registered before its components are read, so recursive records terminate
    records.put(defName, new RecordModel(e, defName, components));
    Javadoc doc = Javadoc.parse(elements.getDocComment(e));
    for (RecordComponentElement c : e.getRecordComponents()) {
      List<Element> sources = new ArrayList<>();
      sources.add(c);
      sources.add(c.getAccessor());
      for (Element member : e.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(c.getSimpleName())) {
          sources.add(member);
        }
      }
      // javac gives a record component element no source position: report on its field, which has one
      Element site = sources.size() > 2 ? sources.get(2) : c;
      Field f = readField(site, sources, c.asType(), c.getSimpleName().toString(),
          doc.param(c.getSimpleName().toString()), records, output);
      if (f.type() instanceof JType.Unsupported u && output) {
        reporter.report(Rule.TYPE_UNSUPPORTED, site, ModelReader.describe(site), c.asType(), u.reason());
      }
      components.add(f);
    }
  }

  private static boolean isAccessible(TypeElement e) {
    Element cur = e;
    while (cur instanceof TypeElement t) {
      if (!t.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)) {
        return false;
      }
      if (t.getNestingKind().isNested() && !t.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        return false;
      }
      cur = t.getEnclosingElement();
    }
    return true;
  }

  /** The type without its type annotations, as a reader expects it in a message. */
  private String typeText(TypeMirror t) {
    if (t instanceof DeclaredType d) {
      StringBuilder b = new StringBuilder(((TypeElement) d.asElement()).getQualifiedName());
      if (!d.getTypeArguments().isEmpty()) {
        b.append('<');
        for (int i = 0; i < d.getTypeArguments().size(); i++) {
          b.append(i == 0 ? "" : ", ").append(typeText(d.getTypeArguments().get(i)));
        }
        b.append('>');
      }
      return b.toString();
    }
    if (t instanceof ArrayType a) {
      return typeText(a.getComponentType()) + "[]";
    }
    return types.erasure(t).toString().replaceAll("@\\S+\\s*", "");
  }
}
