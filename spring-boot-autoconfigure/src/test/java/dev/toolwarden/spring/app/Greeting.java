package dev.toolwarden.spring.app;

/** An ordinary application bean the tools depend on. */
public record Greeting(String salutation) {}
