package dev.toolwarden.runtime.testtools;

/** A class compiled without the processor: no bundle exists for it. */
public final class NoBundleTools {}
