package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.Check;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.RateLimitPolicy;
import dev.toolwarden.runtime.spi.Redaction;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.spi.Violations;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Shaped like generated code for {@link PolicyTools}. */
public final class PolicyToolsBundle implements ToolBundle {


  static final String EMPTY = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";
  static final String PAY = "{\"type\":\"object\",\"properties\":{\"card\":{\"type\":\"string\",\"pattern\":\"^(?:[0-9]{12,19})$\"},"
      + "\"note\":{\"type\":\"string\",\"maxLength\":40},\"mode\":{\"type\":\"string\",\"enum\":[\"ok\",\"user\",\"internal\"]}},"
      + "\"required\":[\"card\",\"note\",\"mode\"],\"additionalProperties\":false}";
  static final String PAY_OUT = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"card\":{\"type\":[\"string\",\"null\"]},"
      + "\"note\":{\"type\":\"string\"}},\"required\":[\"id\",\"card\",\"note\"],\"additionalProperties\":false}";
  static final String READ = "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"],"
      + "\"additionalProperties\":false}";

  public static final PathRule READ_RULE = new PathRule("/input/path", "ws", true, "FILE", List.of(), true);
  private static final Pattern DIGITS = Pattern.compile("[0-9]{12,19}");
  private static final ToolHints HINTS = new ToolHints(true, false, true, false);

  @Override
  public Class<?> toolClass() {
    return PolicyTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(
        new ToolDefinition("limited", null, "3 calls a minute per principal", HINTS, EMPTY, null,
            new ToolPolicy(List.of(), new RateLimitPolicy(3, 60_000, "PRINCIPAL"), List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((PolicyTools) t).limited())),
        new ToolDefinition("limited_session", null, "2 calls a minute per session", HINTS, EMPTY, null,
            new ToolPolicy(List.of(), new RateLimitPolicy(2, 60_000, "SESSION"), List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((PolicyTools) t).limited())),
        new ToolDefinition("limited_global", null, "2 calls a minute for everyone", HINTS, EMPTY, null,
            new ToolPolicy(List.of(), new RateLimitPolicy(2, 60_000, "GLOBAL"), List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((PolicyTools) t).limited())),
        new ToolDefinition("pay", null, "Pays with a card", HINTS, PAY, PAY_OUT,
            new ToolPolicy(List.of(), null, List.of(), List.of("/input/card", "/output/card")),
            PolicyToolsBundle::pay),
        new ToolDefinition("read", null, "Reads a file of the workspace", HINTS, READ, null,
            new ToolPolicy(List.of(), null, List.of(READ_RULE), List.of()), PolicyToolsBundle::read),
        new ToolDefinition("admin", null, "Needs admin:all", HINTS, EMPTY, null,
            new ToolPolicy(List.of("admin:all"), null, List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((PolicyTools) t).admin())));
  }

  private static void unknown(Map<String, Object> args, Violations v, String... known) {
    for (String k : args.keySet()) {
      if (!List.of(known).contains(k)) {
        v.add("/" + Violations.escape(k), "additionalProperties", "unknown argument");
      }
    }
  }

  private static ToolOutcome pay(Object target, Map<String, Object> args, Invocation inv) throws Exception {
    Violations v = new Violations();
    unknown(args, v, "card", "note", "mode");
    String card = null;
    Object rawCard = args.get("card");
    if (rawCard == null) {
      v.add("", "required", "missing required argument 'card'");
    } else {
      card = Check.toStr(rawCard, "/card", v, true);
      if (card != null && !DIGITS.matcher(card).matches()) {
        v.add("/card", "pattern", "must match the pattern [0-9]{12,19}", rawCard, true);
      }
    }
    String note = null;
    Object rawNote = args.get("note");
    if (rawNote == null) {
      v.add("", "required", "missing required argument 'note'");
    } else {
      note = Check.toStr(rawNote, "/note", v, false);
      if (note != null && Check.length(note) > 40) {
        v.add("/note", "maxLength", "must be at most 40 characters long", rawNote, false);
      }
    }
    String mode = null;
    Object rawMode = args.get("mode");
    if (rawMode == null) {
      v.add("", "required", "missing required argument 'mode'");
    } else {
      mode = Check.toStr(rawMode, "/mode", v, false);
      if (mode != null && !List.of("ok", "user", "internal").contains(mode)) {
        v.add("/mode", "enum", "must be one of ok, user, internal", rawMode, false);
      }
    }
    v.throwIfAny();
    PolicyTools.Receipt r = ((PolicyTools) target).pay(card, note, mode);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("card", Redaction.mask(r.card(), 4));
    m.put("note", r.note());
    return ToolOutcome.structured(m);
  }

  private static ToolOutcome read(Object target, Map<String, Object> args, Invocation inv) throws Exception {
    Violations v = new Violations();
    unknown(args, v, "path");
    Path path = null;
    Object raw = args.get("path");
    if (raw == null) {
      v.add("", "required", "missing required argument 'path'");
    } else {
      String s = Check.toStr(raw, "/path", v, false);
      if (s != null) {
        path = inv.resolvePath(READ_RULE, "/path", s, v);
      }
    }
    v.throwIfAny();
    return ToolOutcome.text(((PolicyTools) target).read(path));
  }
}
