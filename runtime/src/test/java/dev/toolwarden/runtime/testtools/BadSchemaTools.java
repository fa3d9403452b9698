package dev.toolwarden.runtime.testtools;

/** Its bundle carries an input schema that is valid JSON but not a valid JSON Schema. */
public final class BadSchemaTools {}
