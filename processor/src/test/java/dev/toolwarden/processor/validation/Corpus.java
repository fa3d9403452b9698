package dev.toolwarden.processor.validation;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.toolwarden.processor.ToolwardenProcessor;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The differential corpus: the fixture classes under {@code sources/dev/toolwarden/differential},
 * compiled once per JVM with the Toolwarden processor (as a user's build would), their classes
 * and generated bundles loaded from the compilation's in-memory class files.
 */
final class Corpus {

  static final String PACKAGE = "dev.toolwarden.differential";

  /** The tool classes of the corpus, in a fixed order. */
  static final List<String> TOOL_CLASSES = List.of(
      "ScalarTools", "IntegerBoundTools", "DecimalBoundTools", "StringTools", "PatternTools", "EmailTools",
      "EnumTools", "FormatTools", "CollectionTools", "SetTools", "ArrayTools", "MapTools", "OptionalTools",
      "NullableTools", "RecordTools", "RecursiveTools", "ContainerElementTools", "DefaultTools", "RedactTools",
      "WideTools");

  /** Helper sources compiled with the tools (not tool classes themselves). */
  static final List<String> HELPERS = List.of("Capture");

  private static Corpus instance;

  final List<Tool> tools;
  final ClassLoader loader;
  final Compilation compilation;

  private Corpus(Compilation compilation, ClassLoader loader, List<Tool> tools) {
    this.compilation = compilation;
    this.loader = loader;
    this.tools = tools;
  }

  static synchronized Corpus get() {
    if (instance == null) {
      instance = load();
    }
    return instance;
  }

  Tool tool(String name) {
    for (Tool t : tools) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no tool " + name);
  }

  /** The arguments the last successful call received (and forgets them). */
  Object[] takeCaptured() {
    try {
      return (Object[]) loader.loadClass(PACKAGE + ".Capture").getMethod("take").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Corpus load() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String n : TOOL_CLASSES) {
      sources.add(source(n));
    }
    for (String n : HELPERS) {
      sources.add(source(n));
    }
    Compilation c = javac().withProcessors(new ToolwardenProcessor()).compile(sources);
    if (c.status() != Compilation.Status.SUCCESS) {
      StringBuilder b = new StringBuilder("the differential corpus does not compile:\n");
      for (Diagnostic<?> d : c.errors()) {
        b.append(d).append('\n');
      }
      throw new AssertionError(b.toString());
    }
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = f.toUri().getPath();
      int at = path.indexOf("/dev/toolwarden/");
      String binary = path.substring(at + 1, path.length() - ".class".length()).replace('/', '.');
      try (InputStream in = f.openInputStream()) {
        classes.put(binary, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ClassLoader loader = new InMemoryClassLoader(classes, Corpus.class.getClassLoader());
    List<Tool> tools = new ArrayList<>();
    try {
      for (String n : TOOL_CLASSES) {
        Class<?> toolClass = loader.loadClass(PACKAGE + "." + n);
        ToolBundle bundle = (ToolBundle) loader.loadClass(PACKAGE + "." + n + "_ToolBundle")
            .getDeclaredConstructor().newInstance();
        Object target = toolClass.getDeclaredConstructor().newInstance();
        List<ToolDefinition> defs = bundle.tools();
        for (int i = 0; i < defs.size(); i++) {
          tools.add(new Tool(n, defs.get(i), target, method(toolClass, bundle.getClass(), i)));
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return new Corpus(c, loader, List.copyOf(tools));
  }

  /**
   * The Java method of the i-th tool: the generated bundle names its invoker {@code invoke<i>_<method>}
   * (the fixtures do not overload tool methods).
   */
  private static Method method(Class<?> type, Class<?> bundle, int index) {
    String prefix = "invoke" + index + "_";
    for (Method invoker : bundle.getDeclaredMethods()) {
      if (invoker.getName().startsWith(prefix)) {
        String name = invoker.getName().substring(prefix.length());
        for (Method m : type.getDeclaredMethods()) {
          if (m.getName().equals(name)) {
            return m;
          }
        }
      }
    }
    throw new IllegalStateException("no invoker " + prefix + "* in " + bundle);
  }

  private static JavaFileObject source(String simpleName) {
    String path = "sources/" + PACKAGE.replace('.', '/') + "/" + simpleName + ".java";
    URL url = Corpus.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + path);
    }
    return JavaFileObjects.forResource(url);
  }

  /** Defines the compiled classes; everything else (runtime SPI, jakarta, JDK) comes from the test loader. */
  static final class InMemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    InMemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] b = classes.get(name);
      if (b == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, b, 0, b.length);
    }
  }
}
