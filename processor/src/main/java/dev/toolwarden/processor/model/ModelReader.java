package dev.toolwarden.processor.model;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads what the user wrote — a class's {@code @McpTool} methods (the other kinds through
 * {@link FeatureReader}), their parameters, return types and the records they reach — into the model, with the
 * plan by which the validator binds their input ({@link BindingPlanner}). Type problems found while reading are
 * reported here (the model of an unsupported type is {@link JType.Unsupported}); everything else is judged by the
 * checks.
 */
public final class ModelReader {

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;
  private final TypeReader typeReader;
  private final Reporter reporter;

  public ModelReader(ProcessingEnvironment env, Reporter reporter) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.annotations = new Annotations(elements);
    this.typeReader = new TypeReader(elements, types, annotations, reporter);
    this.reporter = reporter;
  }

  public Annotations annotations() {
    return annotations;
  }

  /**
   * Reads the tools, resources, resource templates, prompts and completions of a class; throws {@link Unresolved}
   * when a type is not resolved yet.
   */
  public ToolClassModel read(TypeElement type, List<ExecutableElement> methods) {
    Map<String, RecordModel> records = new LinkedHashMap<>();
    List<ToolModel> tools = new ArrayList<>();
    List<ResourceModel> resources = new ArrayList<>();
    List<TemplateModel> templates = new ArrayList<>();
    List<PromptModel> prompts = new ArrayList<>();
    List<CompletionModel> completions = new ArrayList<>();
    FeatureReader features = new FeatureReader(this, records);
    for (ExecutableElement m : methods) {
      // one kind per method: Kinds.of reported a method with several
      switch (Kinds.of(m).get(0)) {
        case TOOL -> tools.add(readTool(type, m, records));
        case RESOURCE -> resources.add(features.resource(type, m));
        case RESOURCE_TEMPLATE -> templates.add(features.template(type, m));
        case PROMPT -> prompts.add(features.prompt(type, m));
        case COMPLETION -> completions.add(features.completion(type, m));
      }
    }
    List<RecordModel> forms = forms(type, methods, records);
    return new ToolClassModel(type, tools, resources, templates, prompts, completions, records,
        BindingPlanner.plan(ToolClassModel.inputs(tools, templates, prompts), records, forms), forms);
  }

  /** The records named by {@code @Elicits} on the class and its methods, each once, in declaration order. */
  private List<RecordModel> forms(TypeElement type, List<ExecutableElement> methods, Map<String, RecordModel> records) {
    List<Element> sites = new ArrayList<>();
    sites.add(type);
    sites.addAll(methods);
    List<RecordModel> forms = new ArrayList<>();
    for (Element site : sites) {
      AnnotationMirror elicits = Annotations.find(site, Names.ELICITS);
      if (elicits == null) {
        continue;
      }
      Object value = annotations.value(elicits, "value").getValue();
      List<?> classes = value instanceof List<?> l ? l : List.of();
      for (Object each : classes) {
        Object mirror = each instanceof javax.lang.model.element.AnnotationValue v ? v.getValue() : each;
        if (!(mirror instanceof TypeMirror t)) {
          continue;
        }
        JType read = typeReader.readType(t, site, records, false);
        if (!(read instanceof JType.RecordType r)) {
          continue; // Class<? extends Record>: javac has refused anything else already
        }
        RecordModel model = Records.find(records, r);
        if (!forms.contains(model)) {
          forms.add(model);
        }
      }
    }
    return List.copyOf(forms);
  }

  private ToolModel readTool(TypeElement owner, ExecutableElement m, Map<String, RecordModel> records) {
    AnnotationMirror tool = Annotations.find(m, Names.MCP_TOOL);
    Javadoc doc = javadoc(m);
    String name = nameOr(tool, m);
    String description = descriptionOr(tool, doc);
    String title = emptyToNull(annotations.string(tool, "title"));
    boolean readOnly = annotations.bool(tool, "readOnly");
    // MCP: destructiveHint only means something when the tool is not read-only
    boolean[] hints = {
      readOnly, !readOnly && annotations.bool(tool, "destructive"),
      annotations.bool(tool, "idempotent"), annotations.bool(tool, "openWorld")
    };
    List<Field> params = parameters(m, doc, records);

    TypeMirror rt = m.getReturnType();
    JType returnType = null;
    ToolModel.ReturnKind kind;
    if (rt.getKind() == TypeKind.VOID) {
      kind = ToolModel.ReturnKind.VOID;
    } else if (isPassthrough(rt)) {
      kind = ToolModel.ReturnKind.PASSTHROUGH;
    } else {
      returnType = typeReader.readType(rt, m, records, true);
      if (returnType instanceof JType.Unsupported u) {
        reporter.report(Rule.RETURN_UNSUPPORTED, m, name, rt, u.reason());
      }
      kind = returnKind(returnType);
    }
    AnnotationMirror redact = Annotations.find(m, Names.REDACT);
    int keepLast = redact == null ? 0 : (int) annotations.number(redact, "keepLast");
    MethodPolicy policy = policy(owner, m);
    return new ToolModel(m, name, title, description, hints, params, returnType, kind,
        redact != null, keepLast, policy.scopes(), policy.rateLimit());
  }

  Javadoc javadoc(ExecutableElement m) {
    return Javadoc.parse(elements.getDocComment(m));
  }

  /** The annotation's {@code name}, or the method's name when it is empty. */
  String nameOr(AnnotationMirror a, ExecutableElement m) {
    String name = annotations.string(a, "name");
    return name.isEmpty() ? m.getSimpleName().toString() : name;
  }

  /** The annotation's {@code description}, or the Javadoc's main text; null when neither says anything. */
  String descriptionOr(AnnotationMirror a, Javadoc doc) {
    String description = annotations.string(a, "description");
    return emptyToNull(description.isEmpty() ? doc.main() : description);
  }

  /** Every parameter of the method, read like a tool argument (description from the Javadoc's @param). */
  List<Field> parameters(ExecutableElement m, Javadoc doc, Map<String, RecordModel> records) {
    List<Field> params = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      params.add(typeReader.readField(p, List.of(p), p.asType(), p.getSimpleName().toString(), doc.param(
          p.getSimpleName().toString()), records, false));
    }
    return params;
  }

  /** Reads a return type as a tool's structured result is read (records registered for their writers). */
  JType readResult(TypeMirror t, ExecutableElement m, Map<String, RecordModel> records) {
    return typeReader.readType(t, m, records, true);
  }

  /** {@code @RequiresScope} of the class and the method merged; {@code @RateLimit} of the method, else the class. */
  MethodPolicy policy(TypeElement owner, ExecutableElement m) {
    List<String> scopes = new ArrayList<>();
    AnnotationMirror classScope = Annotations.find(owner, Names.REQUIRES_SCOPE);
    if (classScope != null) {
      scopes.addAll(annotations.strings(classScope, "value"));
    }
    AnnotationMirror methodScope = Annotations.find(m, Names.REQUIRES_SCOPE);
    if (methodScope != null) {
      for (String s : annotations.strings(methodScope, "value")) {
        if (!scopes.contains(s)) {
          scopes.add(s);
        }
      }
    }
    AnnotationMirror limit = Annotations.find(m, Names.RATE_LIMIT);
    if (limit == null) {
      limit = Annotations.find(owner, Names.RATE_LIMIT);
    }
    RateLimitModel rateLimit = null;
    if (limit != null) {
      rateLimit = new RateLimitModel((int) annotations.number(limit, "permits"),
          Windows.parseMillis(annotations.string(limit, "per")), annotations.enumName(limit, "key"));
    }
    return new MethodPolicy(List.copyOf(scopes), rateLimit);
  }

  Elements elements() {
    return elements;
  }

  Types types() {
    return types;
  }

  Reporter reporter() {
    return reporter;
  }

  private static ToolModel.ReturnKind returnKind(JType t) {
    if (t instanceof JType.Scalar s && s.kind() == ScalarKind.STRING) {
      return ToolModel.ReturnKind.TEXT;
    }
    if (t instanceof JType.RecordType) {
      return ToolModel.ReturnKind.STRUCTURED_RECORD;
    }
    if (t instanceof JType.MapType) {
      return ToolModel.ReturnKind.STRUCTURED_OBJECT;
    }
    return ToolModel.ReturnKind.STRUCTURED_WRAPPED;
  }

  private boolean isPassthrough(TypeMirror t) {
    return isSdk(t, Names.CALL_TOOL_RESULT, Names.CONTENT, true);
  }

  /**
   * Whether the type is an MCP SDK value passed through as it is: the SDK's result type, a list of its element type
   * ({@code List<Content>}, {@code List<? extends Content>}) or, when {@code single}, one element.
   */
  boolean isSdk(TypeMirror t, String resultName, String elementName, boolean single) {
    TypeElement result = elements.getTypeElement(resultName);
    TypeElement element = elements.getTypeElement(elementName);
    if (result != null && types.isSameType(types.erasure(t), types.erasure(result.asType()))) {
      return true;
    }
    if (element != null) {
      TypeMirror elementType = types.erasure(element.asType());
      if (single && types.isAssignable(types.erasure(t), elementType)) {
        return true;
      }
      if (t instanceof DeclaredType d && isNamed(d, "java.util.List") && d.getTypeArguments().size() == 1) {
        TypeMirror arg = d.getTypeArguments().get(0);
        if (arg.getKind() == TypeKind.WILDCARD) {
          TypeMirror bound = ((javax.lang.model.type.WildcardType) arg).getExtendsBound();
          return bound != null && types.isAssignable(types.erasure(bound), elementType);
        }
        return types.isAssignable(types.erasure(arg), elementType);
      }
    }
    return false;
  }

  /** "parameter x of method m" / "component x of record R", for messages. */
  public static String describe(Element e) {
    if (e.getKind() == ElementKind.PARAMETER) {
      return "parameter '" + e.getSimpleName() + "' of " + e.getEnclosingElement().getSimpleName() + "()";
    }
    if (e.getKind() == ElementKind.RECORD_COMPONENT
        || e.getKind() == ElementKind.FIELD && e.getEnclosingElement().getKind() == ElementKind.RECORD) {
      return "component '" + e.getSimpleName() + "' of record " + e.getEnclosingElement().getSimpleName();
    }
    return e.getKind().toString().toLowerCase(java.util.Locale.ROOT) + " '" + e.getSimpleName() + "'";
  }

  static boolean isNamed(DeclaredType d, String q) {
    return ((TypeElement) d.asElement()).getQualifiedName().contentEquals(q);
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
