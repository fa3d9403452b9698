/**
 * Literal-secret detection: a catalogue of rules ({@link dev.toolwarden.processor.secrets.SecretRules}), a scanner
 * over one literal and the name it is assigned to ({@link dev.toolwarden.processor.secrets.SecretScanner}), a javac
 * tree scanner that finds every literal of a compilation unit
 * ({@link dev.toolwarden.processor.secrets.TreeSecretScanner}) and a standalone command line
 * ({@link dev.toolwarden.processor.secrets.ScanCli}).
 *
 * <p>This package is a pure library: it never imports {@code javax.annotation.processing}, so it can be tested,
 * benchmarked and run over any source tree on its own. The annotation processor calls
 * {@link dev.toolwarden.processor.secrets.TreeSecretScanner#scan(com.sun.source.tree.CompilationUnitTree,
 * com.sun.source.util.Trees)} per compilation unit, or {@link dev.toolwarden.processor.secrets.SecretScanner#scan(String,
 * String)} for constant values and annotation values when it has no {@code Trees}.
 *
 * <p>Nothing in this package ever prints or stores a whole secret: a {@link
 * dev.toolwarden.processor.secrets.SecretFinding} keeps only offsets, the length and a masked rendering.
 *
 * <p>Regex safety: Java's regex engine backtracks. Every rule first runs a cheap {@code indexOf}/{@code contains}
 * pre-filter, then either a hand-written linear matcher or a regex with no nested quantifiers that is run with
 * {@code lookingAt()} inside a bounded region starting at a pre-filter hit, so the cost of a rule is linear in the
 * literal's length times a small constant window ({@code SecretScannerTimingTest} proves it on adversarial input).
 */
package dev.toolwarden.processor.secrets;
