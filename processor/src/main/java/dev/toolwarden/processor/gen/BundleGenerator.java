package dev.toolwarden.processor.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.toolwarden.processor.model.Binding;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.InputPlan;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.PathRuleModel;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.ToolModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Generates one {@code ToolBundle} per tool class: each tool's descriptor (schemas as
 * constant strings, hints, policy) and its invoker, a straight-line validator that binds the
 * SDK's argument map to typed Java values, reports every violation, calls the method and maps
 * its result. Runs only when the checks found no error.
 */
public final class BundleGenerator {

  public static final String SUFFIX = "_ToolBundle";

  private final ToolClassModel model;
  private final SchemaGenerator schemas;
  private final String generatorName;
  private final Constants constants = new Constants();
  private final PatternMatchers patterns = new PatternMatchers(constants);
  private final Map<String, MethodSpec> recordMethods = new LinkedHashMap<>();

  public BundleGenerator(ToolClassModel model, String generatorName) {
    this.model = model;
    this.schemas = new SchemaGenerator(model);
    this.generatorName = generatorName;
  }

  /** The generated class's name for a tool class. */
  public static ClassName bundleName(TypeElement type) {
    ClassName c = ClassName.get(type);
    return ClassName.get(c.packageName(), String.join("_", c.simpleNames()) + SUFFIX);
  }

