package dev.toolwarden.processor.secrets;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds literal secrets in one compilation unit: every string literal, text block, compile-time constant
 * concatenation of literals and annotation value, wherever it is (fields, method and constructor bodies, lambdas,
 * static and instance initialisers, enum constant arguments, annotations, nested, local and anonymous classes).
 *
 * <p>The annotation processor calls {@link #scan(CompilationUnitTree, Trees)} once per compilation unit, with the
 * {@code Trees} of its processing environment, and reports each {@link SourceSecretFinding} on its {@link
 * SourceSecretFinding#tree() tree} with {@link SourceSecretFinding#message()}. The standalone {@link ScanCli} calls
 * it on trees from the javac parser alone (no attribution needed: the scanner only reads the syntax tree).
 *
 * <p>Concatenations: adjacent string literal operands of a {@code +} chain are folded into one value ({@code
 * "sk_live_" + "abc…"}) and reported at the first literal; a non-literal operand splits the chain. With {@link
 * #scanResolving} (the processor) a name of one of the unit's {@code final String} variables joins the fold too
 * ({@code PREFIX + "abc…"}; {@link FinalStrings}); a {@code char} literal always does ({@code "ghp" + '_' + "…"}), and
 * a {@code char} array written as literals is read as one string: a secret split into pieces is still one secret.
 *
 * <p>Context name, walking up from the literal through parentheses, casts, conditionals, concatenations, array
 * initialisers and expression lambdas: the variable or field being initialised or assigned (including enum constants
 * for their arguments), the annotation attribute ({@code value} for the single-element form), the key of a {@code
 * put}/{@code setProperty}/{@code header}-like call ({@code props.put("password", "…")}), the property of a setter
 * ({@code setPassword("…")} gives {@code Password}) or the enclosing method of a {@code return} ({@code getToken()}).
 */
public final class TreeSecretScanner {
  private TreeSecretScanner() {}

  /** Methods whose first argument names the second: {@code map.put("password", "…")}. */
  private static final Set<String> KEYED_METHODS = Set.of(
      "put", "putIfAbsent", "setProperty", "property", "header", "addHeader", "setHeader", "withHeader", "param",
      "queryParam", "addParameter", "setParameter", "option", "withOption", "set", "with", "entry", "of", "add",
      "addProperty", "putString", "setAttribute", "addAttribute", "config", "setConfig", "credential", "env",
      "withEnv", "withProperty", "systemProperty", "arg", "parameter");

  /** Scans {@code unit} with the default rules, positions from {@code trees}. */
  public static List<SourceSecretFinding> scan(CompilationUnitTree unit, Trees trees) {
    return scan(unit, trees.getSourcePositions(), SecretScanner.defaultScanner());
  }

  /**
   * Scans {@code unit} with the default rules, folding the names of its {@code final String} variables into
   * concatenations (read from the tree alone, {@link FinalStrings}): the processor's scan. The command-line scan keeps
   * {@link #scan}, whose findings its precision corpus measures.
   */
  public static List<SourceSecretFinding> scanResolving(CompilationUnitTree unit, Trees trees) {
    Visitor v = new Visitor(unit, trees.getSourcePositions(), SecretScanner.defaultScanner());
    v.names = FinalStrings.of(unit);
    v.scan(unit, null);
    return v.findings;
  }

  /** Scans {@code unit} with the default rules. */
  public static List<SourceSecretFinding> scan(CompilationUnitTree unit, SourcePositions positions) {
    return scan(unit, positions, SecretScanner.defaultScanner());
  }

  /** Scans {@code unit} with {@code scanner}'s rules; findings in source order. */
  public static List<SourceSecretFinding> scan(
      CompilationUnitTree unit, SourcePositions positions, SecretScanner scanner) {
    Visitor v = new Visitor(unit, positions, scanner);
    v.scan(unit, null);
    return v.findings;
  }

  private static final class Visitor extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final SecretScanner scanner;
    private final LineMap lines;
    /** The string values of the unit's final variables, by name ({@link FinalStrings}); null for a bare parse. */
    Map<String, String> names;
    final List<SourceSecretFinding> findings = new ArrayList<>();

    Visitor(CompilationUnitTree unit, SourcePositions positions, SecretScanner scanner) {
      this.unit = unit;
      this.positions = positions;
      this.scanner = scanner;
      this.lines = unit.getLineMap();
    }

    @Override
    public Void visitLiteral(LiteralTree node, Void unused) {
      if (node.getKind() == Tree.Kind.STRING_LITERAL) {
        check(node, (String) node.getValue(), getCurrentPath());
      }
      return null;
    }

    @Override
    public Void visitBinary(BinaryTree node, Void unused) {
      if (node.getKind() != Tree.Kind.PLUS) {
        return super.visitBinary(node, unused);
      }
      // flatten the left-associative chain a + b + c into its operands, each with its parent path
      List<Tree> operands = new ArrayList<>();
      List<TreePath> parents = new ArrayList<>();
      TreePath chainPath = getCurrentPath();
      flatten(node, chainPath, operands, parents);
      int i = 0;
      while (i < operands.size()) {
        Tree op = operands.get(i);
        if (constant(op) == null) {
          scan(new TreePath(parents.get(i), op), null);
          i++;
          continue;
        }
        int j = i;
        StringBuilder folded = new StringBuilder();
        boolean stringLiteral = false;
        boolean ownSecret = false; // a constant that is a secret alone is reported where it is declared
        Constant k;
        while (j < operands.size() && (k = constant(operands.get(j))) != null) {
          folded.append(k.text());
          stringLiteral |= operands.get(j).getKind() == Tree.Kind.STRING_LITERAL;
          ownSecret |= k.name() != null && !scanner.scanText(k.text(), k.name()).isEmpty();
          j++;
        }
        if ((stringLiteral || j - i > 1) && !ownSecret) {
          check(op, folded.toString(), chainPath);
        }
        i = j;
      }
      return null;
    }

    /** An operand's text, with the name of the constant it comes from (null for a literal). */
    private record Constant(String text, String name) {}

    /**
     * What an operand contributes to a concatenation when it is known: a literal, or (with {@link #names}) the name of
     * one of the unit's {@code final String} variables; null otherwise.
     */
    private Constant constant(Tree op) {
      if (op instanceof LiteralTree l) {
        return l.getKind() == Tree.Kind.NULL_LITERAL ? null : new Constant(String.valueOf(l.getValue()), null);
      }
      if (names == null || !(op instanceof IdentifierTree || op instanceof MemberSelectTree)) {
        return null;
      }
      String name = op instanceof IdentifierTree id ? id.getName().toString()
          : ((MemberSelectTree) op).getIdentifier().toString();
      String value = names.get(name);
      return value == null ? null : new Constant(value, name);
    }

    /** {@code {'g', 'h', 'p', …}}: a string written as characters. */
    @Override
    public Void visitNewArray(NewArrayTree node, Void unused) {
      List<? extends ExpressionTree> items = node.getInitializers();
      if (items != null && items.size() >= SecretScanner.MIN_LITERAL_LENGTH
          && items.stream().allMatch(t -> t.getKind() == Tree.Kind.CHAR_LITERAL)) {
        StringBuilder text = new StringBuilder();
        items.forEach(t -> text.append(((LiteralTree) t).getValue()));
        check(node, text.toString(), getCurrentPath());
        return null;
      }
      return super.visitNewArray(node, unused);
    }

    private static void flatten(BinaryTree node, TreePath path, List<Tree> operands, List<TreePath> parents) {
      ExpressionTree left = node.getLeftOperand();
      if (left.getKind() == Tree.Kind.PLUS) {
        flatten((BinaryTree) left, new TreePath(path, left), operands, parents);
      } else {
        operands.add(left);
        parents.add(path);
      }
      operands.add(node.getRightOperand());
      parents.add(path);
    }

    private void check(Tree reportOn, String value, TreePath contextPath) {
      if (value == null || value.length() < SecretScanner.MIN_LITERAL_LENGTH) {
        return;
      }
      String context = contextName(contextPath);
      List<SecretFinding> found = scanner.scanText(value, context);
      if (found.isEmpty()) {
        return;
      }
      long pos = positions.getStartPosition(unit, reportOn);
      long line = pos >= 0 && lines != null ? lines.getLineNumber(pos) : -1;
      long col = pos >= 0 && lines != null ? lines.getColumnNumber(pos) : -1;
      for (SecretFinding f : found) {
        findings.add(new SourceSecretFinding(f, reportOn, pos, line, col, context));
      }
    }
  }

  /** The name a value at {@code path} is given to (see the class comment), or null. */
  static String contextName(TreePath path) {
    Tree child = path.getLeaf();
    TreePath p = path.getParentPath();
    for (int depth = 0; p != null && depth < 64; depth++) {
      Tree t = p.getLeaf();
      switch (t.getKind()) {
        case PARENTHESIZED, TYPE_CAST, CONDITIONAL_EXPRESSION, PLUS, NEW_ARRAY -> {
          // the value flows through unchanged (or is an element of an array initialiser)
        }
        case LAMBDA_EXPRESSION -> {
          if (((LambdaExpressionTree) t).getBody() != child) {
            return null;
          }
        }
        case VARIABLE -> {
          return ((VariableTree) t).getName().toString();
        }
        case ASSIGNMENT -> {
          AssignmentTree a = (AssignmentTree) t;
          return a.getExpression() == child ? nameOf(a.getVariable()) : null;
        }
        case PLUS_ASSIGNMENT -> {
          CompoundAssignmentTree a = (CompoundAssignmentTree) t;
          return a.getExpression() == child ? nameOf(a.getVariable()) : null;
        }
        case ANNOTATION, TYPE_ANNOTATION -> {
          return ((AnnotationTree) t).getArguments().contains(child) ? "value" : null;
        }
        case METHOD_INVOCATION -> {
          return invocationContext((MethodInvocationTree) t, child);
        }
        case NEW_CLASS -> {
          return enumConstantContext(p, (NewClassTree) t);
        }
        case RETURN -> {
          return returnContext(p);
        }
        default -> {
          return null;
        }
      }
      child = t;
      p = p.getParentPath();
    }
    return null;
  }

  private static String invocationContext(MethodInvocationTree call, Tree arg) {
    List<? extends ExpressionTree> args = call.getArguments();
    int index = args.indexOf(arg);
    if (index < 0) {
      return null; // the literal is the receiver: "x".equals(y)
    }
    String method = nameOf(call.getMethodSelect());
    if (method == null) {
      return null;
    }
    if (index % 2 == 1 && KEYED_METHODS.contains(method)) {
      ExpressionTree key = args.get(index - 1);
      if (key.getKind() == Tree.Kind.STRING_LITERAL) {
        return (String) ((LiteralTree) key).getValue();
      }
      String name = nameOf(key);
      if (name != null) {
        return name;
      }
    }
    if (args.size() == 1) {
      for (String prefix : new String[] {"set", "with"}) {
        if (method.length() > prefix.length() && method.startsWith(prefix)
            && Character.isUpperCase(method.charAt(prefix.length()))) {
          return method.substring(prefix.length());
        }
      }
    }
    return null;
  }

  private static String enumConstantContext(TreePath newClassPath, NewClassTree newClass) {
    TreePath varPath = newClassPath.getParentPath();
    if (varPath == null || !(varPath.getLeaf() instanceof VariableTree var) || var.getInitializer() != newClass) {
      return null;
    }
    TreePath owner = varPath.getParentPath();
    if (owner != null && owner.getLeaf().getKind() == Tree.Kind.ENUM) {
      return var.getName().toString();
    }
    return null;
  }

  private static String returnContext(TreePath returnPath) {
    for (TreePath p = returnPath.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof MethodTree m) {
        String name = m.getName().toString();
        for (String prefix : new String[] {"get", "is"}) {
          if (name.length() > prefix.length() && name.startsWith(prefix)
              && Character.isUpperCase(name.charAt(prefix.length()))) {
            return name.substring(prefix.length());
          }
        }
        return name;
      }
      if (t instanceof LambdaExpressionTree) {
        return contextName(p);
      }
      if (t instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  private static String nameOf(Tree expr) {
    if (expr instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    if (expr instanceof MemberSelectTree ms) {
      return ms.getIdentifier().toString();
    }
    if (expr instanceof com.sun.source.tree.ArrayAccessTree aa) {
      return nameOf(aa.getExpression());
    }
    return null;
  }
}
