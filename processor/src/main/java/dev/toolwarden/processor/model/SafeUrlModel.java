package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @SafeUrl} declaration as read from source.
 *
 * @param schemes allowed schemes as written
 * @param hosts host patterns as written
 * @param ports allowed ports as written
 * @param allowPrivate whether private-network addresses are allowed
 * @param annotation the annotation, for diagnostics
 */
public record SafeUrlModel(List<String> schemes, List<String> hosts, List<Integer> ports, boolean allowPrivate,
    AnnotationMirror annotation) {

  public SafeUrlModel {
    schemes = List.copyOf(schemes);
    hosts = List.copyOf(hosts);
    ports = List.copyOf(ports);
  }

  /**
   * The {@code @SafeUrl} of a field: on the declaration or its type ({@code mirrors}), else on a type
   * argument or array component at any depth ({@code List<@SafeUrl URI>}), which then applies to
   * every element as a declaration annotation would. Null when there is none.
   */
  static SafeUrlModel read(Annotations annotations, List<AnnotationMirror> mirrors, TypeMirror type) {
    return read(annotations, Annotations.onDeclarationOrTypeArgument(mirrors, type, Names.SAFE_URL));
  }

  /** The declaration of {@code annotation}, or null when there is none. */
  static SafeUrlModel read(Annotations annotations, AnnotationMirror annotation) {
    if (annotation == null) {
      return null;
    }
    return new SafeUrlModel(annotations.strings(annotation, "schemes"), annotations.strings(annotation, "hosts"),
        annotations.ints(annotation, "ports"), annotations.bool(annotation, "allowPrivate"), annotation);
  }
}
