package dev.toolwarden.runtime.testtools;

/** Declares a tool named like one of {@link EchoTools}. */
public final class DuplicateTools {}
