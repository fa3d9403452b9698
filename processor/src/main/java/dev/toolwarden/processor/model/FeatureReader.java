package dev.toolwarden.processor.model;

import dev.toolwarden.processor.diag.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the methods of the MCP server surface other than tools — {@code @McpResource},
 * {@code @McpResourceTemplate}, {@code @McpPrompt} and {@code @McpComplete} — with the parameter, return type and
 * policy reading of {@link ModelReader}. Unsupported return types are reported here; everything else is judged by
 * the checks.
 */
final class FeatureReader {

  private final ModelReader reader;
  private final Annotations annotations;
  private final Map<String, RecordModel> records;

  FeatureReader(ModelReader reader, Map<String, RecordModel> records) {
    this.reader = reader;
    this.annotations = reader.annotations();
    this.records = records;
  }

  ResourceModel resource(TypeElement owner, ExecutableElement m) {
    AnnotationMirror a = Annotations.find(m, Names.MCP_RESOURCE);
    Javadoc doc = reader.javadoc(m);
    String uri = annotations.string(a, "uri");
    ResourceResult result = resourceResult(m, "resource " + uri);
    MethodPolicy policy = reader.policy(owner, m);
    return new ResourceModel(m, uri, reader.nameOr(a, m), title(a), reader.descriptionOr(a, doc),
        mimeType(a, result), reader.parameters(m, doc, records), result, policy.scopes(), policy.rateLimit());
  }

  TemplateModel template(TypeElement owner, ExecutableElement m) {
    AnnotationMirror a = Annotations.find(m, Names.MCP_RESOURCE_TEMPLATE);
    Javadoc doc = reader.javadoc(m);
    String text = annotations.string(a, "uriTemplate");
    ResourceResult result = resourceResult(m, "resource template " + text);
    MethodPolicy policy = reader.policy(owner, m);
    return new TemplateModel(m, text, UriTemplate.parse(text).template(), reader.nameOr(a, m), title(a),
        reader.descriptionOr(a, doc), mimeType(a, result), reader.parameters(m, doc, records), result,
        policy.scopes(), policy.rateLimit());
  }

  PromptModel prompt(TypeElement owner, ExecutableElement m) {
    AnnotationMirror a = Annotations.find(m, Names.MCP_PROMPT);
    Javadoc doc = reader.javadoc(m);
    String name = reader.nameOr(a, m);
    TypeMirror rt = m.getReturnType();
    PromptModel.Result result = null;
    if (isString(rt)) {
      result = PromptModel.Result.TEXT;
    } else if (reader.isSdk(rt, Names.GET_PROMPT_RESULT, Names.PROMPT_MESSAGE, false)) {
      result = PromptModel.Result.PASSTHROUGH;
    } else {
      reader.reporter().report(Rule.PROMPT_RETURN, m, name, rt);
    }
    MethodPolicy policy = reader.policy(owner, m);
    return new PromptModel(m, name, title(a), reader.descriptionOr(a, doc), reader.parameters(m, doc, records),
        result, policy.scopes(), policy.rateLimit());
  }

