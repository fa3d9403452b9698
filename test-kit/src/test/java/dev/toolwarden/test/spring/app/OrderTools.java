package dev.toolwarden.test.spring.app;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.SafePath;
import dev.toolwarden.runtime.path.SafeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/** The application's tools, a Spring bean with its dependencies injected. */
@Component
public class OrderTools {

  private final OrderRepository orders;

  /** Injected by Spring. */
  public OrderTools(OrderRepository orders) {
    this.orders = orders;
  }

  /**
   * The order ids of a customer.
   *
   * @param customer the customer
   */
  @McpTool(name = "lookup_orders", readOnly = true)
  @RequiresScope("orders:read")
  public List<String> findOrders(String customer) {
    return orders.idsOf(customer);
  }

  /**
   * Writes an export of a customer's orders.
   *
   * @param file where, relative to the exports folder
   * @param customer the customer
   */
  @McpTool(name = "export_orders")
  @RequiresScope("orders:export")
  public String exportOrders(@SafePath(root = "exports") Path file, String customer) throws IOException {
    try (var out = SafeFiles.newOutputStream(file)) {
      out.write(String.join("\n", orders.idsOf(customer)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return "exported";
  }
}
