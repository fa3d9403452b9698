package com.example.shop;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import org.springframework.stereotype.Component;

/** The shop's tools: a bean with its dependencies injected. */
@Component
@RequiresScope("stock:read")
public class StockTools {

  private final Catalog catalog;

  /** Injected. */
  public StockTools(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Says whether a product is in stock.
   *
   * @param sku the product
   */
  @McpTool(name = "in_stock", readOnly = true)
  public boolean inStock(String sku) {
    return catalog.inStock(sku);
  }
}
