/**
 * The test kit for Spring applications: {@link dev.toolwarden.test.spring.SpringToolwardenTestClient} serves the
 * tool beans of an {@code ApplicationContext}. Needs {@code spring-context} (an optional dependency of the kit).
 */
package dev.toolwarden.test.spring;
