package dev.toolwarden.api;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the public types, constructors and methods of a module's exported packages that carry no Javadoc, by
 * parsing its sources with javac's tree API. An {@code @Override} may inherit its documentation; an implicit
 * constructor, an enum's or a record's generated members have no source and are not checked.
 */
final class MissingJavadoc {

  private MissingJavadoc() {}

  static List<String> in(ApiModule module) {
    Set<String> packages = module.exportedPackages();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(module.sources())) {
      walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> packages.contains(module.sources().relativize(p.getParent()).toString().replace('/', '.')))
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> missing = new ArrayList<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, units);
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        new Scanner(docs, unit, module.sources(), missing).scan(unit, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return missing;
  }

  private static final class Scanner extends TreePathScanner<Void, Void> {
    private final DocTrees docs;
    private final CompilationUnitTree unit;
    private final Path root;
    private final List<String> missing;

    Scanner(DocTrees docs, CompilationUnitTree unit, Path root, List<String> missing) {
      this.docs = docs;
      this.unit = unit;
      this.root = root;
      this.missing = missing;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      if (!exposed(tree.getModifiers(), getCurrentPath())) {
        return null; // nothing inside a hidden type is API
      }
      check(tree.getSimpleName().toString());
      return super.visitClass(tree, unused);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      boolean override = tree.getModifiers().getAnnotations().stream()
          .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
      // a record's compact constructor is documented by the record's @param tags, as javadoc itself does
      boolean compact = tree.getName().contentEquals("<init>") && tree.getBody() != null
          && getCurrentPath().getParentPath().getLeaf().getKind() == Tree.Kind.RECORD
          && !headerText(tree).contains("(");
      if (exposed(tree.getModifiers(), getCurrentPath()) && !override && !compact) {
        check(tree.getName().contentEquals("<init>") ? "constructor" : tree.getName() + "()");
      }
      return null; // local and anonymous classes are not API
    }

    /** The source text of a method from its start up to its body. */
    private String headerText(MethodTree tree) {
      try {
        long start = docs.getSourcePositions().getStartPosition(unit, tree);
        long body = docs.getSourcePositions().getStartPosition(unit, tree.getBody());
        return unit.getSourceFile().getCharContent(true).subSequence((int) start, (int) body).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void check(String what) {
      DocCommentTree doc = docs.getDocCommentTree(getCurrentPath());
      if (doc == null || doc.getFullBody().isEmpty() && doc.getBlockTags().isEmpty()) {
        long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, getCurrentPath().getLeaf()));
        missing.add(root.relativize(Path.of(unit.getSourceFile().toUri())) + ":" + line + " " + what);
      }
    }

    /** Public or protected; members of an interface or annotation are public unless private. */
    private static boolean exposed(ModifiersTree modifiers, TreePath path) {
      Set<Modifier> flags = modifiers.getFlags();
      if (flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)) {
        return true;
      }
      Tree parent = path.getParentPath().getLeaf();
      return parent instanceof ClassTree owner
          && (owner.getKind() == Tree.Kind.INTERFACE || owner.getKind() == Tree.Kind.ANNOTATION_TYPE)
          && !flags.contains(Modifier.PRIVATE);
    }
  }
}
