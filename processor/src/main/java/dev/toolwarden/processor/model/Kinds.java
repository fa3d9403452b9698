package dev.toolwarden.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** The annotations that make a method part of the MCP server surface, and which of them a method carries. */
public enum Kinds {
  TOOL(Names.MCP_TOOL),
  RESOURCE(Names.MCP_RESOURCE),
  RESOURCE_TEMPLATE(Names.MCP_RESOURCE_TEMPLATE),
  PROMPT(Names.MCP_PROMPT),
  COMPLETION(Names.MCP_COMPLETE);

  private final String annotation;

  Kinds(String annotation) {
    this.annotation = annotation;
  }

  /** The qualified name of the annotation. */
  public String annotation() {
    return annotation;
  }

  /** "@McpTool", for messages. */
  public String simpleName() {
    return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
  }

  /** The kinds the element is annotated as, in declaration order of this enum; empty for none. */
  public static List<Kinds> of(Element e) {
    List<Kinds> out = new ArrayList<>();
    for (Kinds k : values()) {
      for (AnnotationMirror a : e.getAnnotationMirrors()) {
        if (Annotations.name(a).equals(k.annotation)) {
          out.add(k);
        }
      }
    }
    return out;
  }
}
