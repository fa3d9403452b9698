package dev.toolwarden.benchmarks.tools;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The three argument shapes of the validation benchmark. The methods do nothing, so calling the
 * generated invoker measures binding and validation. {@code @Valid} is for Hibernate Validator's
 * cascade (Toolwarden validates nested records without it); the constraints are the same for all.
 */
@RequiresScope("bench:validate")
public final class ValidationTools {

  /** A status. */
  public enum Priority { LOW, NORMAL, HIGH }

  /** A postal address. */
  public record Address(@NotBlank @Size(max = 80) String street, @NotBlank @Size(max = 40) String city,
                        @Pattern(regexp = "[0-9]{5}") String zip) {}

  /** An order line. */
  public record Line(@NotBlank @Size(max = 20) String sku, @Min(1) @Max(1000) int quantity,
                     @DecimalMin("0.01") double price) {}

  /** A customer. */
  public record Customer(@NotBlank @Size(max = 64) String name, @Email String email,
                         @Valid Address address) {}

  /** An order: two levels of records and a list of records. */
  public record Order(@NotBlank @Size(max = 36) String id, @Valid Customer customer,
                      @Size(min = 1, max = 50) List<@Valid Line> lines, Priority priority) {}

  /**
   * Small: three scalars.
   *
   * @param name a name
   * @param age an age
   * @param active whether active
   */
  @McpTool(name = "small")
  public void small(@NotBlank @Size(max = 64) String name, @Min(0) @Max(150) int age, boolean active) {}

  /**
   * Medium: ten arguments with constraints, a list and a nested record.
   *
   * @param name a name
   * @param email an e-mail address
   * @param age an age
   * @param amount an amount
   * @param quantity a quantity
   * @param tags some tags
   * @param address an address
   * @param priority a priority
   * @param active whether active
   * @param note a note
   */
  @McpTool(name = "medium")
  public void medium(@NotBlank @Size(max = 64) String name, @Email String email, @Min(0) @Max(150) int age,
                     @Positive double amount, @Min(1) @Max(1000) int quantity,
                     @Size(min = 1, max = 10) List<@NotBlank @Size(max = 20) String> tags,
                     @Valid Address address, Priority priority, boolean active,
                     @Size(max = 200) String note) {}

  /**
   * Nested: an order with a customer, an address and a list of lines.
   *
   * @param order the order
   */
  @McpTool(name = "nested")
  public void nested(@Valid Order order) {}
}
