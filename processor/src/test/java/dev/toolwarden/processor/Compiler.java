package dev.toolwarden.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources with the Toolwarden processor, as a user's build would. */
final class Compiler {

  private Compiler() {}

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new ToolwardenProcessor()).compile(sources);
  }

  static Compilation compileWith(List<String> options, JavaFileObject... sources) {
    return javac().withProcessors(new ToolwardenProcessor()).withOptions(options).compile(sources);
  }

  static Compilation compile(List<JavaFileObject> sources) {
    return javac().withProcessors(new ToolwardenProcessor()).compile(sources);
  }

  /** A fixture from src/test/resources/sources, by qualified class name. */
  static JavaFileObject fixture(String qualifiedName) {
    String path = "sources/" + qualifiedName.replace('.', '/') + ".java";
    URL url = Compiler.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + path);
    }
    return JavaFileObjects.forResource(url);
  }

  /** A source made of lines, in package {@code test}. */
  static JavaFileObject source(String simpleName, String... lines) {
    List<String> all = new ArrayList<>();
    all.add("package test;");
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("test." + simpleName, all);
  }

  static String generated(Compilation c, String qualifiedName) {
    try {
      return c.generatedSourceFile(qualifiedName).orElseThrow(
          () -> new AssertionError("not generated: " + qualifiedName + "; diagnostics: " + c.diagnostics()))
          .getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