  CompletionModel completion(TypeElement owner, ExecutableElement m) {
    AnnotationMirror a = Annotations.find(m, Names.MCP_COMPLETE);
    String prompt = annotations.string(a, "prompt");
    String argument = annotations.string(a, "argument");
    String template = annotations.string(a, "resourceTemplate");
    String variable = annotations.string(a, "variable");
    CompletionModel.Target target = null;
    if (!prompt.isEmpty() && !argument.isEmpty() && template.isEmpty() && variable.isEmpty()) {
      target = new CompletionModel.Target(CompletionModel.RefKind.PROMPT, prompt, argument);
    } else if (prompt.isEmpty() && argument.isEmpty() && !template.isEmpty() && !variable.isEmpty()) {
      target = new CompletionModel.Target(CompletionModel.RefKind.RESOURCE_TEMPLATE, template, variable);
    }
    List<CompletionModel.Role> roles = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      roles.add(role(p));
    }
    MethodPolicy policy = reader.policy(owner, m);
    return new CompletionModel(m, target, roles, isListOf(m.getReturnType(), "java.lang.String"), policy.scopes(),
        policy.rateLimit());
  }

  private static CompletionModel.Role role(VariableElement p) {
    TypeMirror t = p.asType();
    if (t.getKind() == TypeKind.ERROR) {
      throw new Unresolved(t.toString(), p);
    }
    if (isString(t)) {
      return CompletionModel.Role.VALUE;
    }
    if (t instanceof DeclaredType d && ModelReader.isNamed(d, "java.util.Map") && d.getTypeArguments().size() == 2
        && isString(d.getTypeArguments().get(0)) && isString(d.getTypeArguments().get(1))) {
      return CompletionModel.Role.CONTEXT;
    }
    if (t instanceof DeclaredType d && ModelReader.isNamed(d, Names.TOOL_CONTEXT)) {
      return CompletionModel.Role.TOOL_CONTEXT;
    }
    return null;
  }

  /**
   * How a resource's return value becomes contents: {@code Optional} unwrapped, then SDK passthrough,
   * {@code String}, {@code byte[]}, or a record, collection or map as JSON; null (reported) for anything else.
   */
  private ResourceResult resourceResult(ExecutableElement m, String what) {
    TypeMirror rt = m.getReturnType();
    boolean optional = false;
    if (rt instanceof DeclaredType d && ModelReader.isNamed(d, "java.util.Optional")
        && d.getTypeArguments().size() == 1) {
      rt = d.getTypeArguments().get(0);
      optional = true;
    }
    if (rt.getKind() == TypeKind.ERROR) {
      throw new Unresolved(rt.toString(), m);
    }
    if (reader.isSdk(rt, Names.READ_RESOURCE_RESULT, Names.RESOURCE_CONTENTS, true)) {
      return new ResourceResult(ResourceResult.Kind.PASSTHROUGH, null, optional);
    }
    if (isString(rt)) {
      return new ResourceResult(ResourceResult.Kind.TEXT, null, optional);
    }
    if (rt instanceof ArrayType arr && arr.getComponentType().getKind() == TypeKind.BYTE) {
      return new ResourceResult(ResourceResult.Kind.BLOB, null, optional);
    }
    String reason = "return String (text), byte[] (blob), a record, List, Set or Map (JSON), ResourceContents, "
        + "a List of them or ReadResourceResult, or Optional of one of these (empty: resource not found)";
    if (rt.getKind() != TypeKind.VOID) {
      JType t = reader.readResult(rt, m, records);
      if (t instanceof JType.RecordType || t instanceof JType.ArrayType || t instanceof JType.MapType) {
        return new ResourceResult(ResourceResult.Kind.JSON, t, optional);
      }
      if (t instanceof JType.Unsupported u) {
        reason = u.reason();
      }
    }
    reader.reporter().report(Rule.RESOURCE_RETURN, m, what, m.getReturnType(), reason);
    return null;
  }

  private String title(AnnotationMirror a) {
    return ModelReader.emptyToNull(annotations.string(a, "title"));
  }

  private String mimeType(AnnotationMirror a, ResourceResult result) {
    String declared = annotations.string(a, "mimeType");
    if (!declared.isEmpty()) {
      return declared;
    }
    return result == null ? null : result.kind().defaultMimeType();
  }

  private static boolean isString(TypeMirror t) {
    return t instanceof DeclaredType d && ModelReader.isNamed(d, "java.lang.String");
  }

  private static boolean isListOf(TypeMirror t, String element) {
    return t instanceof DeclaredType d && ModelReader.isNamed(d, "java.util.List") && d.getTypeArguments().size() == 1
        && d.getTypeArguments().get(0) instanceof DeclaredType e && ModelReader.isNamed(e, element);
  }
}
