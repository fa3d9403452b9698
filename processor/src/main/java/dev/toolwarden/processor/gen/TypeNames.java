package dev.toolwarden.processor.gen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ScalarKind;

/** JavaPoet type names for model types, and the runtime SPI's class names. */
final class TypeNames {

  static final String SPI = "dev.toolwarden.runtime.spi";
  static final ClassName TOOL_BUNDLE = ClassName.get(SPI, "ToolBundle");
  static final ClassName TOOL_DEFINITION = ClassName.get(SPI, "ToolDefinition");
  static final ClassName ELICITATION_FORM = ClassName.get(SPI, "ElicitationForm");
  static final ClassName TOOL_HINTS = ClassName.get(SPI, "ToolHints");
  static final ClassName TOOL_POLICY = ClassName.get(SPI, "ToolPolicy");
  static final ClassName RATE_LIMIT_POLICY = ClassName.get(SPI, "RateLimitPolicy");
  static final ClassName PATH_RULE = ClassName.get(SPI, "PathRule");
  static final ClassName URL_RULE = ClassName.get(SPI, "UrlRule");
  static final ClassName URI = ClassName.get("java.net", "URI");
  static final ClassName INVOCATION = ClassName.get(SPI, "Invocation");
  static final ClassName VIOLATIONS = ClassName.get(SPI, "Violations");
  static final ClassName CHECK = ClassName.get(SPI, "Check");
  static final ClassName FORMAT_CHECK = ClassName.get(SPI, "FormatCheck");
  static final ClassName OUT = ClassName.get(SPI, "Out");
  static final ClassName REDACTION = ClassName.get(SPI, "Redaction");
  static final ClassName TOOL_OUTCOME = ClassName.get(SPI, "ToolOutcome");
  static final ClassName RESOURCE_DEFINITION = ClassName.get(SPI, "ResourceDefinition");
  static final ClassName RESOURCE_TEMPLATE_DEFINITION = ClassName.get(SPI, "ResourceTemplateDefinition");
  static final ClassName RESOURCE_OUTCOME = ClassName.get(SPI, "ResourceOutcome");
  static final ClassName PROMPT_DEFINITION = ClassName.get(SPI, "PromptDefinition");
  static final ClassName PROMPT_ARGUMENT = ClassName.get(SPI, "PromptArgument");
  static final ClassName PROMPT_OUTCOME = ClassName.get(SPI, "PromptOutcome");
  static final ClassName COMPLETION_DEFINITION = ClassName.get(SPI, "CompletionDefinition");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName PATTERN = ClassName.get("java.util.regex", "Pattern");
  static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  static final ClassName STRING = ClassName.get(String.class);
  static final TypeName STRING_OBJECT_MAP = ParameterizedTypeName.get(MAP, STRING, ClassName.OBJECT);
  static final TypeName STRING_STRING_MAP = ParameterizedTypeName.get(MAP, STRING, STRING);
  static final TypeName STRING_LIST = ParameterizedTypeName.get(LIST, STRING);

  private TypeNames() {}

  static TypeName of(JType t) {
    if (t instanceof JType.Scalar s) {
      if (s.primitive()) {
        return switch (s.kind()) {
          case BOOLEAN -> TypeName.BOOLEAN;
          case BYTE -> TypeName.BYTE;
          case SHORT -> TypeName.SHORT;
          case INT -> TypeName.INT;
          case LONG -> TypeName.LONG;
          case FLOAT -> TypeName.FLOAT;
          case DOUBLE -> TypeName.DOUBLE;
          default -> throw new IllegalStateException(s.toString());
        };
      }
      return ClassName.bestGuess(s.kind() == ScalarKind.PATH ? "java.nio.file.Path" : s.javaType());
    }
    if (t instanceof JType.EnumType e) {
      return ClassName.get(e.element());
    }
    if (t instanceof JType.RecordType r) {
      return ClassName.get(r.element());
    }
    if (t instanceof JType.ArrayType a) {
      TypeName element = of(a.element());
      return switch (a.container()) {
        case ARRAY -> ArrayTypeName.of(element);
        case LIST -> ParameterizedTypeName.get(LIST, element.box());
        case SET -> ParameterizedTypeName.get(ClassName.get("java.util", "Set"), element.box());
      };
    }
    if (t instanceof JType.MapType m) {
      return ParameterizedTypeName.get(MAP, STRING, of(m.value()).box());
    }
    if (t instanceof JType.OptionalType o) {
      return ParameterizedTypeName.get(OPTIONAL, of(o.value()).box());
    }
    if (t instanceof JType.Context c) {
      return ClassName.bestGuess(c.javaType());
    }
    throw new IllegalStateException("no Java type for " + t);
  }

  /** The value a variable of this type holds before it is read. */
  static String neutral(JType t) {
    if (t instanceof JType.Scalar s && s.primitive()) {
      return s.kind() == ScalarKind.BOOLEAN ? "false" : "0";
    }
    return "null";
  }
}
