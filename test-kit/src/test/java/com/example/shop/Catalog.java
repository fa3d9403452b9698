package com.example.shop;

import org.springframework.stereotype.Component;

/** The shop's catalogue: a bean the tools use. */
@Component
public class Catalog {

  /** Whether the product is in stock. */
  public boolean inStock(String sku) {
    return sku.startsWith("IN-");
  }
}
