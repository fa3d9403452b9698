package dev.toolwarden.spring;

import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.http.ServletEndpoint;
import dev.toolwarden.runtime.internal.server.ServerAssembly;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Puts the MCP endpoint into the application's servlet container when it starts ({@link ServletEndpoint}: the
 * standalone server's servlet and filters), tells it the port once the container listens (the Host allowlist),
 * and on shutdown lets the calls in flight finish before the sessions close. Its lifecycle phase is just above
 * the web server's graceful shutdown, so the endpoint drains first and the container then has no stream left
 * to wait for.
 */
final class McpEndpointRegistration implements ServletContextInitializer,
    ApplicationListener<WebServerInitializedEvent>, SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(McpEndpointRegistration.class);

  private final ToolwardenServer server;
  private final String path;
  private final long drainMillis;
  private final InFlightFilter inFlight = new InFlightFilter();
  private volatile ServletEndpoint endpoint;
  private volatile boolean running;

  McpEndpointRegistration(ToolwardenServer server, String path, long drainMillis) {
    this.server = server;
    this.path = path;
    this.drainMillis = drainMillis;
  }

  @Override
  public void onStartup(ServletContext context) {
    HttpOptions options = server.httpOptions();
    ServerAssembly assembly = server.assembly();
    FilterRegistration.Dynamic drain = context.addFilter("toolwarden-0-InFlightFilter", inFlight);
    drain.setAsyncSupported(true);
    drain.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, path);
    if (options.oauth() == null) {
      // the application's security guards the endpoint: the user it authenticated is the MCP principal
      FilterRegistration.Dynamic user = context.addFilter("toolwarden-0-ApplicationUserFilter", new ApplicationUserFilter());
      user.setAsyncSupported(true);
      user.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, path);
    }
    endpoint = ServletEndpoint.install(context, path, options, assembly.json(), assembly, assembly.toolScopes(),
        assembly.clientLimitFilter());
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    ServletEndpoint e = endpoint;
    if (e != null && WebServerApplicationContext.getServerNamespace(event.getApplicationContext()) == null) {
      e.listening(event.getWebServer().getPort());
      LOG.info("MCP endpoint {} on port {}: {} tools{}", path, event.getWebServer().getPort(), server.toolCount(),
          server.oauth() == null ? "" : " (OAuth resource " + server.oauth().resource() + ")");
    }
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    inFlight.drain();
    try {
      if (!inFlight.awaitIdle(drainMillis)) {
        LOG.warn("MCP endpoint: {} calls still in flight after {} ms; closing", inFlight.inFlight(), drainMillis);
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    ServletEndpoint e = endpoint;
    if (e != null) {
      try {
        e.close();
      } catch (RuntimeException ex) {
        LOG.debug("closing MCP sessions failed: {}", ex.toString());
      }
    }
    server.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
  }
}
