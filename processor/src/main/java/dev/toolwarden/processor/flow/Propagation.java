package dev.toolwarden.processor.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * How values flow through library calls that are not sinks. Followed: record accessors (a validated record's
 * accessor yields its component, with the component's own guards), and methods and constructors of the JDK's text,
 * collection, stream, URI and I/O types — their result carries the receiver and the arguments; {@code append},
 * {@code insert}, {@code add}, {@code put} and friends also flow into the receiver's variable. Everything else
 * (other libraries, the project's other classes) yields a value that carries nothing.
 */
final class Propagation {

  private static final Set<String> CARRIER_TYPES = Set.of("java.lang.String", "java.lang.CharSequence",
      "java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.AbstractStringBuilder", "java.lang.Object",
      "java.lang.Iterable", "org.xml.sax.InputSource", "javax.xml.transform.stream.StreamSource");
  private static final List<String> CARRIER_PACKAGES = List.of("java.util.", "java.net.", "java.nio.file.",
      "java.nio.charset.", "java.io.");
  private static final Set<String> MUTATORS = Set.of("append", "insert", "add", "addAll", "set", "put", "putAll",
      "push", "offer", "offerFirst", "offerLast", "addFirst", "addLast", "replace", "putIfAbsent");
  private static final Set<String> POSITIONAL = Set.of("java.util.List.of", "java.util.Arrays.asList",
      "java.util.stream.Stream.of", "java.util.Set.of", "java.util.Collections.singletonList");

  private static final Set<String> TEXT_TYPES = Set.of("java.lang.String", "java.lang.CharSequence",
      "java.net.URI", "java.net.URL", "java.io.File", "java.nio.file.Path", "okhttp3.HttpUrl");

  private final MethodRun run;

  Propagation(MethodRun run) {
    this.run = run;
  }

  /** Whether a parameter type holds text a sink interprets (or, with {@code pathOnly}, is a {@code Path}). */
  static boolean textLike(TypeMirror t, boolean pathOnly) {
    if (t instanceof ArrayType a) {
      return textLike(a.getComponentType(), pathOnly);
    }
    if (!(t instanceof DeclaredType d)) {
      return false;
    }
    String name = Sources.qualifiedName(d);
    if (pathOnly) {
      return name.equals("java.nio.file.Path");
    }
    return TEXT_TYPES.contains(name);
  }

  private static boolean carrier(TypeElement owner) {
    String name = owner.getQualifiedName().toString();
    if (CARRIER_TYPES.contains(name)) {
      return true;
    }
    for (String p : CARRIER_PACKAGES) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  Value call(ExecutableElement m, Value receiver, TreePath receiverPath, List<Value> args, TreePath callPath) {
    Tree at = callPath.getLeaf();
    String name = m.getSimpleName().toString();
    RecordComponentElement component = Sources.accessed(m);
    if (component != null) {
      return receiver == null ? Value.CLEAN : accessor(component, receiver, at);
    }
    TypeElement owner = (TypeElement) m.getEnclosingElement();
    if (!carrier(owner)) {
      return Value.CLEAN;
    }
    String qualified = owner.getQualifiedName() + "." + name;
    Value result;
    if (POSITIONAL.contains(qualified)) {
      result = args.size() == 1 && args.get(0).elements() != null ? args.get(0) : Value.elements(args);
    } else if (qualified.equals("java.lang.String.format") || qualified.equals("java.lang.String.formatted")) {
      result = format(m, receiver, args, at);
    } else if (name.equals("append") && receiver != null && !args.isEmpty()) {
      result = run.concat(List.of(receiver, args.get(0)), at);
    } else if (name.startsWith("decode")) {
      // Base64, URL or other decoding: whatever guard the text had says nothing about what it decodes to
      String step = run.step(owner.getSimpleName() + "." + name, at);
      result = combine(receiver, args, "").map(t -> t.decoded(step));
    } else {
      result = combine(receiver, args, run.step(owner.getSimpleName() + "." + name, at));
    }
    if (MUTATORS.contains(name) && !m.getModifiers().contains(Modifier.STATIC) && receiverPath != null) {
      run.assign(run.rootVariable(receiverPath), result);
    } else if (qualified.equals("java.util.Collections.addAll") && !args.isEmpty()) {
      // the first argument is the collection: it receives the rest
      run.assign(rootOf(callPath, 0), combine(null, args, run.step("Collections.addAll", at)));
    }
    return result;
  }

  Value construct(ExecutableElement m, List<Value> args, Tree at) {
    TypeElement type = (TypeElement) m.getEnclosingElement();
    String name = type.getQualifiedName().toString();
    if ((name.equals("java.lang.StringBuilder") || name.equals("java.lang.StringBuffer")) && args.size() == 1) {
      Value a = args.get(0);
      return a.constant() != null ? Value.constant(a.constant()) : a.relabel(t -> t.transformed(
          run.step(type.getSimpleName().toString(), at), true, Set.of()));
    }
    if (carrier(type) && args.size() == 1) {
      return args.get(0).relabel(t -> t.copiedTo(run.step("new " + type.getSimpleName(), at)));
    }
    if (carrier(type) || type.getKind() == ElementKind.RECORD) {
      return combine(null, args, run.step("new " + type.getSimpleName(), at));
    }
    return Value.CLEAN;
  }

  private Value accessor(RecordComponentElement c, Value receiver, Tree at) {
    List<Taint> out = new ArrayList<>();
    for (Taint t : receiver.taints()) {
      if (t.input()) {
        Taint component = Sources.component(c, t);
        if (component != null) {
          out.add(component);
        }
      } else {
        out.add(t.copiedTo(run.step(c.getSimpleName() + "()", at)));
      }
    }
    return new Value(List.copyOf(out), null, "", null);
  }

  /** {@code String.format(fmt, args)} and {@code fmt.formatted(args)}: text before the first {@code %} is fixed. */
  private Value format(ExecutableElement m, Value receiver, List<Value> args, Tree at) {
    Value fmt = receiver;
    int first = 0;
    if (receiver == null) {
      int f = m.getParameters().size() == 3 ? 1 : 0; // format(Locale, String, Object...)
      fmt = args.size() > f ? args.get(f) : Value.CLEAN;
      first = f + 1;
    }
    Value rest = Value.CLEAN;
    for (int i = first; i < args.size(); i++) {
      rest = rest.join(args.get(i).withoutStructure());
    }
    String fixed = fmt.constant() == null ? fmt.prefix() : fmt.constant();
    int percent = fixed.indexOf('%');
    String start = percent < 0 ? fixed : fixed.substring(0, percent);
    Value parts = run.concat(List.of(Value.constant(start), rest.relabel(t -> t)), at);
    return fmt.tainted() ? parts.join(fmt.map(t -> t.transformed(run.step("format string", at), true, Set.of())))
        .withPrefix(start) : parts.withPrefix(start);
  }

  /** The receiver and the arguments, transformed by a call (only the receiver: the same value, one step on). */
  private static Value combine(Value receiver, List<Value> args, String step) {
    boolean argsTainted = false;
    for (Value a : args) {
      argsTainted |= a.tainted();
    }
    Value out = Value.CLEAN;
    if (receiver != null) {
      out = argsTainted ? receiver.map(t -> t.transformed(step, true, Set.of())) : receiver.map(t -> t.copiedTo(step));
    }
    for (Value a : args) {
      out = out.join(a.map(t -> t.transformed(step, true, Set.of())));
    }
    return out;
  }

  private Element rootOf(TreePath call, int arg) {
    if (!(call.getLeaf() instanceof com.sun.source.tree.MethodInvocationTree mi) || mi.getArguments().size() <= arg) {
      return null;
    }
    return run.rootVariable(new TreePath(call, mi.getArguments().get(arg)));
  }
}
