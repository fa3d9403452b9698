package dev.toolwarden.spring;

import dev.toolwarden.runtime.ToolFactory;
import dev.toolwarden.runtime.ToolwardenStartupException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * Hands the runtime the application's bean of each tool class that has a generated bundle (the bundles are
 * found by {@code ServiceLoader}; the class comes from the bundle, so nothing is scanned and no user class is
 * inspected). A bundle without a bean is a start-up error naming the class, unless
 * {@code toolwarden.spring.instantiate-missing=true} lets the context create one (constructor injection).
 */
final class BeanToolFactory implements ToolFactory {

  private final ListableBeanFactory beans;
  private final AutowireCapableBeanFactory autowire;
  private final boolean instantiateMissing;

  BeanToolFactory(ListableBeanFactory beans, AutowireCapableBeanFactory autowire, boolean instantiateMissing) {
    this.beans = beans;
    this.autowire = autowire;
    this.instantiateMissing = instantiateMissing;
  }

  @Override
  public <T> T create(Class<T> type) {
    String[] names = beans.getBeanNamesForType(type);
    if (names.length == 1) {
      return beans.getBean(names[0], type);
    }
    if (names.length > 1) {
      throw new ToolwardenStartupException("the application context has " + names.length + " beans of tool class "
          + type.getName() + " (" + String.join(", ", names) + "): keep one, the MCP server serves one instance per"
          + " tool class");
    }
    if (!instantiateMissing) {
      throw new ToolwardenStartupException("no Spring bean of tool class " + type.getName() + ", which has a generated"
          + " tool bundle: declare one (@Component on the class, or a @Bean method), or set"
          + " toolwarden.spring.instantiate-missing=true to let the application context create it");
    }
    return autowire.createBean(type);
  }
}
