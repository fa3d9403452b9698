package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Size;

/** Java arrays: primitive and reference elements. */
@RequiresScope("test")
public class ArrayTools {

  public record Point(int x, int y) {}

  /** Arrays. */
  @McpTool(name = "arrays")
  public void arrays(int[] numbers,
      String[] words,
      double @Size(max = 2) [] pair,
      boolean[] bits,
      long @Size(min = 1) [] nonEmptyLongs,
      Point[] points,
      byte[] bytes) {
    Capture.args(numbers, words, pair, bits, nonEmptyLongs, points, bytes);
  }
}
