package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.internal.resource.UriTemplate;
import dev.toolwarden.runtime.internal.server.Bound;
import dev.toolwarden.runtime.internal.server.BoundFeatures;
import dev.toolwarden.runtime.spi.CompletionDefinition;
import dev.toolwarden.runtime.spi.PromptArgument;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.ResourceDefinition;
import dev.toolwarden.runtime.spi.ResourceTemplateDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The start-up checks of the annotated features across bundles (the processor checks each class; only the runtime
 * sees them together): unique URIs, templates and prompt names, also against the SDK passthrough; templates inside the
 * supported subset; completions that name a prompt argument or template variable that exists.
 */
final class FeatureChecks {

  private FeatureChecks() {}

  static void check(BoundFeatures bound, Features.Passthrough passthrough) {
    Map<String, Class<?>> uris = new HashMap<>();
    for (Bound<ResourceDefinition> b : bound.resources()) {
      String uri = b.definition().uri();
      UriTemplate t = compile(uri, "resource", b.owner());
      if (t.hasVariables()) {
        throw new ToolwardenStartupException("resource '" + uri + "' in " + b.owner().getName() + " has template"
            + " expressions: declare it with @McpResourceTemplate");
      }
      unique(uris, uri, b.owner(), "resource URI");
      if (passthrough.resourceUris().contains(uri)) {
        throw clash("resource URI", uri, b.owner(), ".resources(..)");
      }
    }
    Map<String, Class<?>> templates = new HashMap<>();
    Map<String, UriTemplate> compiled = new HashMap<>();
    for (Bound<ResourceTemplateDefinition> b : bound.templates()) {
      String text = b.definition().uriTemplate();
      compiled.put(text, compile(text, "resource template", b.owner()));
      unique(templates, text, b.owner(), "resource template");
      if (passthrough.templates().contains(text)) {
        throw clash("resource template", text, b.owner(), ".resourceTemplates(..)");
      }
    }
    Map<String, Class<?>> promptNames = new HashMap<>();
    Map<String, Set<String>> arguments = new HashMap<>();
    for (Bound<PromptDefinition> b : bound.prompts()) {
      String name = b.definition().name();
      unique(promptNames, name, b.owner(), "prompt name");
      if (passthrough.prompts().contains(name)) {
        throw clash("prompt name", name, b.owner(), ".prompts(..)");
      }
      Set<String> args = new HashSet<>();
      for (PromptArgument a : b.definition().arguments()) {
        args.add(a.name());
      }
      arguments.put(name, args);
    }
    Set<String> completed = new HashSet<>();
    for (Bound<CompletionDefinition> b : bound.completions()) {
      CompletionDefinition d = b.definition();
      String where = "@McpComplete in " + b.owner().getName();
      if (d.refKind() == CompletionDefinition.RefKind.PROMPT) {
        Set<String> args = arguments.get(d.ref());
        if (args == null) {
          throw new ToolwardenStartupException(where + " completes prompt '" + d.ref() + "', which no bound class"
              + " declares: fix the name or bind the class with that @McpPrompt");
        }
        if (!args.contains(d.argument())) {
          throw new ToolwardenStartupException(where + " completes argument '" + d.argument() + "' of prompt '"
              + d.ref() + "', which has no such argument: use one of " + args);
        }
      } else {
        UriTemplate t = compiled.get(d.ref());
        if (t == null) {
          throw new ToolwardenStartupException(where + " completes resource template '" + d.ref() + "', which no"
              + " bound class declares: use the template text exactly as in @McpResourceTemplate");
        }
        if (!t.variables().contains(d.argument())) {
          throw new ToolwardenStartupException(where + " completes variable '" + d.argument() + "' of resource"
              + " template '" + d.ref() + "', which has no such variable: use one of " + t.variables());
        }
      }
      if (!completed.add(d.refKind() + " " + d.ref() + "#" + d.argument())) {
        throw new ToolwardenStartupException(where + ": '" + d.argument() + "' of '" + d.ref() + "' already has an"
            + " @McpComplete method: keep one");
      }
    }
  }

  private static UriTemplate compile(String text, String what, Class<?> owner) {
    try {
      return UriTemplate.compile(text);
    } catch (IllegalArgumentException e) {
      throw new ToolwardenStartupException(what + " '" + text + "' in " + owner.getName() + " is outside the supported"
          + " URI template subset: " + e.getMessage() + " (see the README's URI template section)");
    }
  }

  private static void unique(Map<String, Class<?>> seen, String key, Class<?> owner, String what) {
    Class<?> other = seen.putIfAbsent(key, owner);
    if (other != null) {
      throw new ToolwardenStartupException("duplicate " + what + " '" + key + "' in " + other.getName() + " and "
          + owner.getName() + ": each must be unique in one server");
    }
  }

  private static ToolwardenStartupException clash(String what, String key, Class<?> owner, String builderMethod) {
    return new ToolwardenStartupException(what + " '" + key + "' of " + owner.getName() + " is also registered with"
        + " the SDK passthrough " + builderMethod + ": serve it one way only (drop the passthrough to guard it)");
  }

}
