package dev.toolwarden.runtime.internal.protocol2026;

import java.util.List;

/** The HTTP request headers the adapter checks, whatever the servlet container (names are case-insensitive). */
@FunctionalInterface
public interface HeaderSource {

  /** Every value of header {@code name}, empty when absent. */
  List<String> values(String name);
}
