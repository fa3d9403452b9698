package dev.toolwarden.runtime;

/**
 * Supplies instances of tool classes that were not bound with {@code tools(...)}, so a
 * container (Spring, CDI, …) can hand over its own beans. The runtime asks only for classes
 * that have a generated bundle; it never instantiates user classes itself.
 */
@FunctionalInterface
public interface ToolFactory {

  /**
   * @return the instance to serve, or {@code null} when this factory does not provide one (the
   *     bundle is then skipped)
   */
  <T> T create(Class<T> type);
}
