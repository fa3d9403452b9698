package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** A {@code @SafePath} declaration as read from source. */
public record SafePathModel(
    String root, boolean mustExist, String kind, List<String> extensions, boolean followLinks,
    AnnotationMirror annotation) {}
