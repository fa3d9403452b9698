package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.Nullable;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.ToolParam;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Nested records: each one a $defs entry with its own required list and additionalProperties: false. */
@RequiresScope("test")
public class RecordTools {

  public enum Country { DE, FR, US }

  public record Address(@Size(max = 20) String street, @Pattern(regexp = "[0-9]{5}") String zip, Country country) {}

  public record Phone(@Pattern(regexp = "\\+[0-9]{6,12}") String number, @Nullable String label) {}

  public record Customer(@NotBlank String name,
      @Email String email,
      Address address,
      @Nullable Address billing,
      @Size(max = 2) List<Phone> phones,
      @ToolParam(defaultValue = "3") @Min(1) @Max(5) int tier,
      Optional<LocalDate> since) {}

  public record Line(@Positive int quantity, @Positive BigDecimal price, @Size(min = 1) String sku) {}

  public record Order(Customer customer, @Size(min = 1, max = 3) List<Line> lines, Map<String, String> notes) {}

  /** A record argument. */
  @McpTool(name = "record_customer")
  public void customer(Customer customer) {
    Capture.args(customer);
  }

  /** Records nested three deep. */
  @McpTool(name = "record_order")
  public void order(Order order, @Nullable Address shipTo) {
    Capture.args(order, shipTo);
  }
}
