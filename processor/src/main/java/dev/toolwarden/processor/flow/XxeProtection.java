package dev.toolwarden.processor.flow;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Whether a class sets up its XML parsers against external entities: some call in it sets one of the features or
 * properties that disable DTDs or external entities ({@code disallow-doctype-decl}, {@code
 * external-general-entities}, {@code XMLConstants.ACCESS_EXTERNAL_DTD}, {@code XMLInputFactory.SUPPORT_DTD}, ...).
 * Per class, not per parser: a class that protects one parser is trusted for all of them (stated in the docs).
 */
final class XxeProtection {

  private static final Set<String> SETTERS = Set.of("setFeature", "setProperty", "setAttribute");
  private static final Set<String> PROTECTIONS = Set.of(
      "http://apache.org/xml/features/disallow-doctype-decl",
      "http://xml.org/sax/features/external-general-entities",
      "http://xml.org/sax/features/external-parameter-entities",
      "http://apache.org/xml/features/nonvalidating/load-external-dtd",
      "http://javax.xml.XMLConstants/property/accessExternalDTD",
      "javax.xml.stream.supportDTD",
      "javax.xml.stream.isSupportingExternalEntities");

  private final Trees trees;
  private final Map<TypeElement, Boolean> byClass = new HashMap<>();

  XxeProtection(Trees trees) {
    this.trees = trees;
  }

  /** Whether the top-level class (with everything nested in it) protects its parsers; false for null. */
  boolean protectedClass(TypeElement type) {
    return type != null && byClass.computeIfAbsent(type, this::scan);
  }

  private boolean scan(TypeElement type) {
    TreePath path = trees.getPath(type);
    if (path == null) {
      return false;
    }
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        String name = node.getMethodSelect() instanceof MemberSelectTree s ? s.getIdentifier().toString()
            : node.getMethodSelect() instanceof IdentifierTree i ? i.getName().toString() : "";
        if (SETTERS.contains(name) && !node.getArguments().isEmpty()) {
          Object constant = constantOf(new TreePath(getCurrentPath(), node.getArguments().get(0)));
          if (constant instanceof String s && PROTECTIONS.contains(s)) {
            found[0] = true;
          }
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(path, null);
    return found[0];
  }

  private Object constantOf(TreePath arg) {
    if (arg.getLeaf() instanceof com.sun.source.tree.LiteralTree l) {
      return l.getValue();
    }
    Element e = trees.getElement(arg);
    return e instanceof VariableElement v ? v.getConstantValue() : null;
  }
}
