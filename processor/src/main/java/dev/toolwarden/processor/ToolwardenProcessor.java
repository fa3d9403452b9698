package dev.toolwarden.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.toolwarden.processor.check.ArgumentCheck;
import dev.toolwarden.processor.check.CompletionCheck;
import dev.toolwarden.processor.check.CompletionRefs;
import dev.toolwarden.processor.check.ConstraintCheck;
import dev.toolwarden.processor.check.DefaultCheck;
import dev.toolwarden.processor.check.FormCheck;
import dev.toolwarden.processor.check.LintCheck;
import dev.toolwarden.processor.check.ModelCheck;
import dev.toolwarden.processor.check.PolicyCheck;
import dev.toolwarden.processor.check.PromptCheck;
import dev.toolwarden.processor.check.RedactCheck;
import dev.toolwarden.processor.check.SafeUrlCheck;
import dev.toolwarden.processor.check.ShapeCheck;
import dev.toolwarden.processor.check.SurfaceNameCheck;
import dev.toolwarden.processor.check.TemplateCheck;
import dev.toolwarden.processor.check.TokenPassthroughCheck;
import dev.toolwarden.processor.check.ToolNameCheck;
import dev.toolwarden.processor.check.WaiverCheck;
import dev.toolwarden.processor.diag.Options;
import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.flow.FlowCheck;
import dev.toolwarden.processor.gen.BundleGenerator;
import dev.toolwarden.processor.gen.ManifestWriter;
import dev.toolwarden.processor.model.Kinds;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.Names;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.Unresolved;
import dev.toolwarden.processor.scan.ResourceSecretCheck;
import dev.toolwarden.processor.scan.SecretCheck;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Toolwarden annotation processor: reads classes with {@code @McpTool}, {@code @McpResource},
 * {@code @McpResourceTemplate}, {@code @McpPrompt} or {@code @McpComplete} methods into a model, runs the
 * checks, and — only when they found no error — generates one {@code ToolBundle} per class and
 * the {@code META-INF/services} entry the runtime's {@code ServiceLoader} reads. A class whose
 * types are not resolved yet is deferred by name to a later round.
 */
@AutoService(Processor.class)
@SupportedOptions({Options.SECRETS, Options.SCAN, Options.REQUIRE_SCOPES, ResourceSecretCheck.OPTION,
    FlowCheck.OPTION})
public final class ToolwardenProcessor extends AbstractProcessor {

  static final String SERVICE_FILE = "META-INF/services/dev.toolwarden.runtime.spi.ToolBundle";

