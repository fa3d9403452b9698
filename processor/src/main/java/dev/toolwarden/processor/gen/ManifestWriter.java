package dev.toolwarden.processor.gen;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.model.CompletionModel;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.InputPlan;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.PromptModel;
import dev.toolwarden.processor.model.ResourceModel;
import dev.toolwarden.processor.model.TemplateModel;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.ToolModel;
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
 * The security manifest ({@code META-INF/toolwarden/manifest.json}): every tool (and resource, resource template,
 * prompt and completion) with its class
 * and method, scopes, rate limit, confined paths, redacted values and the SHA-256 of its
 * schemas, plus every waiver with its reason. Sorted and pretty-printed one fact per line, so a
 * reviewer diffs it in code review.
 */
public final class ManifestWriter {

  public static final String PATH = "META-INF/toolwarden/manifest.json";

  private final Map<String, Map<String, Object>> tools = new TreeMap<>();
  private final Map<String, Map<String, Object>> resources = new TreeMap<>();
  private final Map<String, Map<String, Object>> templates = new TreeMap<>();
  private final Map<String, Map<String, Object>> prompts = new TreeMap<>();
  private final Map<String, Map<String, Object>> completions = new TreeMap<>();
  private final java.util.TreeSet<String> bodyFindings = new java.util.TreeSet<>();

  /** A finding of the tool-body flow analysis (package {@code flow}): one stable line, waived ones marked. */
  public void addBodyFinding(String line) {
    bodyFindings.add(line);
  }

  public void add(ToolClassModel model) {
    SchemaGenerator schemas = new SchemaGenerator(model);
    for (ToolModel t : model.tools()) {
      InputPlan plan = model.plan().of(t);
      Map<String, Object> tool = entry(model, t, plan);
      tool.put("inputSchemaSha256", sha256(schemas.input(t)));
      String output = schemas.output(t);
      if (output != null) {
        tool.put("outputSchemaSha256", sha256(output));
      }
      tools.put(t.name(), tool);
    }
    for (ResourceModel r : model.resources()) {
      resources.put(r.uri(), entry(model, r, null));
    }
    for (TemplateModel t : model.templates()) {
      Map<String, Object> template = entry(model, t, model.plan().of(t));
      template.put("variablesSchemaSha256", sha256(schemas.input(t)));
      templates.put(t.uriTemplate(), template);
    }
    for (PromptModel p : model.prompts()) {
      Map<String, Object> prompt = entry(model, p, model.plan().of(p));
      prompt.put("argumentsSchemaSha256", sha256(schemas.input(p)));
      prompts.put(p.name(), prompt);
    }
    for (CompletionModel c : model.completions()) {
      Map<String, Object> completion = entry(model, c, null);
      completion.put("ref", c.target().kind() == CompletionModel.RefKind.PROMPT ? "prompt" : "resourceTemplate");
      completions.put(c.target().kind() + " " + c.name(), completion);
    }
  }

  /**
   * What the manifest says of every kind: where it is declared, its scopes and rate limit, and — for an operation
   * with client input ({@code plan} not null) — its confined paths, checked URLs and redacted values.
   */
  private static Map<String, Object> entry(ToolClassModel model, Operation o, InputPlan plan) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("class", model.element().getQualifiedName().toString());
    entry.put("method", o.method().getSimpleName().toString());
    entry.put("scopes", o.scopes());
    if (o.rateLimit() != null) {
      Map<String, Object> rate = new LinkedHashMap<>();
      rate.put("permits", o.rateLimit().permits());
      rate.put("windowMillis", o.rateLimit().windowMillis());
      rate.put("key", o.rateLimit().key());
      entry.put("rateLimit", rate);
    }
    if (plan == null) {
      return entry;
    }
    List<Object> paths = new ArrayList<>();
    for (Field p : o.parameters()) {
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
    entry.put("safePaths", paths);
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
    entry.put("safeUrls", urls);
    entry.put("redacted", plan.redacted());
    return entry;
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
    // the other kinds only when declared: a manifest of tools alone stays as it was
    putIfAny(root, "resources", resources);
    putIfAny(root, "resourceTemplates", templates);
    putIfAny(root, "prompts", prompts);
    putIfAny(root, "completions", completions);
    root.put("waivers", waivers);
    if (!bodyFindings.isEmpty()) {
      root.put("bodyFindings", new ArrayList<>(bodyFindings));
    }
    return Json.pretty(root) + "\n";
  }

  public boolean isEmpty() {
    return tools.isEmpty() && resources.isEmpty() && templates.isEmpty() && prompts.isEmpty()
        && completions.isEmpty() && bodyFindings.isEmpty();
  }

  private static void putIfAny(Map<String, Object> root, String key, Map<String, Map<String, Object>> entries) {
    if (!entries.isEmpty()) {
      root.put(key, entries);
    }
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
