package dev.toolwarden.processor.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.toolwarden.processor.secrets.ScanCli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * The flow analysis as a scanner over any source tree or sources jar, for measuring its precision on code that is
 * not a tool: every public method of a public type counts as a tool, its parameters as sources. The sources are
 * attributed by javac without their dependencies (unresolved types simply carry nothing), with attribution forced
 * past the resulting errors.
 *
 * <pre>
 * java -cp toolwarden-processor.jar dev.toolwarden.processor.flow.FlowScan DIR|SOURCES.jar...
 * </pre>
 *
 * <p>Prints {@code file:line [rule] message} per finding and a summary; exit code 1 with findings, 0 without.
 */
public final class FlowScan {

  private FlowScan() {}

  /**
   * What a scan found.
   *
   * @param findings one line per finding: {@code file:line [rule] message}
   * @param keys one stable key per finding, without the line: {@code file | rule | argument | sink}
   */
  public record Result(List<String> findings, List<String> keys, int methods, int files, int skipped) {}

  public static void main(String[] args) throws IOException {
    int findings = 0;
    for (String a : args) {
      Result r = scan(Path.of(a));
      r.findings().forEach(System.out::println);
      System.out.println(a + ": " + r.files() + " files, " + r.methods() + " public methods, " + r.findings().size()
          + " findings, " + r.skipped() + " methods not analysed (budget or failure)");
      findings += r.findings().size();
    }
    System.exit(findings == 0 ? 0 : 1);
  }

  /** Scans a directory of sources or a sources jar; every finding as {@code file:line [rule] message}. */
  public static Result scan(Path input) throws IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    for (JavaFileObject f : ScanCli.javaSources(input)) {
      if (!f.getName().endsWith("module-info.java")) {
        sources.add(f);
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavacTask task = (JavacTask) javac.getTask(new PrintWriter(OutputStream.nullOutputStream()), null, d -> { },
        List.of("-proc:none", "-Xlint:none", "-nowarn", "-XDshould-stop.ifError=FLOW", "-XDshould-stop.at=FLOW"),
        null, sources);
    List<CompilationUnitTree> units = new ArrayList<>();
    task.parse().forEach(units::add);
    task.analyze();
    Trees trees = Trees.instance(task);
    FlowAnalysis analysis = new FlowAnalysis(trees, task.getTypes());
    List<String> findings = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    int methods = 0;
    int skipped = 0;
    for (CompilationUnitTree unit : units) {
      for (Tree t : unit.getTypeDecls()) {
        if (!(t instanceof ClassTree)) {
          continue;
        }
        Element e = trees.getElement(new TreePath(new TreePath(unit), t));
        if (!(e instanceof TypeElement type)) {
          continue;
        }
        for (ExecutableElement m : publicMethods(type)) {
          methods++;
          try {
            for (Finding f : analysis.analyse(m)) {
              String file = unit.getSourceFile().getName();
              findings.add(file + ":" + analysis.line(unit, f.sinkTree()) + " " + f.rule().format(f.messageArgs()));
              keys.add(file + " | " + f.rule().id() + " | " + f.source() + " | " + f.sink());
            }
          } catch (FlowAnalysis.Exhausted | StackOverflowError x) {
            skipped++;
          } catch (RuntimeException x) {
            skipped++;
            findings.add(unit.getSourceFile().getName() + ": analysis failed in " + m.getSimpleName() + ": " + x);
            keys.add(unit.getSourceFile().getName() + " | failed | " + m.getSimpleName() + " | " + x);
          }
        }
      }
    }
    return new Result(findings, keys, methods, units.size(), skipped);
  }

  /** Public methods with a body of a public type and of its public nested types. */
  private static List<ExecutableElement> publicMethods(TypeElement type) {
    List<ExecutableElement> out = new ArrayList<>();
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      return out;
    }
    for (Element e : type.getEnclosedElements()) {
      if ((e.getKind() == ElementKind.METHOD || e.getKind() == ElementKind.CONSTRUCTOR)
          && e.getModifiers().contains(Modifier.PUBLIC) && !e.getModifiers().contains(Modifier.ABSTRACT)) {
        out.add((ExecutableElement) e);
      } else if (e instanceof TypeElement nested) {
        out.addAll(publicMethods(nested));
      }
    }
    return out;
  }
}
