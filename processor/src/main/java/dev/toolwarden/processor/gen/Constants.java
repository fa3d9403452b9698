package dev.toolwarden.processor.gen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.toolwarden.processor.model.PathRuleModel;
import dev.toolwarden.processor.model.SafePathModel;
import dev.toolwarden.processor.model.SafeUrlModel;
import dev.toolwarden.processor.model.UrlRuleModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The static constants of a generated bundle: schemas, compiled patterns, decimal bounds, path
 * and URL rules, each created once per class (never per call) and shared when equal.
 */
final class Constants {

  private final List<FieldSpec> fields = new ArrayList<>();
  private final Map<String, String> byKey = new LinkedHashMap<>();

  List<FieldSpec> fields() {
    return fields;
  }

  String schema(String name, String json) {
    return add("schema:" + name, name, TypeName.get(String.class), CodeBlock.of("$S", json));
  }

  String pattern(String regex) {
    return add("pattern:" + regex, "PATTERN_" + count("PATTERN_"), TypeNames.PATTERN,
        CodeBlock.of("$T.compile($L)", TypeNames.PATTERN, JavaStrings.literal(regex)));
  }

  String decimal(BigDecimal value) {
    return add("decimal:" + value, "DECIMAL_" + count("DECIMAL_"), TypeNames.BIG_DECIMAL,
        CodeBlock.of("new $T($S)", TypeNames.BIG_DECIMAL, value.toString()));
  }

  /** The constant of a confinement rule, named by the plan after its declaration. */
  String pathRule(PathRuleModel rule) {
    SafePathModel p = rule.declaration();
    CodeBlock init = CodeBlock.of("new $T($S, $S, $L, $S, $L, $L)", TypeNames.PATH_RULE, rule.pointer(), p.root(),
        p.mustExist(), p.kind(), BundleGenerator.strings(p.extensions()), p.followLinks());
    return add("path:" + rule.constantName(), rule.constantName(), TypeNames.PATH_RULE, init);
  }

  /** The constant of a {@code @SafeUrl} rule, named by the plan after its declaration. */
  String urlRule(UrlRuleModel rule) {
    SafeUrlModel u = rule.declaration();
    CodeBlock ports = CodeBlock.of("$T.of($L)", TypeNames.LIST, String.join(", ",
        u.ports().stream().map(String::valueOf).toList()));
    CodeBlock init = CodeBlock.of("new $T($S, $L, $L, $L, $L)", TypeNames.URL_RULE, rule.pointer(),
        BundleGenerator.strings(u.schemes()), BundleGenerator.strings(u.hosts()), ports, u.allowPrivate());
    return add("url:" + rule.constantName(), rule.constantName(), TypeNames.URL_RULE, init);
  }

  private int count(String prefix) {
    int n = 0;
    for (String v : byKey.values()) {
      if (v.startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }

  private String add(String key, String name, TypeName type, CodeBlock init) {
    String existing = byKey.get(key);
    if (existing != null) {
      return existing;
    }
    byKey.put(key, name);
    fields.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(init)
        .build());
    return name;
  }
}
