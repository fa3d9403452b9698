package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.Check;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.spi.UrlRule;
import dev.toolwarden.runtime.spi.Violations;
import dev.toolwarden.runtime.url.LoopbackOrigin;
import dev.toolwarden.runtime.url.SsrfCorpus;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Shaped like generated code for {@link UrlTools}. */
public final class UrlToolsBundle implements ToolBundle {

  static final String URL_INPUT = "{\"type\":\"object\",\"properties\":{\"url\":{\"type\":\"string\",\"format\":\"uri\"}},"
      + "\"required\":[\"url\"],\"additionalProperties\":false}";
  static final UrlRule OPEN = SsrfCorpus.rule("open", "/input/url");
  static final UrlRule LISTED = SsrfCorpus.rule("listed", "/input/url");
  static final UrlRule FETCH = new UrlRule("/input/url", List.of("http"), List.of("*.lab.test"),
      Arrays.stream(LoopbackOrigin.FIXED_PORTS).boxed().toList(), false);
  private static final ToolHints HINTS = new ToolHints(true, false, true, true);

  @Override
  public Class<?> toolClass() {
    return UrlTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(
        tool("open", OPEN, UrlTools::open),
        tool("listed", LISTED, UrlTools::listed),
        tool("fetch", FETCH, UrlTools::fetch));
  }

  private static ToolDefinition tool(String name, UrlRule rule, BiFunction<UrlTools, URI, String> method) {
    return new ToolDefinition(name, null, "Takes a URL", HINTS, URL_INPUT, null,
        new ToolPolicy(List.of(), null, List.of(), List.of()),
        (target, args, inv) -> invoke(rule, (UrlTools) target, args, inv, method));
  }

  private static ToolOutcome invoke(UrlRule rule, UrlTools target, Map<String, Object> args, Invocation inv,
      BiFunction<UrlTools, URI, String> method) throws Exception {
    Violations v = new Violations();
    for (String key : args.keySet()) {
      if (!key.equals("url")) {
        v.add("/" + Violations.escape(key), "additionalProperties", "unknown argument");
      }
    }
    Object raw0 = args.get("url");
    URI arg1 = null;
    if (raw0 == null) {
      v.add("", "required", "missing required argument 'url'");
    } else {
      String text2 = Check.toStr(raw0, "/url", v, false);
      if (text2 != null) {
        arg1 = inv.checkUrl(rule, "/url", text2, v);
      }
    }
    v.throwIfAny();
    return ToolOutcome.text(method.apply(target, arg1));
  }
}
