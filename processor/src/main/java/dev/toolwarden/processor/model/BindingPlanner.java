package dev.toolwarden.processor.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the {@link BindingPlan} of a class from what the user declared: one plan per argument and
 * record component, the rule of every {@code @SafePath} and {@code @SafeUrl} declaration (named after the
 * declaration, pointing at the first place a tool's input reaches it) and the redacted pointers
 * each operation's policy lists. Walks tools, templates and prompts in declaration order, so the plan is
 * deterministic.
 */
final class BindingPlanner {

  private final Map<String, RecordModel> records;
  /** Rules by declaration ("input 0 path", "record Node file"): one per declaration, however often reached. */
  private final Map<String, PathRuleModel> rules = new LinkedHashMap<>();
  /** {@code @SafeUrl} rules by declaration, as for paths. */
  private final Map<String, UrlRuleModel> urlRules = new LinkedHashMap<>();
  private final Set<String> constantNames = new HashSet<>();
  private final Map<String, List<Binding>> recordPlans = new LinkedHashMap<>();

  private BindingPlanner(Map<String, RecordModel> records) {
    this.records = records;
  }

  /** The plan of a class's tools, resource templates and prompts, given the records they reach. */
  static BindingPlan plan(List<Operation> inputs, Map<String, RecordModel> records) {
    return plan(inputs, records, List.of());
  }

  /** As {@link #plan(List, Map)}, and the components of the elicitation forms (their readers bind the answers). */
  static BindingPlan plan(List<Operation> inputs, Map<String, RecordModel> records, List<RecordModel> forms) {
    BindingPlanner planner = new BindingPlanner(records);
    List<InputPlan> plans = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      plans.add(planner.input(i, inputs.get(i)));
    }
    for (RecordModel form : forms) {
      planner.record(new JType.RecordType(form.element(), form.element().getQualifiedName().toString()), "/form",
          new Policy());
    }
    return new BindingPlan(List.copyOf(plans), planner.recordPlans, List.copyOf(planner.rules.values()),
        List.copyOf(planner.urlRules.values()));
  }

  /** What one operation's walk collects for its policy. */
  private static final class Policy {
    final List<PathRuleModel> pathRules = new ArrayList<>();
    final List<UrlRuleModel> urlRules = new ArrayList<>();
    final List<String> redacted = new ArrayList<>();
    final List<RecordModel> onTheWay = new ArrayList<>();
  }

  /** Where a field is declared: the key of its declaration and the stem of its rule's constant name. */
  private record Owner(String key, String constantStem) {}

  private InputPlan input(int index, Operation operation) {
    Owner owner = new Owner("input " + index, operation.method().getSimpleName().toString());
    Policy policy = new Policy();
    List<Binding> arguments = new ArrayList<>();
    for (Field p : operation.parameters()) {
      if (!(p.type() instanceof JType.Context)) {
        arguments.add(field(p, owner, JsonPointer.child("/input", p.jsonName()), policy));
      }
    }
    // only a tool's result is a structured value the client reads back; resources and prompts return text
    if (operation instanceof ToolModel tool && tool.returnRedacted()) {
      policy.redacted.add("/output");
    } else if (operation instanceof ToolModel tool && tool.returnType() != null) {
      String pointer = tool.returnKind() == ToolModel.ReturnKind.STRUCTURED_WRAPPED ? "/output/result" : "/output";
      RedactedOutput.collect(tool.returnType(), pointer, records, policy.redacted, new ArrayList<>());
    }
    return new InputPlan(operation, List.copyOf(arguments), List.copyOf(policy.pathRules), List.copyOf(policy.urlRules),
        List.copyOf(policy.redacted));
  }

  /** The plan of an argument or record component reached at {@code pointer} of a tool's input. */
  private Binding field(Field f, Owner owner, String pointer, Policy policy) {
    if (f.redacted()) {
      policy.redacted.add(pointer);
    }
    PathRuleModel rule = f.safePath() == null ? null : rule(owner, f, pointer);
    if (rule != null && !policy.pathRules.contains(rule)) {
      policy.pathRules.add(rule);
    }
    UrlRuleModel urlRule = f.safeUrl() == null ? null : urlRule(owner, f, pointer);
    if (urlRule != null && !policy.urlRules.contains(urlRule)) {
      policy.urlRules.add(urlRule);
    }
    JType value = f.type() instanceof JType.OptionalType o ? o.value() : f.type();
    Constraints constraints = f.type() instanceof JType.OptionalType o
        ? Constraints.merge(f.constraints(), o.valueConstraints())
        : f.constraints();
    Binding.Presence presence = f.nullable() ? Binding.Presence.NULLABLE
        : f.defaultJson() != null ? Binding.Presence.DEFAULTED : Binding.Presence.REQUIRED;
    return new Binding(f.jsonName(), "/" + JsonPointer.escape(f.jsonName()), f.type(), value, constraints, presence,
        f.defaultValue(), f.redacted(), rule, urlRule, element(value, pointer, rule, urlRule, policy),
        record(value, pointer, policy));
  }

  /** The plan of each item or map value of a container, or null for a value that is none. */
  private Binding element(JType container, String pointer, PathRuleModel rule, UrlRuleModel urlRule, Policy policy) {
    JType t;
    Constraints constraints;
    boolean nullable;
    if (container instanceof JType.ArrayType a) {
      t = a.element();
      constraints = a.elementConstraints();
      nullable = a.elementNullable();
    } else if (container instanceof JType.MapType m) {
      t = m.value();
      constraints = m.valueConstraints();
      nullable = m.valueNullable();
    } else {
      return null;
    }
    String each = pointer + "/*";
    return new Binding(null, null, t, t, constraints,
        nullable ? Binding.Presence.NULLABLE : Binding.Presence.REQUIRED, null, false, rule, urlRule,
        element(t, each, rule, urlRule, policy), record(t, each, policy));
  }

  /**
   * The record a value is bound to, or null. The first time a record is reached its components are
   * planned; every time a tool reaches it (but not again inside itself) the policy collects its pointers.
   */
  private RecordModel record(JType t, String pointer, Policy policy) {
    if (!(t instanceof JType.RecordType r)) {
      return null;
    }
    RecordModel record = Records.find(records, r);
    if (policy.onTheWay.contains(record)) {
      return record;
    }
    policy.onTheWay.add(record);
    Owner owner = new Owner("record " + record.defName(), record.defName());
    List<Binding> components = new ArrayList<>();
    for (Field c : record.components()) {
      components.add(field(c, owner, JsonPointer.child(pointer, c.jsonName()), policy));
    }
    policy.onTheWay.remove(record);
    recordPlans.putIfAbsent(record.defName(), List.copyOf(components));
    return record;
  }

  private PathRuleModel rule(Owner owner, Field f, String pointer) {
    return once(rules, owner, f, "PATH_RULE_", name -> new PathRuleModel(name, pointer, f.safePath()));
  }

  private UrlRuleModel urlRule(Owner owner, Field f, String pointer) {
    return once(urlRules, owner, f, "URL_RULE_", name -> new UrlRuleModel(name, pointer, f.safeUrl()));
  }

  /** The rule of a declaration, made (and its constant named) the first time the declaration is reached. */
  private <R> R once(Map<String, R> byDeclaration, Owner owner, Field f, String prefix, Function<String, R> make) {
    String key = owner.key() + " " + f.javaName();
    R existing = byDeclaration.get(key);
    if (existing != null) {
      return existing;
    }
    R rule = make.apply(constantName(prefix, owner, f));
    byDeclaration.put(key, rule);
    return rule;
  }

  /** A constant name unique in the bundle, derived from the declaration ({@code PATH_RULE_READ_FILE_PATH}). */
  private String constantName(String prefix, Owner owner, Field f) {
    String stem = prefix + constantCase(owner.constantStem()) + "_" + constantCase(f.javaName());
    String name = stem;
    for (int n = 2; !constantNames.add(name); n++) {
      name = stem + "_" + n;
    }
    return name;
  }

  /** {@code readFile} → {@code READ_FILE}; characters not allowed in a Java name become {@code _}. */
  static String constantCase(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(name.charAt(i - 1))
          && name.charAt(i - 1) != '_') {
        b.append('_');
      }
      b.append(Character.isJavaIdentifierPart(c) ? c : '_');
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
