package dev.toolwarden.processor.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Method calls and constructors: a call is first checked against the {@link Sinks}, then followed into a helper of
 * the tool's class, else its result is computed by {@link Propagation} (JDK text, collection and I/O types) — any
 * other library call yields a value that carries nothing.
 */
final class Calls {

  private final MethodRun run;
  private final FlowAnalysis ctx;
  private final Propagation propagation;

  Calls(MethodRun run) {
    this.run = run;
    this.ctx = run.ctx;
    this.propagation = new Propagation(run);
  }

  Value invocation(TreePath p, MethodInvocationTree mi) {
    Element e = ctx.trees.getElement(p);
    Value receiver = null;
    TreePath receiverPath = null;
    if (mi.getMethodSelect() instanceof MemberSelectTree s) {
      receiverPath = new TreePath(new TreePath(p, s), s.getExpression());
      Element r = ctx.trees.getElement(receiverPath);
      if (!(r instanceof TypeElement || r instanceof PackageElement)) {
        receiver = run.eval(receiverPath);
      }
    }
    if (!(e instanceof ExecutableElement m)) {
      return Value.CLEAN;
    }
    List<Value> args = arguments(p, mi.getArguments(), m);
    Value sunk = sinks(m, receiver, args, mi);
    if (sunk != null) {
      return sunk;
    }
    if (ctx.isHelper(m)) {
      return ctx.helper(m, args, run.depth + 1, run.step("helper " + m.getSimpleName() + "(..)", mi));
    }
    return propagation.call(m, receiver, receiverPath, args, p);
  }

  Value construction(TreePath p, NewClassTree nc) {
    Element e = ctx.trees.getElement(p);
    if (nc.getEnclosingExpression() != null) {
      run.eval(new TreePath(p, nc.getEnclosingExpression()));
    }
    if (!(e instanceof ExecutableElement m)) {
      return Value.CLEAN;
    }
    List<Value> args = arguments(p, nc.getArguments(), m);
    Value sunk = sinks(m, null, args, nc);
    if (sunk != null) {
      return sunk;
    }
    return propagation.construct(m, args, nc);
  }

  /** The argument values, with trailing variable arguments packed into one array value. */
  private List<Value> arguments(TreePath call, List<? extends ExpressionTree> trees, ExecutableElement m) {
    List<Value> values = new ArrayList<>(trees.size());
    for (ExpressionTree a : trees) {
      values.add(run.eval(new TreePath(call, a)));
    }
    int n = m.getParameters().size();
    if (!m.isVarArgs() || n == 0) {
      return values;
    }
    if (trees.size() == n) {
      TypeMirror last = ctx.trees.getTypeMirror(new TreePath(call, trees.get(n - 1)));
      if (last != null && (last.getKind() == TypeKind.ARRAY || last.getKind() == TypeKind.NULL)) {
        return values; // the array itself was passed
      }
    }
    List<Value> packed = new ArrayList<>(values.subList(0, Math.min(n - 1, values.size())));
    packed.add(Value.elements(values.subList(Math.min(n - 1, values.size()), values.size())));
    return packed;
  }

  /** Checks the call against every sink it matches; returns the call's value when it is a sink, else null. */
  private Value sinks(ExecutableElement m, Value receiver, List<Value> args, Tree at) {
    String name = m.getSimpleName().toString();
    Value result = null;
    for (Sink s : Sinks.named(name)) {
      if (!ctx.ownedBy(m, s.owner())) {
        continue;
      }
      if (Sinks.isXml(s) && ctx.xxe.protectedClass(ctx.outermostClass())) {
        continue;
      }
      String display = display(m);
      List<Value> checked = new ArrayList<>();
      if (s.args() == Sink.Args.COMMAND) {
        CommandLine.check(this, s, m, args, at, display);
        checked.addAll(args);
      } else {
        checked.addAll(dangerous(s, m, receiver, args));
        for (Value v : checked) {
          Taint t = v.dangerousFor(s.kind());
          if (t != null) {
            report(s.kind().rule(), t, display, s.as(), at);
          }
        }
      }
      Value r = Value.CLEAN;
      if (s.resultCarries()) {
        for (Value v : checked) {
          r = r.join(v.reportedAt(s.kind(), run.step(display, at)));
        }
      }
      result = result == null ? r : result.join(r);
    }
    return result;
  }

  private List<Value> dangerous(Sink s, ExecutableElement m, Value receiver, List<Value> args) {
    List<Value> out = new ArrayList<>();
    switch (s.args()) {
      case RECEIVER -> {
        if (receiver != null) {
          out.add(receiver);
        }
      }
      case FIRST_ANY -> {
        if (!args.isEmpty()) {
          out.add(args.get(0));
        }
      }
      case FIRST_TEXT -> {
        if (!args.isEmpty() && Propagation.textLike(m.getParameters().get(0).asType(), false)) {
          out.add(args.get(0));
        }
      }
      default -> {
        boolean pathOnly = s.args() == Sink.Args.PATH_TYPED;
        for (int i = 0; i < args.size() && i < m.getParameters().size(); i++) {
          if (Propagation.textLike(m.getParameters().get(i).asType(), pathOnly)) {
            out.add(args.get(i));
          }
        }
      }
    }
    return out;
  }

  /** Records a finding at a sink: the argument, the sink, what it becomes, and the path in between. */
  void report(dev.toolwarden.processor.diag.Rule rule, Taint t, String sink, String as, Tree at) {
    String path = t.path().then(run.step(sink, at)).render();
    ctx.found(new Finding(rule, at, run.unit, run.method, ctx.tool(), t.source(), sink, as, path));
  }

  /** {@code Statement.executeQuery(String)}, {@code new ProcessBuilder(String...)}. */
  static String display(ExecutableElement m) {
    String owner = m.getEnclosingElement().getSimpleName().toString();
    List<String> params = new ArrayList<>();
    for (int i = 0; i < m.getParameters().size(); i++) {
      TypeMirror t = m.getParameters().get(i).asType();
      String simple = simpleName(t);
      if (m.isVarArgs() && i == m.getParameters().size() - 1 && simple.endsWith("[]")) {
        simple = simple.substring(0, simple.length() - 2) + "...";
      }
      params.add(simple);
    }
    String head = m.getKind() == ElementKind.CONSTRUCTOR ? "new " + owner : owner + "." + m.getSimpleName();
    return head + "(" + String.join(", ", params) + ")";
  }

  private static String simpleName(TypeMirror t) {
    String s = t.toString();
    int generic = s.indexOf('<');
    String base = generic < 0 ? s : s.substring(0, generic);
    String suffix = generic < 0 ? "" : s.substring(s.lastIndexOf('>') + 1);
    return base.substring(base.lastIndexOf('.') + 1) + suffix;
  }
}
