package dev.toolwarden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Confines a path argument to a named root directory bound at start-up.
 *
 * <p>The client sends a path relative to the root. The runtime resolves it, normalises it
 * and rejects anything that would leave the root ({@code ..}, absolute paths, encoded forms,
 * NUL, symlinks leading out, Windows drive and UNC forms). The method receives the resolved
 * real {@link java.nio.file.Path}. A rejection never reveals the root.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface SafePath {

  /** The name of the root, bound with {@code Toolwarden.server(..).root(name, dir)}. */
  String root();

  /** Whether the resolved path must exist. */
  boolean mustExist() default false;

  /** Which kinds of file system entries are accepted. */
  Kind kind() default Kind.ANY;

  /** Allowed file name extensions without the dot (e.g. {@code "txt"}); empty means any. */
  String[] extensions() default {};

  /** Whether symbolic links that stay inside the root may be followed. */
  boolean followLinks() default false;

  /** Kinds of file system entries. */
  enum Kind {
    /** Files or directories. */
    ANY,
    /** Regular files only. */
    FILE,
    /** Directories only. */
    DIRECTORY
  }
}
