package dev.toolwarden.examples;

import dev.toolwarden.McpComplete;
import dev.toolwarden.McpPrompt;
import dev.toolwarden.McpResource;
import dev.toolwarden.McpTool;
import dev.toolwarden.RateLimit;
import dev.toolwarden.Redact;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.ToolParam;
import dev.toolwarden.runtime.ToolException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Looks up orders in a small in-memory order book: tools, a summary resource and a review prompt. */
@RequiresScope("orders:read")
public final class OrderTools {

  /** Order states. */
  public enum Status { OPEN, SHIPPED, CANCELLED }

  /**
   * An order.
   *
   * @param id the order id
   * @param customerEmail the customer's e-mail address
   * @param cardNumber the card charged (only its last four digits are shown)
   * @param total the amount charged
   * @param status the order's state
   * @param placed the day the order was placed
   */
  public record Order(String id, @Redact String customerEmail, @Redact(keepLast = 4) String cardNumber,
      BigDecimal total, Status status, LocalDate placed) {}

  private final List<Order> book;

  public OrderTools(List<Order> book) {
    this.book = List.copyOf(book);
  }

  /** A book with a few demo orders. */
  public static OrderTools demo() {
    return new OrderTools(List.of(
        new Order("A-1001", "ada@example.com", "4111111111111111", new BigDecimal("42.50"), Status.SHIPPED,
            LocalDate.of(2026, 10, 2)),
        new Order("A-1002", "ada@example.com", "5500000000000004", new BigDecimal("9.99"), Status.OPEN,
            LocalDate.of(2026, 11, 20)),
        new Order("B-2001", "linus@example.org", "340000000000009", new BigDecimal("120.00"), Status.CANCELLED,
            LocalDate.of(2026, 9, 14))));
  }

  /**
   * Finds the orders of a customer, newest first.
   *
   * @param customerEmail the customer's e-mail address
   * @param status only orders in this state, when given
   * @param limit the largest number of orders to return
   */
  @McpTool(name = "find_orders", readOnly = true, openWorld = false)
  @RateLimit(permits = 30, per = "1m") // per principal
  public List<Order> findOrders(@Redact @Email String customerEmail, Optional<Status> status,
      @Min(1) @Max(100) @ToolParam(defaultValue = "10") int limit) {
    return book.stream()
        .filter(o -> o.customerEmail().equalsIgnoreCase(customerEmail))
        .filter(o -> status.map(s -> s == o.status()).orElse(true))
        .sorted(Comparator.comparing(Order::placed).reversed())
        .limit(limit)
        .toList();
  }

  /**
   * Fetches one order by its id.
   *
   * @param id the order id, such as A-1001
   */
  @McpTool(name = "get_order", readOnly = true, openWorld = false)
  public Order getOrder(@Pattern(regexp = "[A-Z]-[0-9]{4}") String id) {
    return book.stream().filter(o -> o.id().equals(id)).findFirst()
        .orElseThrow(() -> new ToolException("no order " + id));
  }

  /**
   * How many orders the book holds, by state.
   *
   * @param orders the number of orders
   * @param byStatus the number of orders in each state
   */
  public record Summary(int orders, Map<String, Integer> byStatus) {}

  /** How many orders the book holds, by state (JSON). */
  @McpResource(uri = "orders://summary", name = "order-summary", title = "Order summary")
  public Summary summary() {
    Map<String, Integer> byStatus = new TreeMap<>();
    book.forEach(o -> byStatus.merge(o.status().name(), 1, Integer::sum));
    return new Summary(book.size(), byStatus);
  }

  /**
   * Asks the model to review one order: is anything unusual about it?
   *
   * @param orderId the order id, such as A-1001
   */
  @McpPrompt(name = "review_order", title = "Review an order")
  public String reviewOrder(@Pattern(regexp = "[A-Z]-[0-9]{4}") String orderId) {
    Order o = getOrder(orderId);
    return "Review order " + o.id() + " (" + o.status() + ", " + o.total() + ", placed " + o.placed()
        + "). Is anything unusual about it? Answer in two sentences.";
  }

  /** The order ids that start with what the user typed. */
  @McpComplete(prompt = "review_order", argument = "orderId")
  public List<String> completeOrderId(String value) {
    return book.stream().map(Order::id).filter(id -> id.startsWith(value)).sorted().toList();
  }
}
