package dev.toolwarden.test.spring.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The application's data: a bean the tools get injected. */
@Component
public class OrderRepository {

  /** How many lookups the bean served (the test checks its tools used this bean). */
  public final AtomicInteger lookups = new AtomicInteger();

  /** The order ids of a customer. */
  public List<String> idsOf(String customer) {
    lookups.incrementAndGet();
    return List.of(customer + "-1", customer + "-2");
  }
}
