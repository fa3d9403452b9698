package dev.toolwarden.processor.flow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.toolwarden.processor.diag.Rule;
import javax.lang.model.element.ExecutableElement;

/**
 * One proven flow from a tool argument to a sink.
 *
 * @param rule the rule it breaks
 * @param sinkTree the call or constructor the error is reported on
 * @param unit the compilation unit of {@code sinkTree}
 * @param sinkMethod the method whose body holds the sink (the tool or one of its helpers)
 * @param tool the tool whose argument flows there
 * @param source the argument, e.g. {@code 'query' of findUsers}
 * @param sink the dangerous API, e.g. {@code Statement.executeQuery(String)}
 * @param as what the argument becomes there, e.g. {@code SQL text}
 * @param path the steps in between, on one line
 */
record Finding(Rule rule, Tree sinkTree, CompilationUnitTree unit, ExecutableElement sinkMethod,
    ExecutableElement tool, String source, String sink, String as, String path) {

  /** The catalogue message arguments, in the order of the rule's template. */
  Object[] messageArgs() {
    return new Object[] {source, sink, as, path};
  }

  /** One stable line for the security manifest (no line numbers, so unrelated edits do not change it). */
  String manifestLine() {
    return rule.id() + " " + ((javax.lang.model.element.TypeElement) tool.getEnclosingElement()).getQualifiedName()
        + "#" + tool.getSimpleName() + "(): " + source + " reaches " + sink + " as " + as;
  }
}
