package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.Nullable;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** @Nullable: the client may omit the argument or send null. */
@RequiresScope("test")
public class NullableTools {

  public enum Level { LOW, HIGH }

  public record Tag(String key, @Nullable String value) {}

  /** Nullable arguments of every kind. */
  @McpTool(name = "nullables")
  public void nullables(@Nullable String text,
      @Nullable @Max(5) Integer small,
      @Nullable @Size(max = 2) List<String> pair,
      @Nullable Map<String, Integer> counts,
      @Nullable Level level,
      @Nullable Tag tag,
      @Nullable UUID id,
      List<Tag> tags) {
    Capture.args(text, small, pair, counts, level, tag, id, tags);
  }
}
