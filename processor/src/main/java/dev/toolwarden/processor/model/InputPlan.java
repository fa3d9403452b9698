package dev.toolwarden.processor.model;

import java.util.List;

/**
 * The binding plan of one operation whose parameters the client sends (a tool, a resource template or a prompt)
 * and the pointers its policy lists.
 *
 * @param operation the operation
 * @param arguments one plan per argument the client sends, in parameter order (the injected context has none)
 * @param pathRules the confinement rules of the values its input reaches, in first-use order
 * @param urlRules the {@code @SafeUrl} rules of the values its input reaches, in first-use order
 * @param redacted JSON pointers of redacted input ({@code /input/..}) and output ({@code /output/..}) values
 */
public record InputPlan(Operation operation, List<Binding> arguments, List<PathRuleModel> pathRules,
    List<UrlRuleModel> urlRules, List<String> redacted) {}
