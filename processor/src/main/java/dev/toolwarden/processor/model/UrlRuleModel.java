package dev.toolwarden.processor.model;

/**
 * One {@code @SafeUrl} declaration as the generated code refers to it: a single constant per
 * declaration, shared by every tool that reaches it.
 *
 * @param constantName the constant's name, derived from the declaration ({@code URL_RULE_FETCH_PAGE})
 * @param pointer the JSON pointer of the first place the declaration is reached from a tool's input
 * @param declaration what the annotation says
 */
public record UrlRuleModel(String constantName, String pointer, SafeUrlModel declaration) {}
