package dev.toolwarden.processor.secrets;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Test helpers: parse Java source text with javac, run the tree scanner, make random strings and Java literals. */
final class JavaSources {
  private JavaSources() {}

  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String LETTERS = UPPER + LOWER;
  static final String ALNUM = LETTERS + DIGITS;
  static final String B64URL = ALNUM + "_-";
  static final String HEX = "0123456789abcdef";

  static String random(Random r, int n, String alphabet) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** A Java string literal (with quotes) whose value is {@code value}. */
  static String literal(String value) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** Parsed unit plus its trees. */
  record Parsed(CompilationUnitTree unit, Trees trees, List<String> errors) {
    List<SourceSecretFinding> scan() {
      return TreeSecretScanner.scan(unit, trees);
    }
  }

  static Parsed parse(String fileName, String source) {
    JavaFileObject file = new SimpleJavaFileObject(URI.create("mem:///" + fileName), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler()
        .getTask(null, null, diags, List.of("-proc:none"), null, List.of(file));
    try {
      CompilationUnitTree unit = task.parse().iterator().next();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(d.getLineNumber() + ": " + d.getMessage(null));
        }
      }
      return new Parsed(unit, Trees.instance(task), errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
