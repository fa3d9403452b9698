package dev.toolwarden.processor.secrets;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The string values of a compilation unit's {@code final} variables (fields and locals) whose initializers are
 * literals, concatenations of literals, or names of such variables — read from the syntax tree alone, so that a
 * secret split across constants ({@code P + "…"}) is seen whole.
 *
 * <p>Why from the tree, not the compiler: asking javac for the element of a name inside a method body during
 * annotation processing attributes that body early, and the compilation then failed on valid code later (a record's
 * canonical constructor, captured wildcards). A name two variables share with different values is left out: the
 * fold then stops there, as without this map.
 */
final class FinalStrings {

  /** Rounds of resolution: a constant built from constants declared after it needs a second look. */
  private static final int ROUNDS = 4;

  private FinalStrings() {}

  static Map<String, String> of(CompilationUnitTree unit) {
    Map<String, ExpressionTree> initializers = new LinkedHashMap<>();
    Set<String> ambiguous = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (node.getModifiers().getFlags().contains(Modifier.FINAL) && node.getInitializer() != null
            && isString(node.getType())) {
          String name = node.getName().toString();
          if (initializers.putIfAbsent(name, node.getInitializer()) != null) {
            ambiguous.add(name);
          }
        }
        return super.visitVariable(node, unused);
      }
    }.scan(unit, null);
    ambiguous.forEach(initializers::remove); // a shared name may hold another value where it is used
    Map<String, String> values = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean grew = false;
      for (Map.Entry<String, ExpressionTree> e : initializers.entrySet()) {
        if (values.containsKey(e.getKey())) {
          continue;
        }
        String v = fold(e.getValue(), values);
        if (v != null) {
          values.put(e.getKey(), v);
          grew = true;
        }
      }
      if (!grew) {
        break;
      }
    }
    return values;
  }

  /** {@code String} or {@code java.lang.String}: a number's {@code +} adds, it does not join. */
  private static boolean isString(Tree type) {
    String t = type == null ? "" : type.toString();
    return t.equals("String") || t.equals("java.lang.String");
  }

  /** The string an expression of literals, known names and {@code +} makes, or null. */
  private static String fold(ExpressionTree t, Map<String, String> known) {
    if (t instanceof ParenthesizedTree p) {
      return fold(p.getExpression(), known);
    }
    if (t instanceof LiteralTree l) {
      return l.getKind() == Tree.Kind.NULL_LITERAL ? null : String.valueOf(l.getValue());
    }
    if (t instanceof IdentifierTree id) {
      return known.get(id.getName().toString());
    }
    if (t instanceof MemberSelectTree ms) {
      return known.get(ms.getIdentifier().toString());
    }
    if (t instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
      String left = fold(b.getLeftOperand(), known);
      String right = left == null ? null : fold(b.getRightOperand(), known);
      return right == null ? null : left + right;
    }
    return null;
  }
}
