package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.ToolFactory;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.spi.CompletionDefinition;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.ResourceDefinition;
import dev.toolwarden.runtime.spi.ResourceTemplateDefinition;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches the generated bundles found by {@link ServiceLoader} with the bound instances (or the
 * factory's). No class-path scanning, no reflection on user classes: the bundles say which class
 * they serve and the runtime only checks {@code isInstance}.
 */
public final class Bootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private Bootstrap() {}

  public static List<ToolBundle> loadBundles(ClassLoader loader) {
    List<ToolBundle> bundles = new ArrayList<>();
    try {
      for (ToolBundle b : ServiceLoader.load(ToolBundle.class, loader)) {
        bundles.add(b);
      }
    } catch (ServiceConfigurationError e) {
      throw new ToolwardenStartupException("a generated tool bundle cannot be loaded: " + e.getMessage()
          + " (rebuild with the same toolwarden-processor and runtime versions)");
    }
    return bundles;
  }

  /** The tools to serve, in a stable order: bound instances first, then factory-made ones. */
  public static List<BoundTool> bind(List<ToolBundle> bundles, List<Object> instances, ToolFactory factory) {
    return bindAll(bundles, instances, factory).tools();
  }

  /**
   * Everything to serve: each bundle's tools, resources, resource templates, prompts and completions, all on the
   * bundle's one instance. Names and URIs are checked by {@link FeatureChecks}.
   */
  public static BoundFeatures bindAll(List<ToolBundle> bundles, List<Object> instances, ToolFactory factory) {
    Map<ToolBundle, Object> targets = new LinkedHashMap<>();
    Map<Object, Boolean> used = new IdentityHashMap<>();
    for (Object instance : instances) {
      for (ToolBundle bundle : bundles) {
        if (bundle.toolClass().isInstance(instance)) {
          Object previous = targets.put(bundle, instance);
          if (previous != null && previous != instance) {
            throw new ToolwardenStartupException("two bound instances serve the tools of "
                + bundle.toolClass().getName() + ": bind one instance per tool class");
          }
          used.put(instance, Boolean.TRUE);
        }
      }
      if (!used.containsKey(instance)) {
        throw new ToolwardenStartupException("no generated tool bundle for " + instance.getClass().getName()
            + ": annotate its tool methods with @McpTool and put toolwarden-processor on the annotation"
            + " processor path (e.g. maven-compiler-plugin <annotationProcessorPaths>)");
      }
    }
    for (ToolBundle bundle : bundles) {
      if (targets.containsKey(bundle)) {
        continue;
      }
      Object made = factory == null ? null : create(factory, bundle.toolClass());
      if (made == null) {
        LOG.info("tool class {} has a generated bundle but no instance: not served", bundle.toolClass().getName());
      } else {
        targets.put(bundle, made);
      }
    }
    List<BoundTool> tools = new ArrayList<>();
    Map<String, Class<?>> names = new HashMap<>();
    for (Map.Entry<ToolBundle, Object> e : targets.entrySet()) {
      for (ToolDefinition def : e.getKey().tools()) {
        Class<?> other = names.putIfAbsent(def.name(), e.getKey().toolClass());
        if (other != null) {
          throw new ToolwardenStartupException("duplicate tool name '" + def.name() + "' in " + other.getName()
              + " and " + e.getKey().toolClass().getName() + ": tool names must be unique in one server");
        }
        tools.add(new BoundTool(def, e.getValue(), isGenerated(e.getKey())));
      }
    }
    // templates tie-break by registration order: bundles by class name, methods in declaration order
    List<Map.Entry<ToolBundle, Object>> byClass = new ArrayList<>(targets.entrySet());
    byClass.sort(java.util.Comparator.comparing(e -> e.getKey().toolClass().getName()));
    List<Bound<ResourceDefinition>> resources = new ArrayList<>();
    List<Bound<ResourceTemplateDefinition>> templates = new ArrayList<>();
    List<Bound<PromptDefinition>> prompts = new ArrayList<>();
    List<Bound<CompletionDefinition>> completions = new ArrayList<>();
    for (Map.Entry<ToolBundle, Object> e : byClass) {
      Class<?> owner = e.getKey().toolClass();
      e.getKey().resources().forEach(d -> resources.add(new Bound<>(d, e.getValue(), owner)));
      e.getKey().resourceTemplates().forEach(d -> templates.add(new Bound<>(d, e.getValue(), owner)));
      e.getKey().prompts().forEach(d -> prompts.add(new Bound<>(d, e.getValue(), owner)));
      e.getKey().completions().forEach(d -> completions.add(new Bound<>(d, e.getValue(), owner)));
    }
    if (tools.isEmpty() && resources.isEmpty() && templates.isEmpty() && prompts.isEmpty()) {
      throw new ToolwardenStartupException("no tools to serve: bind instances of your @McpTool classes with"
          + " .tools(...) or supply them with .toolFactory(...)");
    }
    return new BoundFeatures(tools, resources, templates, prompts, completions);
  }

  /**
   * Whether {@code bundle} is the one the processor writes for its tool class: it names it
   * {@code <package>.<Outer>_<Inner>_ToolBundle} (see the processor's {@code BundleGenerator}). A
   * hand-written bundle under another name gets the SDK's run-time schema checks.
   */
  static boolean isGenerated(ToolBundle bundle) {
    return bundle.getClass().getName().equals(bundle.toolClass().getName().replace('$', '_') + "_ToolBundle");
  }

  private static Object create(ToolFactory factory, Class<?> type) {
    Object made;
    try {
      made = factory.create(type);
    } catch (RuntimeException e) {
      throw new ToolwardenStartupException("the tool factory failed to create " + type.getName() + ": " + e);
    }
    if (made != null && !type.isInstance(made)) {
      throw new ToolwardenStartupException("the tool factory returned a " + made.getClass().getName()
          + " for " + type.getName());
    }
    return made;
  }
}
