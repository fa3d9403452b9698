package com.example.orders;

import dev.toolwarden.McpTool;
import dev.toolwarden.RateLimit;
import dev.toolwarden.Redact;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.SafePath;
import dev.toolwarden.runtime.path.SafeFiles;
import jakarta.validation.constraints.Email;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

@RequiresScope("orders:read")
public class OrderTools {

  /**
   * Finds the orders of a customer.
   *
   * @param customerEmail the customer's email address
   */
  @McpTool(name = "find_orders", readOnly = true)
  @RateLimit(permits = 2, per = "1m")
  public List<String> findOrders(@Redact @Email String customerEmail) {
    return List.of("A-1001", "A-1002");
  }

  /**
   * Reads an invoice.
   *
   * @param file the invoice, relative to the invoices folder
   */
  @McpTool(name = "read_invoice", readOnly = true)
  public String readInvoice(@SafePath(root = "invoices") Path file) throws IOException {
    return SafeFiles.readString(file);
  }
}
