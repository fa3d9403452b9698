package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.Check;
import dev.toolwarden.runtime.spi.CompletionDefinition;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.PromptArgument;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.PromptOutcome;
import dev.toolwarden.runtime.spi.RateLimitPolicy;
import dev.toolwarden.runtime.spi.ResourceDefinition;
import dev.toolwarden.runtime.spi.ResourceOutcome;
import dev.toolwarden.runtime.spi.ResourceTemplateDefinition;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.spi.Violations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Hand-written as the processor would generate it for {@link FeatureTools}. */
public final class FeatureToolsBundle implements ToolBundle {

  public static final String WORKSPACE = "file:///workspace/{+path}";
  public static final String PROFILE = "users://{id}/profile";
  static final PathRule PATH_RULE = new PathRule("/path", "ws", true, "FILE", List.of(), true);

  private static ToolPolicy open() {
    return new ToolPolicy(List.of(), null, List.of(), List.of());
  }

  @Override
  public Class<?> toolClass() {
    return FeatureTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of();
  }

  @Override
  public List<ResourceDefinition> resources() {
    return List.of(
        new ResourceDefinition("config://app", "app-config", "App config", "The configuration", null, open(),
            (t, uri, vars, inv) -> ResourceOutcome.text(((FeatureTools) t).config())),
        new ResourceDefinition("config://admin", "admin-config", null, null, "text/x-admin",
            new ToolPolicy(List.of("admin"), null, List.of(), List.of()),
            (t, uri, vars, inv) -> ResourceOutcome.text("admin only")),
        new ResourceDefinition("data://bytes", "bytes", null, null, null, open(),
            (t, uri, vars, inv) -> ResourceOutcome.blob("hi".getBytes(StandardCharsets.UTF_8))),
        new ResourceDefinition("data://json", "json", null, null, null, open(),
            (t, uri, vars, inv) -> ResourceOutcome.json(Map.of("a", 1))),
        new ResourceDefinition("data://missing", "missing", null, null, null, open(),
            (t, uri, vars, inv) -> ResourceOutcome.notFound()),
        new ResourceDefinition("data://limited", "limited", null, null, null,
            new ToolPolicy(List.of(), new RateLimitPolicy(2, 60_000, "GLOBAL"), List.of(), List.of()),
            (t, uri, vars, inv) -> ResourceOutcome.text("ok")));
  }

  @Override
  public List<ResourceTemplateDefinition> resourceTemplates() {
    String pathSchema = "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}";
    String idSchema = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}";
    String restSchema = "{\"type\":\"object\",\"properties\":{\"rest\":{\"type\":\"string\"}}}";
    String nameSchema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
    return List.of(
        new ResourceTemplateDefinition(WORKSPACE, "workspace-file", null, "A workspace file", null, pathSchema,
            new ToolPolicy(List.of("files:read"), null, List.of(PATH_RULE), List.of()),
            (t, uri, vars, inv) -> {
              Violations v = new Violations();
              String s = Check.toStr(vars.get("path"), "/path", v, false);
              Path p = s == null ? null : inv.resolvePath(PATH_RULE, "/path", s, v);
              v.throwIfAny();
              return ResourceOutcome.text(((FeatureTools) t).readWorkspace(p));
            }),
        new ResourceTemplateDefinition(PROFILE, "profile", null, null, null, idSchema,
            new ToolPolicy(List.of("users:read"), null, List.of(), List.of()),
            (t, uri, vars, inv) -> {
              Violations v = new Violations();
              Object id = vars.get("id");
              if (!(id instanceof Number)) {
                v.add("/id", "type", "must be an integer");
              }
              v.throwIfAny();
              return ResourceOutcome.text(((FeatureTools) t).profile(((Number) id).longValue()));
            }),
        new ResourceTemplateDefinition("notes://{+rest}", "notes", null, null, null, restSchema, open(),
            (t, uri, vars, inv) -> ResourceOutcome.text(((FeatureTools) t).note((String) vars.get("rest")))),
        new ResourceTemplateDefinition("notes://pinned/{name}", "pinned", null, null, null, nameSchema, open(),
            (t, uri, vars, inv) -> ResourceOutcome.text(((FeatureTools) t).pinned((String) vars.get("name")))));
  }

  @Override
  public List<PromptDefinition> prompts() {
    String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
        + "\"times\":{\"type\":\"integer\"},\"secret\":{\"type\":\"string\"}},\"required\":[\"name\"]}";
    return List.of(
        new PromptDefinition("greet", "Greeting", "Greets someone", List.of(
                new PromptArgument("name", null, "who", true),
                new PromptArgument("times", null, "how often", false),
                new PromptArgument("secret", null, "a secret", false)),
            schema, new ToolPolicy(List.of(), null, List.of(), List.of("/input/secret")),
            (t, args, inv) -> {
              Violations v = new Violations();
              Object times = args.get("times");
              if (times != null && !(times instanceof Number)) {
                v.add("/times", "type", "must be an integer");
              }
              if (args.get("name") == null) {
                v.add("/name", "required", "is required");
              }
              v.throwIfAny();
              return PromptOutcome.text(((FeatureTools) t).greet((String) args.get("name"),
                  times == null ? null : ((Number) times).intValue(), (String) args.get("secret")));
            }),
        new PromptDefinition("admin_prompt", null, null, List.of(), "{\"type\":\"object\"}",
            new ToolPolicy(List.of("admin"), null, List.of(), List.of()),
            (t, args, inv) -> PromptOutcome.text("admin prompt")));
  }

  @Override
  public List<CompletionDefinition> completions() {
    return List.of(
        new CompletionDefinition(CompletionDefinition.RefKind.PROMPT, "greet", "name", open(),
            (t, value, ctx, inv) -> ((FeatureTools) t).names(value)),
        // its own scope; the runtime adds the template's (users:read), as the processor leaves it to
        new CompletionDefinition(CompletionDefinition.RefKind.RESOURCE_TEMPLATE, PROFILE, "id",
            new ToolPolicy(List.of("ids:read"), null, List.of(), List.of()),
            (t, value, ctx, inv) -> List.of("1", "2", "3")));
  }
}
