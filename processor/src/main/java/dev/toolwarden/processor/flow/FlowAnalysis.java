package dev.toolwarden.processor.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The flow analysis of one tool at a time: binds the tool's parameters to their {@link Sources}, runs its body
 * (and the bodies of the helpers it calls, to a bounded depth) to a fixpoint and collects the {@link Finding}s.
 * Every run is bounded: at most {@link #MAX_PASSES} passes per body, {@link #MAX_DEPTH} helper levels and
 * {@link #BUDGET} expression evaluations per tool, so no source can make it hang.
 */
final class FlowAnalysis {

  static final int MAX_PASSES = 8;
  static final int MAX_DEPTH = 3;
  static final long BUDGET = 2_000_000;

  /** Thrown when a tool exhausts its budget: the analysis of that tool stops with a note. */
  static final class Exhausted extends RuntimeException {
    Exhausted() {
      super(null, null, false, false);
    }
  }

  final Trees trees;
  final Types types;
  final XxeProtection xxe;
  private final Map<TypeElement, Set<String>> supertypes = new HashMap<>();
  /** Method paths, found once per class: {@code Trees.getPath(element)} scans the whole compilation unit. */
  private final Map<Element, TreePath> methodPaths = new HashMap<>();
  private final Set<Element> classesIndexed = new HashSet<>();

  private ExecutableElement tool;
  private TypeElement outermost;
  private final Map<List<Object>, Value> helperResults = new HashMap<>();
  private final Set<List<Object>> inProgress = new HashSet<>();
  private final Map<List<Object>, Finding> findings = new LinkedHashMap<>();
  private long work;

  FlowAnalysis(Trees trees, Types types) {
    this.trees = trees;
    this.types = types;
    this.xxe = new XxeProtection(trees);
  }

  /** The findings of one tool method; throws {@link Exhausted} when the budget runs out. */
  List<Finding> analyse(ExecutableElement tool) {
    this.tool = tool;
    this.outermost = outermost(tool);
    helperResults.clear();
    inProgress.clear();
    findings.clear();
    work = 0;
    Map<Element, Value> env = new HashMap<>();
    for (VariableElement p : tool.getParameters()) {
      Taint t = Sources.parameter(p, tool);
      env.put(p, t == null ? Value.CLEAN : Value.of(t));
    }
    if (pathOf(tool) != null) {
      new MethodRun(this, tool, env, 0).run();
    }
    return new ArrayList<>(findings.values());
  }

  ExecutableElement tool() {
    return tool;
  }

  /** The top-level class of the tool: the unit XXE protection is decided for. */
  TypeElement outermostClass() {
    return outermost;
  }

  /** Counts one unit of work (an expression evaluated); throws when the tool's budget is spent. */
  void spend() {
    if (++work > BUDGET) {
      throw new Exhausted();
    }
  }

  /** The work the last {@link #analyse} did: expressions evaluated, over all passes and helpers. */
  long spent() {
    return work;
  }

  /** Records a finding once per tool, sink and rule. */
  void found(Finding f) {
    findings.putIfAbsent(List.of(f.rule(), f.sinkTree()), f);
  }

  /**
   * The result of a helper called with these arguments: its body is run with the arguments bound to its parameters
   * (once per distinct argument taints; a recursive call, or one beyond {@link #MAX_DEPTH}, yields every argument's
   * taint instead — followed conservatively, but sinks below it are not seen).
   */
  Value helper(ExecutableElement helper, List<Value> args, int depth, String step) {
    List<Object> key = new ArrayList<>();
    key.add(helper);
    for (Value a : args) {
      key.add(signature(a));
    }
    Value cached = helperResults.get(key);
    if (cached != null) {
      return cached;
    }
    if (depth > MAX_DEPTH || inProgress.contains(key)) {
      Value all = Value.CLEAN;
      for (Value a : args) {
        all = all.join(a.map(t -> t.transformed(step + " (not followed further)", true, Set.of())));
      }
      return all;
    }
    inProgress.add(key);
    Map<Element, Value> env = new HashMap<>();
    List<? extends VariableElement> params = helper.getParameters();
    for (int i = 0; i < params.size() && i < args.size(); i++) {
      String name = params.get(i).getSimpleName().toString();
      Value a = args.get(i);
      env.put(params.get(i), a.relabel(t -> t.copiedTo(step + " parameter '" + name + "'")));
    }
    Value result = new MethodRun(this, helper, env, depth).run();
    inProgress.remove(key);
    helperResults.put(key, result);
    return result;
  }

  /** What distinguishes two argument values for a helper's result: their taints' guards, not their paths. */
  private static List<Object> signature(Value v) {
    List<Object> s = new ArrayList<>();
    for (Taint t : v.taints()) {
      s.add(List.of(t.source(), t.safeFor(), t.reported(), t.input(), t.mayStartWithDash()));
    }
    s.add(String.valueOf(v.constant()));
    s.add(v.prefix());
    s.add(v.elements() == null ? List.of() : v.elements().stream().map(FlowAnalysis::signature).toList());
    return s;
  }

  /** Whether calls to this method are followed into its body: a method with a body in the tool's own class. */
  boolean isHelper(ExecutableElement m) {
    if (outermost == null || !outermost.equals(outermost(m))) {
      return false;
    }
    TreePath p = pathOf(m);
    return p != null && p.getLeaf() instanceof MethodTree t && t.getBody() != null;
  }

  private static TypeElement outermost(Element e) {
    TypeElement found = null;
    for (Element x = e; x != null; x = x.getEnclosingElement()) {
      if (x instanceof TypeElement t) {
        found = t;
      }
    }
    return found;
  }

  /** The path of a method's declaration, or null when it has no source. */
  TreePath pathOf(ExecutableElement m) {
    Element owner = m.getEnclosingElement();
    if (classesIndexed.add(owner)) {
      TreePath classPath = trees.getPath(owner);
      if (classPath != null && classPath.getLeaf() instanceof ClassTree c) {
        for (Tree member : c.getMembers()) {
          if (member instanceof MethodTree) {
            TreePath p = new TreePath(classPath, member);
            Element e = trees.getElement(p);
            if (e != null) {
              methodPaths.put(e, p);
            }
          }
        }
      }
    }
    return methodPaths.computeIfAbsent(m, trees::getPath);
  }

  /**
   * Whether the method's declaring type is, or extends or implements, the named type. A constructor must be the
   * named type's own: a subclass's constructor may take anything first, and passes the sink's arguments on with
   * {@code super(..)}, which is matched there.
   */
  boolean ownedBy(ExecutableElement m, String owner) {
    if (!(m.getEnclosingElement() instanceof TypeElement type)) {
      return false;
    }
    if (m.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR) {
      return type.getQualifiedName().contentEquals(owner);
    }
    return supertypes.computeIfAbsent(type, this::allSupertypes).contains(owner);
  }

  private Set<String> allSupertypes(TypeElement type) {
    Set<String> names = new HashSet<>();
    ArrayDeque<TypeMirror> todo = new ArrayDeque<>();
    todo.add(type.asType());
    while (!todo.isEmpty() && names.size() < 256) {
      TypeMirror t = todo.poll();
      if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement te
          && names.add(te.getQualifiedName().toString())) {
        todo.addAll(types.directSupertypes(t));
      }
    }
    return names;
  }

  /** The 1-based line of a tree, for path steps. */
  long line(CompilationUnitTree unit, Tree tree) {
    long pos = trees.getSourcePositions().getStartPosition(unit, tree);
    return pos < 0 ? -1 : unit.getLineMap().getLineNumber(pos);
  }
}
