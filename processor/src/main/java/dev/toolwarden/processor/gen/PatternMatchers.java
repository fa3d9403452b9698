package dev.toolwarden.processor.gen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * How generated code tests a {@code @Pattern}: a {@link SimplePattern} becomes a private method
 * with one loop per atom (no regex engine, no allocation); any other regex a compiled
 * {@code java.util.regex.Pattern} constant. One per distinct regex in a bundle.
 */
final class PatternMatchers {

  private final Constants constants;
  private final Map<String, String> methodNames = new LinkedHashMap<>();
  private final List<MethodSpec> methods = new ArrayList<>();

  PatternMatchers(Constants constants) {
    this.constants = constants;
  }

  /** The generated methods, in first-use order. */
  List<MethodSpec> methods() {
    return methods;
  }

  /** The boolean expression: whether the whole of {@code text} matches {@code regex}. */
  CodeBlock matches(String regex, String text) {
    String method = methodNames.get(regex);
    if (method == null) {
      SimplePattern simple = SimplePattern.parse(regex);
      if (simple == null) {
        return CodeBlock.of("$L.matcher($L).matches()", constants.pattern(regex), text);
      }
      method = "matchesPattern" + methods.size();
      methodNames.put(regex, method);
      methods.add(method(method, regex, simple));
    }
    return CodeBlock.of("$L($L)", method, text);
  }

  private static MethodSpec method(String name, String regex, SimplePattern p) {
    CodeBlock.Builder b = CodeBlock.builder();
    // a simple pattern has only printable ASCII and no backslash: safe in a line comment
    b.add("// $L: the result of Pattern.matches, checked by a loop per atom\n", regex);
    b.addStatement("int n = s.length()");
    int min = p.minLength();
    int max = p.maxLength();
    if (min == max) {
      b.beginControlFlow("if (n != $L)", min);
    } else if (max < 0) {
      b.beginControlFlow("if (n < $L)", min);
    } else {
      b.beginControlFlow("if (n < $L || n > $L)", min, max);
    }
    b.addStatement("return false").endControlFlow();
    int at = 0;
    for (SimplePattern.Atom a : p.atoms()) {
      if (a.fixed() && a.min() == 1) {
        b.beginControlFlow("if (!($L))", condition(a, CodeBlock.of("s.charAt($L)", at)));
        b.addStatement("return false").endControlFlow();
      } else if (a.min() != 0 || !a.fixed()) {
        // the last atom (the only one that may vary) runs to the end: the length check bounded its count
        b.beginControlFlow("for (int i = $L; i < $L; i++)", at, a.fixed() ? String.valueOf(at + a.min()) : "n");
        b.addStatement("char c = s.charAt(i)");
        b.beginControlFlow("if (!($L))", condition(a, CodeBlock.of("c")));
        b.addStatement("return false").endControlFlow();
        b.endControlFlow();
      }
      at += a.min();
    }
    b.addStatement("return true");
    return MethodSpec.methodBuilder(name)
        .addJavadoc("Whether {@code s} matches a {@code @Pattern} simple enough to need no regex engine.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(String.class, "s")
        .addCode(b.build())
        .build();
  }

  /** {@code c >= 'A' && c <= 'Z' || c == '_'} for the atom's ranges. */
  private static CodeBlock condition(SimplePattern.Atom a, CodeBlock c) {
    CodeBlock.Builder b = CodeBlock.builder();
    char[] r = a.ranges();
    for (int i = 0; i < r.length; i += 2) {
      if (i > 0) {
        b.add(" || ");
      }
      if (r[i] == r[i + 1]) {
        b.add("$L == $L", c, literal(r[i]));
      } else {
        b.add("$L >= $L && $L <= $L", c, literal(r[i]), c, literal(r[i + 1]));
      }
    }
    return b.build();
  }

  private static String literal(char c) {
    return c == '\'' ? "'\\''" : "'" + c + "'";
  }
}
