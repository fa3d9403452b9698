package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** A record type used in a tool's input or output, with its components in declaration order. */
public record RecordModel(TypeElement element, String defName, List<Field> components) {}
