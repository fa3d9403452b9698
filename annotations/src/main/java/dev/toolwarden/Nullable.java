package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a tool argument or input record component as optional: the client may omit it or
 * send {@code null}, and the method receives {@code null}. Any annotation named
 * {@code Nullable} (JSpecify, JSR 305, …) is understood the same way.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Nullable {}
