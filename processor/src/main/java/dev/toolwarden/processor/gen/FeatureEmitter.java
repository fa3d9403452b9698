package dev.toolwarden.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.toolwarden.processor.model.CompletionModel;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.InputPlan;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.PromptModel;
import dev.toolwarden.processor.model.ResourceModel;
import dev.toolwarden.processor.model.ResourceResult;
import dev.toolwarden.processor.model.TemplateModel;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.lang.model.element.Modifier;

/**
 * Generates the resources, resource templates, prompts and completions of a bundle: the overrides of
 * {@code resources()}, {@code resourceTemplates()}, {@code prompts()} and {@code completions()} (only for the
 * kinds the class declares) and one static method per declaration. Template variables and prompt arguments are
 * bound exactly as tool arguments are ({@link BundleGenerator#bindAndCall}); results are mapped to the SPI's
 * outcomes, {@code null} and {@code Optional.empty()} of a resource to resource-not-found.
 */
final class FeatureEmitter {

  private final BundleGenerator bundle;
  private final ToolClassModel model;
  private final ClassName self;
  private final ClassName target;
  private final List<MethodSpec> methods = new ArrayList<>();

  FeatureEmitter(BundleGenerator bundle, ToolClassModel model, ClassName self, ClassName target) {
    this.bundle = bundle;
    this.model = model;
    this.self = self;
    this.target = target;
  }

  /** The overrides listing the declarations; generates their methods on the way. */
  List<MethodSpec> lists() {
    List<MethodSpec> lists = new ArrayList<>();
    list(lists, "resources", TypeNames.RESOURCE_DEFINITION, model.resources(), this::resource);
    list(lists, "resourceTemplates", TypeNames.RESOURCE_TEMPLATE_DEFINITION, model.templates(), this::template);
    list(lists, "prompts", TypeNames.PROMPT_DEFINITION, model.prompts(), this::prompt);
    list(lists, "completions", TypeNames.COMPLETION_DEFINITION, model.completions(), this::completion);
    return lists;
  }

  /** The readers, renderers and completers {@link #lists()} generated. */
  List<MethodSpec> methods() {
    return methods;
  }

