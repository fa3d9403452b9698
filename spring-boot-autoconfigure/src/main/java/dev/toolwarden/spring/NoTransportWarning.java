package dev.toolwarden.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says so when the application serves its tools on no transport: {@code toolwarden.transport=http} (the default) needs
 * a servlet web application, and this one is none — a stdio-only build (the starter's Tomcat and spring-web excluded)
 * started without {@code toolwarden.transport=stdio}, or {@code spring.main.web-application-type=none}. Without this
 * line such an application starts, serves nothing and ends, silently.
 */
final class NoTransportWarning implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(NoTransportWarning.class);

  @Override
  public void afterSingletonsInstantiated() {
    LOG.warn("Toolwarden serves no transport: toolwarden.transport=http (the default) needs a servlet web application,"
        + " and this application is none (no servlet container or spring-web on the class path, or"
        + " spring.main.web-application-type=none); set toolwarden.transport=stdio for stdio");
  }
}
