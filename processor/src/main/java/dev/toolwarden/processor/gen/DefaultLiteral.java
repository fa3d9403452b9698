package dev.toolwarden.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.toolwarden.processor.model.Binding;
import dev.toolwarden.processor.model.JType;
import java.math.BigDecimal;

/** The Java expression of a declared default value, typed as the argument it stands for. */
final class DefaultLiteral {

  private DefaultLiteral() {}

  static CodeBlock of(Binding binding, Constants constants) {
    Object d = binding.defaultValue();
    if (binding.value() instanceof JType.EnumType e) {
      return CodeBlock.of("$T.$L", ClassName.get(e.element()), d);
    }
    JType.Scalar s = (JType.Scalar) binding.value();
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
      case STRING -> JavaStrings.literal((String) d);
      case UUID -> CodeBlock.of("$T.fromString($S)", ClassName.get("java.util", "UUID"), d);
      case URI -> CodeBlock.of("$T.create($S)", ClassName.get("java.net", "URI"), d);
      case LOCAL_DATE -> CodeBlock.of("$T.parse($S)", ClassName.get("java.time", "LocalDate"), d);
      case INSTANT -> CodeBlock.of("$T.parse($S).toInstant()", ClassName.get("java.time", "OffsetDateTime"), d);
      case OFFSET_DATE_TIME -> CodeBlock.of("$T.parse($S)", ClassName.get("java.time", "OffsetDateTime"), d);
      case DURATION -> CodeBlock.of("$T.parse($S)", ClassName.get("java.time", "Duration"), d);
      case PATH, URL -> throw new IllegalStateException("no default for Path or URL (refused by the checks)");
    };
  }
}
