package dev.toolwarden.runtime.internal.server;

/**
 * A resource, resource template, prompt or completion definition together with the instance it runs on: the same
 * instance as the tools of its bundle.
 *
 * @param definition the generated definition
 * @param target the bound instance
 * @param owner the annotated class (for start-up messages)
 * @param <D> the definition type
 */
public record Bound<D>(D definition, Object target, Class<?> owner) {}
