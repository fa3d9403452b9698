package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.Check;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.spi.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shaped like generated code: constant schemas, straight-line validation, no reflection. */
public final class EchoToolsBundle implements ToolBundle {

  static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";

  static final String ECHO_SCHEMA = "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"minLength\":1,"
      + "\"maxLength\":100}},\"required\":[\"text\"],\"additionalProperties\":false}";

  static final String ADD_SCHEMA = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},"
      + "\"b\":{\"type\":\"integer\",\"minimum\":0}},\"required\":[\"a\",\"b\"],\"additionalProperties\":false}";

  static final String ADD_OUTPUT = "{\"type\":\"object\",\"properties\":{\"sum\":{\"type\":\"integer\"}},"
      + "\"required\":[\"sum\"],\"additionalProperties\":false}";

  private static final ToolHints READ_ONLY = new ToolHints(true, false, true, false);
  private static final ToolHints PLAIN = new ToolHints(false, false, false, false);

  @Override
  public Class<?> toolClass() {
    return EchoTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(
        new ToolDefinition("echo", "Echo", "Returns the text", READ_ONLY, ECHO_SCHEMA, null,
            policy("echo:use"), EchoToolsBundle::echo),
        new ToolDefinition("add", null, "Adds two integers", READ_ONLY, ADD_SCHEMA, ADD_OUTPUT,
            policy("math:use"), EchoToolsBundle::add),
        new ToolDefinition("nothing", null, "Does nothing", PLAIN, EMPTY_SCHEMA, null, policy(),
            (t, a, i) -> {
              noArguments(a);
              ((EchoTools) t).nothing();
              return ToolOutcome.empty();
            }),
        new ToolDefinition("raw_result", null, "Returns an SDK result", PLAIN, EMPTY_SCHEMA, null, policy(),
            (t, a, i) -> ToolOutcome.passthrough(((EchoTools) t).rawResult())),
        new ToolDefinition("raw_contents", null, "Returns SDK contents", PLAIN, EMPTY_SCHEMA, null, policy(),
            (t, a, i) -> ToolOutcome.passthrough(((EchoTools) t).rawContents())),
        new ToolDefinition("fail_internal", null, "Throws an unexpected exception", PLAIN, EMPTY_SCHEMA, null,
            policy(), (t, a, i) -> ToolOutcome.text(((EchoTools) t).failInternal())),
        new ToolDefinition("fail_user", null, "Throws a ToolException", PLAIN, EMPTY_SCHEMA, null, policy(),
            (t, a, i) -> ToolOutcome.text(((EchoTools) t).failUser())),
        new ToolDefinition("admin_only", null, "Needs the admin scope", PLAIN, EMPTY_SCHEMA, null,
            policy("admin"), (t, a, i) -> ToolOutcome.text(((EchoTools) t).adminOnly())),
        new ToolDefinition("stray_print", null, "Prints to System.out", PLAIN, EMPTY_SCHEMA, null, policy(),
            (t, a, i) -> ToolOutcome.text(((EchoTools) t).strayPrint(i.context()))),
        new ToolDefinition("report", null, "Sends progress and a log message", PLAIN, EMPTY_SCHEMA, null, policy(),
            (t, a, i) -> ToolOutcome.text(((EchoTools) t).report(i.context()))),
        new ToolDefinition("ask", null, "Asks the client's model (sampling)", PLAIN, EMPTY_SCHEMA, null, policy(),
            (t, a, i) -> ToolOutcome.text(((EchoTools) t).ask(i.context()))));
  }

  private static ToolPolicy policy(String... scopes) {
    return new ToolPolicy(List.of(scopes), null, List.of(), List.of());
  }

  private static void noArguments(Map<String, Object> args) throws dev.toolwarden.runtime.spi.ArgumentsRejectedException {
    Violations v = new Violations();
    for (String k : args.keySet()) {
      v.add("/" + Violations.escape(k), "additionalProperties", "unknown argument");
    }
    v.throwIfAny();
  }

  private static ToolOutcome echo(Object target, Map<String, Object> args, dev.toolwarden.runtime.spi.Invocation inv)
      throws Exception {
    Violations v = new Violations();
    String text = null;
    for (String k : args.keySet()) {
      if (!k.equals("text")) {
        v.add("/" + Violations.escape(k), "additionalProperties", "unknown argument");
      }
    }
    Object raw = args.get("text");
    if (raw == null) {
      v.add("/text", "required", "is required");
    } else {
      int mark = v.size();
      text = Check.toStr(raw, "/text", v, false);
      if (v.size() == mark) {
        int len = Check.length(text);
        if (len < 1) {
          v.add("/text", "minLength", "must have at least 1 character", text, false);
        } else if (len > 100) {
          v.add("/text", "maxLength", "must have at most 100 characters", text, false);
        }
      }
    }
    v.throwIfAny();
    return ToolOutcome.text(((EchoTools) target).echo(text));
  }

  private static ToolOutcome add(Object target, Map<String, Object> args, dev.toolwarden.runtime.spi.Invocation inv)
      throws Exception {
    Violations v = new Violations();
    for (String k : args.keySet()) {
      if (!k.equals("a") && !k.equals("b")) {
        v.add("/" + Violations.escape(k), "additionalProperties", "unknown argument");
      }
    }
    int a = 0;
    int b = 0;
    if (!args.containsKey("a")) {
      v.add("/a", "required", "is required");
    } else {
      a = Check.toInt(args.get("a"), "/a", v, false);
    }
    if (!args.containsKey("b")) {
      v.add("/b", "required", "is required");
    } else {
      int mark = v.size();
      b = Check.toInt(args.get("b"), "/b", v, false);
      if (v.size() == mark && b < 0) {
        v.add("/b", "minimum", "must be at least 0", args.get("b"), false);
      }
    }
    v.throwIfAny();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sum", ((EchoTools) target).add(a, b));
    return ToolOutcome.structured(out);
  }
}
