/**
 * Toolwarden's runtime API: {@link dev.toolwarden.runtime.Toolwarden#server} starts a
 * {@link dev.toolwarden.runtime.ServerBuilder}, which binds tool instances and roots and runs the server over stdio
 * or Streamable HTTP ({@link dev.toolwarden.runtime.RunningServer}). Tools may take a
 * {@link dev.toolwarden.runtime.ToolContext}, throw {@link dev.toolwarden.runtime.ToolException} for a message the
 * caller may see, and read secrets with {@link dev.toolwarden.runtime.Secrets}.
 *
 * <p>Everything a user writes against lives here and in the {@code audit}, {@code auth}, {@code http},
 * {@code path}, {@code ratelimit} and {@code telemetry} sub-packages; {@code spi} is for generated code;
 * {@code internal} packages are not API and change without notice (the module does not export them).
 */
package dev.toolwarden.runtime;
