/**
 * Unit tests of annotated tools, resources and prompts with every policy: {@link
 * dev.toolwarden.test.ToolwardenTestClient} connects the SDK's client in memory to the real server and exposes the
 * answers ({@link dev.toolwarden.test.ToolResult}, {@link dev.toolwarden.test.ResourceResult}, {@link
 * dev.toolwarden.test.PromptResult}, {@link dev.toolwarden.test.CompletionResult}), the audit events and the
 * rejections. {@code dev.toolwarden.test.internal} is not API.
 */
package dev.toolwarden.test;
