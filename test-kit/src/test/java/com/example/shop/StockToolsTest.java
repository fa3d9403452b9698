package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.test.ToolwardenTestClient;
import dev.toolwarden.test.spring.SpringToolwardenTestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class StockToolsTest {

  @Test
  void answersFromTheCatalogBean() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
            .web(WebApplicationType.NONE)
            .properties("toolwarden.grant-scopes=stock:read")
            .run();
        ToolwardenTestClient client = SpringToolwardenTestClient.of(context)) {
      assertEquals(Map.of("result", true), client.callTool("in_stock", Map.of("sku", "IN-7")).structuredContent());
      assertTrue(client.withScopes().callTool("in_stock", Map.of("sku", "IN-7")).isError());
    }
  }
}