  private Reporter reporter;
  private ModelReader reader;
  private SecretCheck secrets;
  private FlowCheck flow;
  private ResourceSecretCheck resources;
  private final Map<String, String> toolNames = new HashMap<>();
  private final Map<String, String> surfaceNames = new HashMap<>();
  private final CompletionRefs completionRefs = new CompletionRefs();
  private final Set<String> deferred = new TreeSet<>();
  private final Map<String, Unresolved> lastUnresolved = new HashMap<>();
  private final Set<String> bundles = new TreeSet<>();
  private final Set<String> done = new TreeSet<>();
  private final ManifestWriter manifest = new ManifestWriter();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Options options = Options.parse(env.getOptions());
    reporter = new Reporter(env.getMessager(), options);
    if (options.problem() != null) {
      reporter.error("[TW-OPTION] " + options.problem() + ". Fix: correct the -A option of the compiler.");
    }
    reader = new ModelReader(env, reporter);
    secrets = new SecretCheck(env, reporter);
    flow = new FlowCheck(env, reporter);
    resources = new ResourceSecretCheck(env, reporter); // src/main/resources, found next to the sources
  }

  /** Every type: the secret scan reads every compilation unit, not only classes with tools. */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Map<String, TypeElement> classes = new LinkedHashMap<>();
    for (String name : deferred) {
      TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
      if (t != null) {
        classes.put(name, t);
      }
    }
    deferred.clear();
    for (Kinds kind : Kinds.values()) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(kind.annotation());
      if (annotation == null) {
        continue;
      }
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e.getKind() == ElementKind.METHOD && e.getEnclosingElement() instanceof TypeElement owner) {
          classes.putIfAbsent(owner.getQualifiedName().toString(), owner);
        }
      }
    }
    for (TypeElement type : classes.values()) {
      if (!done.contains(type.getQualifiedName().toString())) {
        processClass(type);
      }
    }
    checkWaivers(round);
    for (Element root : round.getRootElements()) {
      resources.discover(root);
      String name = qualifiedName(root);
      // our own bundles hold only what the user's (already scanned) sources said, as schema text
      if (!bundles.contains(name) && (reporter.options().scanAll() || classes.containsKey(name))) {
        secrets.scan(root);
      }
    }
    if (round.processingOver()) {
      for (String name : deferred) {
        Unresolved u = lastUnresolved.get(name);
        reporter.report(Rule.TYPE_UNRESOLVED, u.site, u.typeName, ModelReader.describe(u.site));
      }
      // a completion may name a prompt or template of any class: judged once all are read
      completionRefs.check(processingEnv.getElementUtils(), reporter);
      writeServiceFile();
      writeManifest();
    }
    return false;
  }

  private static String qualifiedName(Element e) {
    return e instanceof TypeElement t ? t.getQualifiedName().toString() : "";
  }

  private void checkWaivers(RoundEnvironment round) {
    for (String name : List.of(Names.WAIVE, Names.WAIVE_LIST)) {
      TypeElement waive = processingEnv.getElementUtils().getTypeElement(name);
      if (waive != null) {
        for (Element e : round.getElementsAnnotatedWith(waive)) {
          WaiverCheck.check(e, reporter);
        }
      }
    }
  }

  private void processClass(TypeElement type) {
    String name = type.getQualifiedName().toString();
    int errorsBefore = reporter.errorCount();
    List<ExecutableElement> methods = new ArrayList<>();
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD && !Kinds.of(e).isEmpty()) {
        ExecutableElement m = (ExecutableElement) e;
        if (ShapeCheck.oneKind(m, reporter) && ShapeCheck.method(m, reporter) && ShapeCheck.owner(type, m, reporter)) {
          methods.add(m);
        }
      }
    }
    if (methods.isEmpty()) {
      done.add(name);
      return;
    }
    ToolClassModel model;
    try {
      model = reader.read(type, methods);
    } catch (Unresolved u) {
      deferred.add(name);
      lastUnresolved.put(name, u);
      return;
    }
    done.add(name);
    for (ModelCheck check : checks()) {
      check.check(model, reporter);
    }
    completionRefs.add(model);
    // bodies of tools, resources, templates, prompts and completions: command, SQL, SSRF, file, eval flows
    flow.check(methods).forEach(manifest::addBodyFinding);
    if (reporter.errorCount() > errorsBefore) {
      return; // generators run only on a class the checks found no error in
    }
    manifest.add(model);
    JavaFile file = new BundleGenerator(model, ToolwardenProcessor.class.getName()).generate();
    try {
      file.writeTo(processingEnv.getFiler());
      bundles.add(file.packageName().isEmpty() ? file.typeSpec().name()
          : file.packageName() + "." + file.typeSpec().name());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
          "[TW-IO] could not write " + file.typeSpec().name() + ": " + e.getMessage(), type);
    }
  }

  private List<ModelCheck> checks() {
    return List.of(new ToolNameCheck(toolNames), new SurfaceNameCheck(surfaceNames), new ArgumentCheck(),
        new ConstraintCheck(reader.annotations()), new DefaultCheck(), new PolicyCheck(reader.annotations()),
        new RedactCheck(), new SafeUrlCheck(), new TokenPassthroughCheck(), new TemplateCheck(), new PromptCheck(),
        new CompletionCheck(), new FormCheck(), new LintCheck());
  }

  private void writeManifest() {
    if (manifest.isEmpty() && reporter.waived().isEmpty()) {
      return;
    }
    try {
      FileObject f = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", ManifestWriter.PATH);
      try (Writer w = new java.io.OutputStreamWriter(f.openOutputStream(), StandardCharsets.UTF_8)) {
        w.write(manifest.write(reporter.waived()));
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
          "[TW-IO] could not write " + ManifestWriter.PATH + ": " + e.getMessage());
    }
  }

  private void writeServiceFile() {
    if (bundles.isEmpty()) {
      return;
    }
    try {
      FileObject f = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
      try (Writer w = new java.io.OutputStreamWriter(f.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String b : bundles) {
          w.write(b);
          w.write('\n');
        }
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
          "[TW-IO] could not write " + SERVICE_FILE + ": " + e.getMessage());
    }
  }
}
