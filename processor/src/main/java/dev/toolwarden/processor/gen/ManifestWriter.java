package dev.toolwarden.processor.gen;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.ToolModel;
import dev.toolwarden.processor.model.ToolPlan;
import dev.toolwarden.processor.model.UrlRuleModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The security manifest ({@code META-INF/toolwarden/manifest.json}): every tool with its class
 * and method, scopes, rate limit, confined paths, redacted values and the SHA-256 of its
 * schemas, plus every waiver with its reason. Sorted and pretty-printed one fact per line, so a
 * reviewer diffs it in code review.
 */
public final class ManifestWriter {

  public static final String PATH = "META-INF/toolwarden/manifest.json";

  private final Map<String, Map<String, Object>> tools = new TreeMap<>();

  public void add(ToolClassModel model) {
    SchemaGenerator schemas = new SchemaGenerator(model);
    for (ToolPlan plan : model.plan().tools()) {
      ToolModel t = plan.tool();
      Map<String, Object> tool = new LinkedHashMap<>();
      tool.put("class", model.element().getQualifiedName().toString());
      tool.put("method", t.method().getSimpleName().toString());
      tool.put("scopes", t.scopes());
      if (t.rateLimit() != null) {
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("permits", t.rateLimit().permits());
        rate.put("windowMillis", t.rateLimit().windowMillis());
        rate.put("key", t.rateLimit().key());
        tool.put("rateLimit", rate);
      }
      List<Object> paths = new ArrayList<>();
      for (Field p : t.parameters()) {
        if (p.safePath() != null) {
          Map<String, Object> path = new LinkedHashMap<>();
          path.put("argument", p.jsonName());
          path.put("root", p.safePath().root());
          path.put("kind", p.safePath().kind());
          path.put("mustExist", p.safePath().mustExist());
          path.put("followLinks", p.safePath().followLinks());
          path.put("extensions", p.safePath().extensions());
          paths.add(path);
        }
      }
      tool.put("safePaths", paths);
      List<Object> urls = new ArrayList<>();
      for (UrlRuleModel rule : plan.urlRules()) {
        Map<String, Object> url = new LinkedHashMap<>();
        url.put("pointer", rule.pointer());
        url.put("schemes", rule.declaration().schemes());
        url.put("hosts", rule.declaration().hosts());
        url.put("ports", rule.declaration().ports());
        url.put("allowPrivate", rule.declaration().allowPrivate());
        urls.add(url);
      }
      tool.put("safeUrls", urls);
      tool.put("redacted", plan.redacted());
      tool.put("inputSchemaSha256", sha256(schemas.input(t)));
      String output = schemas.output(t);
      if (output != null) {
        tool.put("outputSchemaSha256", sha256(output));
      }
      tools.put(t.name(), tool);
    }
  }

  public String write(List<Reporter.Waived> waived) {
    List<Map<String, Object>> waivers = new ArrayList<>();
    List<Reporter.Waived> sorted = new ArrayList<>(waived);
    sorted.sort(Comparator.comparing((Reporter.Waived w) -> describe(w.element())).thenComparing(Reporter.Waived::rule));
    for (Reporter.Waived w : sorted) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("element", describe(w.element()));
      m.put("rule", w.rule());
      m.put("reason", w.reason());
      if (!waivers.contains(m)) {
        waivers.add(m);
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("manifestVersion", 1);
    root.put("tools", tools);
    root.put("waivers", waivers);
    return Json.pretty(root) + "\n";
  }

  public boolean isEmpty() {
    return tools.isEmpty();
  }

  /** "com.acme.Tools#method(param)", "com.acme.Tools#FIELD", "com.acme.Tools". */
  static String describe(Element e) {
    return switch (e.getKind()) {
      case PARAMETER -> describe(e.getEnclosingElement()) + "/" + e.getSimpleName();
      case METHOD, CONSTRUCTOR, FIELD, ENUM_CONSTANT, RECORD_COMPONENT -> describe(e.getEnclosingElement()) + "#"
          + e.getSimpleName() + (e.getKind() == ElementKind.METHOD || e.getKind() == ElementKind.CONSTRUCTOR
          ? "()" : "");
      case LOCAL_VARIABLE -> describe(e.getEnclosingElement()) + "/" + e.getSimpleName();
      default -> e instanceof TypeElement t ? t.getQualifiedName().toString() : e.getSimpleName().toString();
    };
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
