/** File access for tools: {@link dev.toolwarden.runtime.path.SafeFiles} opens a {@code @SafePath} without following links. */
package dev.toolwarden.runtime.path;
