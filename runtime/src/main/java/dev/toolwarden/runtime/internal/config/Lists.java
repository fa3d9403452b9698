package dev.toolwarden.runtime.internal.config;

import java.util.ArrayList;
import java.util.List;

/** Lists: items separated by commas and/or whitespace ({@code a,b c}); empty items are dropped. */
public final class Lists {

  /** What a list may look like, for error messages and the settings table. */
  public static final String ACCEPTED = "a list: items separated by commas and/or spaces";

  private Lists() {}

  /**
   * The items of {@code text}, in order.
   *
   * @throws IllegalArgumentException when there is no item at all (only separators)
   */
  public static List<String> parse(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split("[,\\s]+")) {
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no item in the list");
    }
    return List.copyOf(items);
  }
}
