package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.Nullable;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.List;

/** Lists: sizes, nesting, nullable elements. */
@RequiresScope("test")
public class CollectionTools {

  /** Lists of every shape. */
  @McpTool(name = "lists")
  public void lists(List<String> names,
      @Size(min = 1, max = 3) List<Integer> someNumbers,
      @NotEmpty List<Boolean> flags,
      List<List<Integer>> matrix,
      List<@Nullable String> holes,
      Collection<Long> ids,
      @Size(max = 0) List<Double> empty) {
    Capture.args(names, someNumbers, flags, matrix, holes, ids, empty);
  }
}
