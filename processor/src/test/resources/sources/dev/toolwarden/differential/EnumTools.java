package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.Nullable;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.ToolParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Enums: a string among the constant names, exactly (case-sensitive). */
@RequiresScope("test")
public class EnumTools {

  public enum Color { RED, GREEN, BLUE, dark_grey }

  public enum Single { ONLY }

  /** Enums everywhere. */
  @McpTool(name = "enums")
  public void enums(Color color,
      Optional<Color> maybe,
      @Nullable Color nullable,
      @ToolParam(defaultValue = "GREEN") Color defaulted,
      List<Color> palette,
      Set<Color> distinct,
      Map<String, Single> singles) {
    Capture.args(color, maybe, nullable, defaulted, palette, distinct, singles);
  }
}
