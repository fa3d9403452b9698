package dev.toolwarden.runtime.spi;

import java.util.List;

/**
 * A {@code @SafePath} declaration on one argument.
 *
 * @param pointer the JSON pointer of the argument in the input ({@code /*} for list elements)
 * @param root the name of the root directory bound at start-up
 * @param mustExist whether the resolved path must exist
 * @param kind {@code ANY}, {@code FILE} or {@code DIRECTORY}
 * @param extensions allowed extensions without the dot; empty means any
 * @param followLinks whether symbolic links inside the root may be followed
 */
public record PathRule(
    String pointer, String root, boolean mustExist, String kind, List<String> extensions, boolean followLinks) {

  public PathRule {
    extensions = List.copyOf(extensions);
  }
}