  private <T> void list(List<MethodSpec> lists, String name, ClassName element, List<T> declarations,
      BiFunction<T, Integer, CodeBlock> definition) {
    if (declarations.isEmpty()) {
      return; // the interface's default: an empty list
    }
    CodeBlock.Builder b = CodeBlock.builder().add("return $T.of(", TypeNames.LIST).indent();
    for (int i = 0; i < declarations.size(); i++) {
      b.add(i == 0 ? "\n" : ",\n").add(definition.apply(declarations.get(i), i));
    }
    lists.add(MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(TypeNames.LIST, element))
        .addCode(b.unindent().add(");\n").build())
        .build());
  }

  private CodeBlock resource(ResourceModel r, int index) {
    String reader = name("readResource", index, r);
    CodeBlock.Builder b = CodeBlock.builder();
    List<String> callArgs = new ArrayList<>();
    for (Field p : r.parameters()) {
      callArgs.add("inv.context()"); // TemplateCheck admits only the context
    }
    result(b, r.result(), BundleGenerator.call(r, target, callArgs));
    methods.add(readerMethod(reader, b));
    return CodeBlock.builder()
        .add("new $T(\n", TypeNames.RESOURCE_DEFINITION).indent()
        .add("$S,\n$L,\n$L,\n$L,\n$L,\n", r.uri(), JavaStrings.literal(r.name()), JavaStrings.literal(r.title()),
            JavaStrings.literal(r.description()), JavaStrings.literal(r.mimeType()))
        .add(bundle.policy(r, null)).add(",\n")
        .add("$T::$L)", self, reader).unindent()
        .build();
  }

  private CodeBlock template(TemplateModel t, int index) {
    String reader = name("readTemplate", index, t);
    InputPlan plan = model.plan().of(t);
    CodeBlock.Builder b = CodeBlock.builder();
    result(b, t.result(), bundle.bindAndCall(b, t, plan, "vars", target));
    methods.add(readerMethod(reader, b));
    String schema = bundle.constants().schema("VARIABLES_SCHEMA_" + index, bundle.schemas().input(t));
    return CodeBlock.builder()
        .add("new $T(\n", TypeNames.RESOURCE_TEMPLATE_DEFINITION).indent()
        .add("$S,\n$L,\n$L,\n$L,\n$L,\n", t.uriTemplate(), JavaStrings.literal(t.name()), JavaStrings.literal(t.title()),
            JavaStrings.literal(t.description()), JavaStrings.literal(t.mimeType()))
        .add("$L,\n", schema)
        .add(bundle.policy(t, plan)).add(",\n")
        .add("$T::$L)", self, reader).unindent()
        .build();
  }

  private CodeBlock prompt(PromptModel p, int index) {
    String renderer = name("render", index, p);
    InputPlan plan = model.plan().of(p);
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock call = bundle.bindAndCall(b, p, plan, "args", target);
    if (p.result() == PromptModel.Result.TEXT) {
      b.addStatement("$T result = $L", String.class, call);
      b.addStatement("return $T.text(result == null ? \"\" : result)", TypeNames.PROMPT_OUTCOME);
    } else {
      b.addStatement("return $T.passthrough($L)", TypeNames.PROMPT_OUTCOME, call);
    }
    methods.add(method(renderer, TypeNames.PROMPT_OUTCOME)
        .addParameter(TypeNames.STRING_OBJECT_MAP, "args")
        .addParameter(TypeNames.INVOCATION, "inv")
        .addException(Exception.class)
        .addCode(b.build()).build());
    CodeBlock.Builder arguments = CodeBlock.builder().add("$T.of(", TypeNames.LIST).indent();
    boolean first = true;
    for (Field f : p.parameters()) {
      if (!(f.type() instanceof JType.Context)) {
        arguments.add(first ? "\n" : ",\n").add("new $T($S, null, $L, $L)", TypeNames.PROMPT_ARGUMENT, f.jsonName(),
            JavaStrings.literal(f.description()), f.required());
        first = false;
      }
    }
    arguments.unindent().add(")");
    String schema = bundle.constants().schema("ARGUMENTS_SCHEMA_" + index, bundle.schemas().input(p));
    return CodeBlock.builder()
        .add("new $T(\n", TypeNames.PROMPT_DEFINITION).indent()
        .add("$S,\n$L,\n$L,\n", p.name(), JavaStrings.literal(p.title()), JavaStrings.literal(p.description()))
        .add(arguments.build()).add(",\n")
        .add("$L,\n", schema)
        .add(bundle.policy(p, plan)).add(",\n")
        .add("$T::$L)", self, renderer).unindent()
        .build();
  }

  private CodeBlock completion(CompletionModel c, int index) {
    String completer = name("complete", index, c);
    List<String> callArgs = new ArrayList<>();
    for (CompletionModel.Role role : c.roles()) {
      callArgs.add(switch (role) {
        case VALUE -> "value";
        case CONTEXT -> "context";
        case TOOL_CONTEXT -> "inv.context()";
      });
    }
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T result = $L", TypeNames.STRING_LIST, BundleGenerator.call(c, target, callArgs));
    b.addStatement("return result == null ? $T.of() : result", TypeNames.LIST);
    methods.add(method(completer, TypeNames.STRING_LIST)
        .addParameter(String.class, "value")
        .addParameter(TypeNames.STRING_STRING_MAP, "context")
        .addParameter(TypeNames.INVOCATION, "inv")
        .addException(Exception.class)
        .addCode(b.build()).build());
    ClassName refKind = TypeNames.COMPLETION_DEFINITION.nestedClass("RefKind");
    return CodeBlock.builder()
        .add("new $T(\n", TypeNames.COMPLETION_DEFINITION).indent()
        .add("$T.$L,\n$S,\n$S,\n", refKind, c.target().kind().name(), c.target().ref(), c.target().argument())
        .add(bundle.policy(c, null)).add(",\n")
        .add("$T::$L)", self, completer).unindent()
        .build();
  }

  /** Maps the value the call returns to a {@code ResourceOutcome}: null and an empty Optional are not found. */
  private void result(CodeBlock.Builder b, ResourceResult r, CodeBlock call) {
    b.addStatement("var result = $L", call);
    b.beginControlFlow(r.optional() ? "if (result == null || result.isEmpty())" : "if (result == null)");
    b.addStatement("return $T.notFound()", TypeNames.RESOURCE_OUTCOME);
    b.endControlFlow();
    CodeBlock value = r.optional() ? CodeBlock.of("result.get()") : CodeBlock.of("result");
    switch (r.kind()) {
      case TEXT -> b.addStatement("return $T.text($L)", TypeNames.RESOURCE_OUTCOME, value);
      case BLOB -> b.addStatement("return $T.blob($L)", TypeNames.RESOURCE_OUTCOME, value);
      case JSON -> b.addStatement("return $T.json($L)", TypeNames.RESOURCE_OUTCOME,
          bundle.valueWriter().write(r.type(), value, 0));
      case PASSTHROUGH -> b.addStatement("return $T.passthrough($L)", TypeNames.RESOURCE_OUTCOME, value);
    }
  }

  private MethodSpec readerMethod(String name, CodeBlock.Builder body) {
    return method(name, TypeNames.RESOURCE_OUTCOME)
        .addParameter(String.class, "uri")
        .addParameter(TypeNames.STRING_OBJECT_MAP, "vars")
        .addParameter(TypeNames.INVOCATION, "inv")
        .addException(Exception.class)
        .addCode(body.build()).build();
  }

  private static MethodSpec.Builder method(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(returns)
        .addParameter(Object.class, "target");
  }

  private static String name(String prefix, int index, Operation o) {
    return prefix + index + "_" + BundleGenerator.javaIdentifier(o.method().getSimpleName().toString());
  }
}
