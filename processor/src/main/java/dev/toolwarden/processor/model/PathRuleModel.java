package dev.toolwarden.processor.model;

/**
 * One {@code @SafePath} declaration as the generated code refers to it: a single constant per
 * declaration, shared by every tool that reaches it.
 *
 * @param constantName the constant's name, derived from the declaration ({@code PATH_RULE_READ_FILE_PATH})
 *     so generated code is deterministic and readable
 * @param pointer the JSON pointer of the first place the declaration is reached from a tool's input
 *     ({@code /input/files/*}), as the policy lists it
 * @param declaration what the annotation says
 */
public record PathRuleModel(String constantName, String pointer, SafePathModel declaration) {}
