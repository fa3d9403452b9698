package dev.toolwarden.featurediff;

import dev.toolwarden.McpPrompt;
import dev.toolwarden.McpResourceTemplate;
import dev.toolwarden.Nullable;
import dev.toolwarden.ToolParam;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Prompts and resource templates with typed, constrained parameters: the differential test sends them the strings a
 * client sends, converted as the runtime converts them, and compares the generated binding with the published schema.
 */
public final class FeatureBindingTools {

  /** Levels. */
  public enum Level { LOW, HIGH }

  /** Numbers, booleans and enums, required and optional. */
  @McpPrompt(name = "typed")
  public String typed(@Min(1) @Max(10) int count, @Nullable Boolean loud, Level level,
      @DecimalMin("0.5") @DecimalMax("99.5") double ratio, @Nullable @Positive Long big,
      @ToolParam(defaultValue = "3") @Max(5) int withDefault) {
    return "typed";
  }

  /** Strings: sizes, patterns, formats. */
  @McpPrompt(name = "texts")
  public String texts(@Size(min = 2, max = 5) String word, @Pattern(regexp = "[a-z]+[0-9]?") String code,
      @Nullable @NotBlank String note, UUID id, @Nullable LocalDate day) {
    return "texts";
  }

  /** A number and a bounded segment. */
  @McpResourceTemplate(uriTemplate = "items://{id}/v{/version}")
  public String item(@Min(1) long id, @Min(0) @Max(99) int version) {
    return "item";
  }

  /** An enum, a boolean and a reserved rest. */
  @McpResourceTemplate(uriTemplate = "tags://{tag}/{on}/r{+rest}")
  public String tag(Level tag, boolean on, @Size(max = 12) @Pattern(regexp = "[a-z/]+") String rest) {
    return "tag";
  }

  /** A decimal and exploded segments. */
  @McpResourceTemplate(uriTemplate = "parts://{ratio}/p{/segments*}")
  public String parts(@DecimalMax("10") @Positive double ratio, @Size(max = 3) List<@Size(min = 1, max = 4) String> segments) {
    return "parts";
  }
}
