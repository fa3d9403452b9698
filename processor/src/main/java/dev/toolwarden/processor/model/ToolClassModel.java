package dev.toolwarden.processor.model;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * A class that declares tools: its tools and every record type they reach, by
 * {@code $defs} name in first-use order.
 */
public record ToolClassModel(TypeElement element, List<ToolModel> tools, Map<String, RecordModel> records) {}
