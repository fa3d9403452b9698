package dev.toolwarden.test.spring;

import dev.toolwarden.runtime.ToolFactory;
import dev.toolwarden.runtime.ToolwardenStartupException;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The context's bean of each tool class a generated bundle names (the class comes from the bundle: nothing is
 * scanned), or none: that class is then not served.
 */
final class BeanLookup implements ToolFactory {

  private final ListableBeanFactory beans;

  BeanLookup(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public <T> T create(Class<T> type) {
    String[] names = beans.getBeanNamesForType(type);
    if (names.length > 1) {
      throw new ToolwardenStartupException("the application context has " + names.length + " beans of tool class "
          + type.getName() + " (" + String.join(", ", names) + "): keep one, the MCP server serves one instance per"
          + " tool class");
    }
    return names.length == 0 ? null : beans.getBean(names[0], type);
  }
}