  public JavaFile generate() {
    ClassName self = bundleName(model.element());
    ClassName target = ClassName.get(model.element());
    List<MethodSpec> invokers = new ArrayList<>();
    CodeBlock.Builder definitions = CodeBlock.builder();
    for (int i = 0; i < model.tools().size(); i++) {
      ToolModel tool = model.tools().get(i);
      InputPlan plan = model.plan().of(tool);
      String invoker = "invoke" + i + "_" + javaIdentifier(tool.method().getSimpleName().toString());
      definitions.add(i == 0 ? "\n" : ",\n").add(definition(tool, plan, i, self, invoker));
      invokers.add(invoker(tool, plan, invoker, target));
    }
    FeatureEmitter features = new FeatureEmitter(this, model, self, target);
    List<MethodSpec> featureLists = features.lists();

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addOriginatingElement(model.element())
        .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", generatorName).build())
        .addJavadoc("Tools of {@link $T}, generated at compile time by Toolwarden. Do not edit.\n", target)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(TypeNames.TOOL_BUNDLE);
    type.addMethod(MethodSpec.methodBuilder("toolClass").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Class.class), com.palantir.javapoet.WildcardTypeName
            .subtypeOf(Object.class)))
        .addStatement("return $T.class", target).build());
    type.addMethod(MethodSpec.methodBuilder("tools").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(TypeNames.LIST, TypeNames.TOOL_DEFINITION))
        .addCode(CodeBlock.builder().add("return $T.of(", TypeNames.LIST).indent().add(definitions.build()).unindent()
            .add(");\n").build())
        .build());
    type.addMethods(featureLists);
    if (!model.forms().isEmpty()) {
      type.addMethod(forms());
    }
    type.addFields(constants.fields());
    type.addMethods(invokers);
    type.addMethods(features.methods());
    type.addMethods(recordMethods.values());
    type.addMethods(patterns.methods());
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  /**
   * {@code elicitationForms()}: each {@code @Elicits} record's form schema as a constant and its generated reader,
   * which binds and validates the user's answer (a form has no path or URL fields, so no invocation is needed).
   */
  private MethodSpec forms() {
    CodeBlock.Builder list = CodeBlock.builder().add("return $T.of(", TypeNames.LIST).indent();
    for (int i = 0; i < model.forms().size(); i++) {
      RecordModel form = model.forms().get(i);
      String schema = constants.schema("FORM_SCHEMA_" + i, schemas.form(form));
      String reader = recordReader(form);
      list.add(i == 0 ? "\n" : ",\n").add("new $T<>($T.class, $L, (content, v) -> $L(content, v, null, false))",
          TypeNames.ELICITATION_FORM, ClassName.get(form.element()), schema, reader);
    }
    list.unindent().add(");\n");
    return MethodSpec.methodBuilder("elicitationForms").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(TypeNames.LIST, ParameterizedTypeName.get(TypeNames.ELICITATION_FORM,
            com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class))))
        .addCode(list.build())
        .build();
  }

  private CodeBlock definition(ToolModel tool, InputPlan plan, int index, ClassName self, String invoker) {
    String input = constants.schema("INPUT_SCHEMA_" + index, schemas.input(tool));
    String output = schemas.output(tool);
    String outputRef = output == null ? "null" : constants.schema("OUTPUT_SCHEMA_" + index, output);
    boolean[] h = tool.hints();
    return CodeBlock.builder()
        .add("new $T(\n", TypeNames.TOOL_DEFINITION).indent()
        .add("$S,\n$L,\n$L,\n", tool.name(), JavaStrings.literal(tool.title()), JavaStrings.literal(tool.description()))
        .add("new $T($L, $L, $L, $L),\n", TypeNames.TOOL_HINTS, h[0], h[1], h[2], h[3])
        .add("$L,\n$L,\n", input, outputRef)
        .add(policy(tool, plan)).add(",\n")
        .add("$T::$L)", self, invoker).unindent()
        .build();
  }

  /** The policy of an operation; {@code plan} is null for one without client input (resource, completion). */
  CodeBlock policy(Operation operation, InputPlan plan) {
    CodeBlock scopes = strings(operation.scopes());
    CodeBlock rate = operation.rateLimit() == null ? CodeBlock.of("null")
        : CodeBlock.of("new $T($L, $LL, $S)", TypeNames.RATE_LIMIT_POLICY, operation.rateLimit().permits(),
            operation.rateLimit().windowMillis(), operation.rateLimit().key());
    CodeBlock.Builder paths = CodeBlock.builder().add("$T.of(", TypeNames.LIST);
    List<PathRuleModel> rules = plan == null ? List.of() : plan.pathRules();
    for (int i = 0; i < rules.size(); i++) {
      paths.add(i == 0 ? "$L" : ", $L", constants.pathRule(rules.get(i)));
    }
    paths.add(")");
    return CodeBlock.of("new $T($L, $L, $L, $L)", TypeNames.TOOL_POLICY, scopes, rate, paths.build(),
        strings(plan == null ? List.of() : plan.redacted()));
  }

  static CodeBlock strings(List<String> values) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.of(", TypeNames.LIST);
    for (int i = 0; i < values.size(); i++) {
      b.add(i == 0 ? "$L" : ", $L", JavaStrings.literal(values.get(i)));
    }
    return b.add(")").build();
  }

  private MethodSpec invoker(ToolModel tool, InputPlan plan, String name, ClassName target) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeNames.TOOL_OUTCOME)
        .addParameter(Object.class, "target")
        .addParameter(TypeNames.STRING_OBJECT_MAP, "args")
        .addParameter(TypeNames.INVOCATION, "inv")
        .addException(Exception.class);
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock call = bindAndCall(b, tool, plan, "args", target);
    ValueWriter writer = valueWriter();
    switch (tool.returnKind()) {
      case VOID -> b.addStatement("$L", call).addStatement("return $T.empty()", TypeNames.TOOL_OUTCOME);
      case PASSTHROUGH -> b.addStatement("return $T.passthrough($L)", TypeNames.TOOL_OUTCOME, call);
      case TEXT -> {
        b.addStatement("$T result = $L", String.class, call);
        if (tool.returnRedacted()) {
          b.addStatement("return $T.text($T.mask(result, $L))", TypeNames.TOOL_OUTCOME, TypeNames.REDACTION,
              tool.returnKeepLast());
        } else {
          b.addStatement("return $T.text(result == null ? \"\" : result)", TypeNames.TOOL_OUTCOME);
        }
      }
      case STRUCTURED_RECORD, STRUCTURED_OBJECT -> {
        b.addStatement("$T result = $L", TypeNames.of(tool.returnType()), call);
        b.addStatement("return result == null ? $T.empty() : $T.structured($L)", TypeNames.TOOL_OUTCOME,
            TypeNames.TOOL_OUTCOME, writer.write(tool.returnType(), CodeBlock.of("result"), 0));
      }
      case STRUCTURED_WRAPPED -> {
        b.addStatement("$T result = $L", TypeNames.of(tool.returnType()), call);
        b.addStatement("$T structured = new $T<>()", TypeNames.STRING_OBJECT_MAP, TypeNames.LINKED_HASH_MAP);
        CodeBlock value = tool.returnRedacted()
            ? CodeBlock.of("$T.mask(result, $L)", TypeNames.REDACTION, tool.returnKeepLast())
            : writer.write(tool.returnType(), CodeBlock.of("result"), 0);
        b.addStatement("structured.put(\"result\", $L)", value);
        b.addStatement("return $T.structured(structured)", TypeNames.TOOL_OUTCOME);
      }
    }
    return m.addCode(b.build()).build();
  }

  /**
   * Emits the binding of the operation's arguments from {@code map} (every violation reported at once, before the
   * call) and returns the call of the method: the same for tools, resource templates and prompts.
   */
  CodeBlock bindAndCall(CodeBlock.Builder b, Operation operation, InputPlan plan, String map, ClassName target) {
    b.addStatement("$T v = new $T()", TypeNames.VIOLATIONS, TypeNames.VIOLATIONS);
    BindingEmitter emitter = new BindingEmitter(constants, patterns, this::recordReader, BindingEmitter.Frame.ARGUMENTS);
    List<String> values = emitter.properties(b, map, plan.arguments());
    List<String> callArgs = new ArrayList<>();
    int next = 0;
    for (Field p : operation.parameters()) {
      callArgs.add(p.type() instanceof JType.Context ? "inv.context()" : values.get(next++));
    }
    b.addStatement("v.throwIfAny()");
    return call(operation, target, callArgs);
  }

  /** The call of the operation's method on the target with these arguments. */
  static CodeBlock call(Operation operation, ClassName target, List<String> callArgs) {
    return CodeBlock.of("(($T) target).$L($L)", target, operation.method().getSimpleName(),
        String.join(", ", callArgs));
  }

  /** Writes returned values as JSON trees (records through the generated writers). */
  ValueWriter valueWriter() {
    return new ValueWriter(model, this::recordWriter);
  }

  Constants constants() {
    return constants;
  }

  SchemaGenerator schemas() {
    return schemas;
  }

  /** The name of the generated reader of a record, generating it on first use. */
  String recordReader(RecordModel r) {
    String name = "read" + javaIdentifier(r.defName());
    if (recordMethods.containsKey(name)) {
      return name;
    }
    recordMethods.put(name, null); // reserve: the reader may recurse into itself
    TypeName type = ClassName.get(r.element());
    CodeBlock.Builder b = CodeBlock.builder();
    // pointers are relative to the record: the caller puts the record's own pointer in front
    b.addStatement("$T m = $T.toObject(raw, \"\", v, red)", TypeNames.STRING_OBJECT_MAP, TypeNames.CHECK);
    b.beginControlFlow("if (m == null)").addStatement("return null").endControlFlow();
    b.addStatement("int mark = v.size()");
    BindingEmitter emitter = new BindingEmitter(constants, patterns, this::recordReader, BindingEmitter.Frame.RECORD);
    List<Binding> components = model.plan().components(r);
    List<String> values = emitter.properties(b, "m", components);
    b.beginControlFlow("if (v.size() != mark)").addStatement("return null").endControlFlow();
    b.addStatement("return new $T($L)", type, String.join(", ", values));
    recordMethods.put(name, MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type)
        .addParameter(Object.class, "raw")
        .addParameter(TypeNames.VIOLATIONS, "v")
        .addParameter(TypeNames.INVOCATION, "inv")
        .addParameter(boolean.class, "red")
        .addCode(b.build())
        .build());
    return name;
  }

  /** The name of the generated writer of a record, generating it on first use. */
  String recordWriter(RecordModel r) {
    String name = "write" + javaIdentifier(r.defName());
    if (recordMethods.containsKey(name)) {
      return name;
    }
    recordMethods.put(name, null);
    ValueWriter writer = valueWriter();
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("if (value == null)").addStatement("return null").endControlFlow();
    b.addStatement("$T m = new $T<>()", TypeNames.STRING_OBJECT_MAP, TypeNames.LINKED_HASH_MAP);
    for (Field c : r.components()) {
      CodeBlock access = CodeBlock.of("value.$L()", c.javaName());
      CodeBlock out = c.redacted()
          ? CodeBlock.of("$T.mask($L, $L)", TypeNames.REDACTION, access, c.keepLast())
          : writer.write(c.type(), access, 0);
      b.addStatement("m.put($S, $L)", c.jsonName(), out);
    }
    b.addStatement("return m");
    recordMethods.put(name, MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeNames.STRING_OBJECT_MAP)
        .addParameter(ClassName.get(r.element()), "value")
        .addCode(b.build())
        .build());
    return name;
  }

  static String javaIdentifier(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(Character.isJavaIdentifierPart(c) ? c : '_');
    }
    return b.toString();
  }
}
