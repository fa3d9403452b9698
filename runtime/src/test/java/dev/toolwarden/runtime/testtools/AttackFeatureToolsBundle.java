package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.Check;
import dev.toolwarden.runtime.spi.CompletionDefinition;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.PromptArgument;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.PromptOutcome;
import dev.toolwarden.runtime.spi.ResourceDefinition;
import dev.toolwarden.runtime.spi.ResourceOutcome;
import dev.toolwarden.runtime.spi.ResourceTemplateDefinition;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.spi.Violations;
import java.nio.file.Path;
import java.util.List;

/** Hand-written as the processor would generate it for {@link AttackFeatureTools}. */
public final class AttackFeatureToolsBundle implements ToolBundle {

  public static final String DOCS = "docs://ws{/name}";
  public static final String VAULT = "vault://{key}";
  static final PathRule NAME_RULE = new PathRule("/name", "ws", true, "FILE", List.of(), false);

  @Override
  public Class<?> toolClass() {
    return AttackFeatureTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of();
  }

  @Override
  public List<ResourceDefinition> resources() {
    return List.of();
  }

  @Override
  public List<ResourceTemplateDefinition> resourceTemplates() {
    String nameSchema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}";
    String keySchema = "{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"}},\"required\":[\"key\"]}";
    return List.of(
        new ResourceTemplateDefinition(DOCS, "doc", null, null, null, nameSchema,
            new ToolPolicy(List.of(), null, List.of(NAME_RULE), List.of()),
            (t, uri, vars, inv) -> {
              Violations v = new Violations();
              String s = Check.toStr(vars.get("name"), "/name", v, false);
              Path p = s == null ? null : inv.resolvePath(NAME_RULE, "/name", s, v);
              v.throwIfAny();
              return ResourceOutcome.text(((AttackFeatureTools) t).doc(p));
            }),
        new ResourceTemplateDefinition(VAULT, "vault", null, null, null, keySchema,
            new ToolPolicy(List.of("vault:read"), null, List.of(), List.of("/input/key")),
            (t, uri, vars, inv) -> ResourceOutcome.text(((AttackFeatureTools) t).vault((String) vars.get("key")))));
  }

  @Override
  public List<PromptDefinition> prompts() {
    String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}},"
        + "\"additionalProperties\":false}";
    String sealedSchema = "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},"
        + "\"additionalProperties\":false}";
    return List.of(new PromptDefinition("locked", null, null, List.of(
            new PromptArgument("a", null, null, false), new PromptArgument("b", null, null, false)),
        schema, new ToolPolicy(List.of("locked:use"), null, List.of(), List.of("/input/b")),
        (t, args, inv) -> PromptOutcome.text(((AttackFeatureTools) t).locked((String) args.get("a"),
            (String) args.get("b")))),
        // no @McpComplete at all
        new PromptDefinition("sealed", null, null, List.of(new PromptArgument("q", null, null, false)),
            sealedSchema, new ToolPolicy(List.of("sealed:use"), null, List.of(), List.of()),
            (t, args, inv) -> PromptOutcome.text("sealed")));
  }

  @Override
  public List<CompletionDefinition> completions() {
    // no scope of its own: the runtime adds the prompt's (locked:use)
    return List.of(new CompletionDefinition(CompletionDefinition.RefKind.PROMPT, "locked", "a",
        new ToolPolicy(List.of(), null, List.of(), List.of()),
        (t, value, ctx, inv) -> ((AttackFeatureTools) t).lockedValues(value)));
  }
}
