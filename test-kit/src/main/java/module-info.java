/**
 * Toolwarden's test kit: an in-process MCP client for unit tests of annotated tools, resources and prompts, with
 * every policy of the real server ({@code dev.toolwarden.test}), and its Spring variant
 * ({@code dev.toolwarden.test.spring}, which needs {@code spring-context} at run time only when used).
 * {@code dev.toolwarden.test.internal} is not exported.
 */
module dev.toolwarden.test {
  requires transitive dev.toolwarden.runtime;
  requires reactor.core; // the in-memory pipe speaks the SDK's transport interfaces
  requires org.slf4j;
  // SpringToolwardenTestClient reads an ApplicationContext; a test without Spring never loads it
  requires static transitive spring.context;
  requires static spring.beans;
  requires static spring.core;

  exports dev.toolwarden.test;
  exports dev.toolwarden.test.spring;
}
