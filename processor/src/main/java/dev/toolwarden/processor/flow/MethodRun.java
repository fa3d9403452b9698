package dev.toolwarden.processor.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One run of one method body with its parameters bound: flow-insensitive (every assignment to a local joins into
 * it), repeated until nothing changes or {@link FlowAnalysis#MAX_PASSES} passes. Each expression is evaluated once
 * per pass (memoised), so a pass is linear in the size of the body. Lambda and anonymous class bodies are scanned
 * with the variables they capture; their own parameters carry nothing, and their returns are not the method's.
 */
final class MethodRun {

  /** A URL up to the end of its host: whatever follows cannot change where the request goes. */
  private static final Pattern FIXED_ORIGIN = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\\\\\\s]+[/?#].*",
      Pattern.DOTALL);
  private static final Set<ElementKind> LOCALS = Set.of(ElementKind.LOCAL_VARIABLE, ElementKind.PARAMETER,
      ElementKind.EXCEPTION_PARAMETER, ElementKind.RESOURCE_VARIABLE, ElementKind.BINDING_VARIABLE);

  final FlowAnalysis ctx;
  final ExecutableElement method;
  final int depth;
  final CompilationUnitTree unit;
  private final TreePath path;
  private final Map<Element, Value> env;
  private final IdentityHashMap<Tree, Value> memo = new IdentityHashMap<>();
  private final Calls calls;
  private Value returned;
  private boolean changed;

  MethodRun(FlowAnalysis ctx, ExecutableElement method, Map<Element, Value> env, int depth) {
    this.ctx = ctx;
    this.method = method;
    this.env = env;
    this.depth = depth;
    this.path = ctx.pathOf(method);
    this.unit = path.getCompilationUnit();
    this.calls = new Calls(this);
  }

  /** Runs the body to a fixpoint; returns the join of what it returns. */
  Value run() {
    TreePath methodPath = path;
    com.sun.source.tree.MethodTree tree = (com.sun.source.tree.MethodTree) methodPath.getLeaf();
    if (tree.getBody() == null) {
      return Value.CLEAN;
    }
    TreePath body = new TreePath(methodPath, tree.getBody());
    for (int pass = 0; pass < FlowAnalysis.MAX_PASSES; pass++) {
      changed = false;
      memo.clear();
      new Scanner().scan(body, null);
      if (!changed) {
        break;
      }
    }
    return returned == null ? Value.CLEAN : returned;
  }

  /** Joins a value into a local variable (or parameter); fields are not followed. */
  void assign(Element variable, Value v) {
    if (variable == null || !LOCALS.contains(variable.getKind()) || v == null) {
      return;
    }
    Value old = env.get(variable);
    Value joined = old == null ? v : old.join(v);
    if (!joined.equals(old)) {
      env.put(variable, joined);
      changed = true;
    }
  }

  /** The local variable an expression names, looking through builder chains ({@code sb.append(a).append(b)}). */
  Element rootVariable(TreePath p) {
    Tree leaf = p.getLeaf();
    for (int guard = 0; guard < 10_000; guard++) {
      if (leaf instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree s) {
        p = new TreePath(new TreePath(p, s), s.getExpression());
        leaf = p.getLeaf();
      } else if (leaf instanceof ParenthesizedTree par) {
        p = new TreePath(p, par.getExpression());
        leaf = p.getLeaf();
      } else {
        break;
      }
    }
    Element e = leaf.getKind() == Tree.Kind.IDENTIFIER ? ctx.trees.getElement(p) : null;
    return e != null && LOCALS.contains(e.getKind()) ? e : null;
  }

  String step(String what, Tree tree) {
    return what + " (line " + ctx.line(unit, tree) + ")";
  }

  /** The value of an expression; never null. */
  Value eval(TreePath p) {
    Tree leaf = p.getLeaf();
    Value cached = memo.get(leaf);
    if (cached != null) {
      return cached;
    }
    ctx.spend();
    Value v = compute(p, leaf);
    if (v.tainted()) {
      TypeMirror type = ctx.trees.getTypeMirror(p);
      if (type != null && Sources.typeSafe(type, new HashSet<>())) {
        v = Value.CLEAN; // a number, boolean, enum or UUID carries no text, whatever it was computed from
      }
    }
    memo.put(leaf, v);
    return v;
  }

  Value child(TreePath parent, Tree child) {
    return child == null ? Value.CLEAN : eval(new TreePath(parent, child));
  }

  private Value compute(TreePath p, Tree leaf) {
    switch (leaf.getKind()) {
      case STRING_LITERAL:
        return Value.constant((String) ((LiteralTree) leaf).getValue());
      case PARENTHESIZED:
        return child(p, ((ParenthesizedTree) leaf).getExpression());
      case TYPE_CAST:
        return child(p, ((TypeCastTree) leaf).getExpression());
      case IDENTIFIER:
      case MEMBER_SELECT:
        return variable(p);
      case PLUS:
        return concatenation(p);
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree c = (ConditionalExpressionTree) leaf;
        return child(p, c.getTrueExpression()).join(child(p, c.getFalseExpression()));
      }
      case ASSIGNMENT: {
        AssignmentTree a = (AssignmentTree) leaf;
        Value v = child(p, a.getExpression());
        TreePath target = new TreePath(p, a.getVariable());
        assign(target.getLeaf() instanceof com.sun.source.tree.ArrayAccessTree aa
            ? rootVariable(new TreePath(target, aa.getExpression())) : ctx.trees.getElement(target),
            v.relabel(t -> t.copiedTo(step(a.getVariable().toString(), a))));
        return v;
      }
      case PLUS_ASSIGNMENT: {
        CompoundAssignmentTree a = (CompoundAssignmentTree) leaf;
        Value v = concat(List.of(child(p, a.getVariable()), child(p, a.getExpression())), a);
        assign(ctx.trees.getElement(new TreePath(p, a.getVariable())), v);
        return v;
      }
      case ARRAY_ACCESS:
        return child(p, ((com.sun.source.tree.ArrayAccessTree) leaf).getExpression()).withoutStructure();
      case NEW_ARRAY: {
        NewArrayTree n = (NewArrayTree) leaf;
        if (n.getInitializers() == null) {
          return Value.CLEAN;
        }
        List<Value> elements = new ArrayList<>();
        for (ExpressionTree e : n.getInitializers()) {
          elements.add(child(p, e));
        }
        return Value.elements(elements);
      }
      case METHOD_INVOCATION:
        return calls.invocation(p, (MethodInvocationTree) leaf);
      case NEW_CLASS:
        return calls.construction(p, (NewClassTree) leaf);
      default:
        return Value.CLEAN;
    }
  }

  private Value variable(TreePath p) {
    Element e = ctx.trees.getElement(p);
    if (e instanceof VariableElement v && v.getConstantValue() instanceof String s) {
      return Value.constant(s);
    }
    if (e != null && LOCALS.contains(e.getKind())) {
      Value v = env.get(e);
      return v == null ? Value.CLEAN : v;
    }
    return Value.CLEAN; // fields and everything else are not followed
  }

  /** A chain {@code a + b + c} (left-nested in the tree), flattened without recursion. */
  private Value concatenation(TreePath p) {
    List<TreePath> operands = new ArrayList<>();
    TreePath cur = p;
    while (cur.getLeaf() instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS && isString(cur)) {
      operands.add(new TreePath(cur, b.getRightOperand()));
      cur = new TreePath(cur, b.getLeftOperand());
    }
    if (operands.isEmpty()) {
      return Value.CLEAN; // numeric addition
    }
    operands.add(cur);
    List<Value> values = new ArrayList<>(operands.size());
    for (int i = operands.size() - 1; i >= 0; i--) {
      values.add(eval(operands.get(i)));
    }
    return concat(values, p.getLeaf());
  }

  private boolean isString(TreePath p) {
    TypeMirror t = ctx.trees.getTypeMirror(p);
    return t != null && t.toString().equals("java.lang.String");
  }

  /** Text made of parts in order: each argument's flow is transformed; a fixed start defuses some sinks. */
  Value concat(List<Value> parts, Tree at) {
    StringBuilder prefix = new StringBuilder();
    boolean prefixOpen = true;
    boolean allConstant = true;
    Value result = Value.CLEAN;
    for (Value v : parts) {
      boolean startsEmpty = prefix.length() == 0;
      Set<SinkKind> extra = FIXED_ORIGIN.matcher(prefix).matches() ? Set.of(SinkKind.SSRF) : Set.of();
      if (v.tainted()) {
        String s = step("concatenation", at);
        result = result.join(v.map(t -> t.transformed(s, startsEmpty, extra)));
      }
      if (prefixOpen && prefix.length() < Value.MAX_CONSTANT) {
        prefix.append(v.prefix());
        prefixOpen = v.constant() != null;
      }
      allConstant &= v.constant() != null;
    }
    if (allConstant && !parts.isEmpty()) {
      return Value.constant(prefix.toString());
    }
    return new Value(result.taints(), null, prefix.toString(), null);
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private int nested;

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      if (node.getInitializer() != null) {
        Value v = eval(new TreePath(getCurrentPath(), node.getInitializer()));
        String name = node.getName().toString();
        assign(ctx.trees.getElement(getCurrentPath()), v.relabel(t -> t.copiedTo(step(name, node))));
      }
      return super.visitVariable(node, unused);
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
      Value v = eval(new TreePath(getCurrentPath(), node.getExpression()));
      String name = node.getVariable().getName().toString();
      assign(ctx.trees.getElement(new TreePath(getCurrentPath(), node.getVariable())),
          v.map(t -> t.copiedTo(step(name, node))));
      return super.visitEnhancedForLoop(node, unused);
    }

    @Override
    public Void visitAssignment(AssignmentTree node, Void unused) {
      eval(getCurrentPath());
      return super.visitAssignment(node, unused);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
      eval(getCurrentPath());
      return super.visitCompoundAssignment(node, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      eval(getCurrentPath());
      return super.visitMethodInvocation(node, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      eval(getCurrentPath());
      return super.visitNewClass(node, unused);
    }

    @Override
    public Void visitReturn(ReturnTree node, Void unused) {
      if (nested == 0 && node.getExpression() != null) {
        Value v = eval(new TreePath(getCurrentPath(), node.getExpression()));
        Value joined = returned == null ? v : returned.join(v);
        if (!joined.equals(returned)) {
          returned = joined;
          changed = true;
        }
      }
      return super.visitReturn(node, unused);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      nested++;
      try {
        return super.visitLambdaExpression(node, unused);
      } finally {
        nested--;
      }
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      nested++;
      try {
        return super.visitClass(node, unused);
      } finally {
        nested--;
      }
    }
  }
}
