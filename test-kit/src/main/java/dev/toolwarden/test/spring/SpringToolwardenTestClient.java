package dev.toolwarden.test.spring;

import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.url.Egress;
import dev.toolwarden.test.ToolwardenTestClient;
import java.util.Objects;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A {@link ToolwardenTestClient} for the beans of a Spring application, for a Spring Boot test:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = WebEnvironment.NONE)
 * class OrderToolsTest {
 *   @Autowired ApplicationContext context;
 *
 *   @Test
 *   void findsOrders() {
 *     try (ToolwardenTestClient client = SpringToolwardenTestClient.of(context)) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>As the starter does: the generated bundles are found by {@code ServiceLoader} and matched to the context's
 * bean of each tool class (nothing is scanned); the settings come from the context's {@link Environment}
 * ({@code toolwarden.*} in {@code application.yml}/{@code .properties}, profiles, test properties: roots, granted
 * scopes, …); the application's {@link Egress} and {@link AuditSink} beans are used (the kit keeps the audit events
 * as well). Unlike the starter, a tool class without a bean is not served instead of failing (a test slice may leave
 * beans out), and {@code @RateLimit} budgets run on the kit's clock, not on an application's
 * {@code RateLimiterBackend} bean (so {@link ToolwardenTestClient#advanceClock} works).
 */
public final class SpringToolwardenTestClient {

  private SpringToolwardenTestClient() {}

  /** A client of a server of the beans of {@code context}, configured from its environment. */
  public static ToolwardenTestClient of(ApplicationContext context) {
    Objects.requireNonNull(context, "context");
    Environment env = context.getEnvironment();
    ServerBuilder builder = Toolwarden.server(env.getProperty("spring.application.name", "toolwarden-test"), "0.0.0")
        .toolFactory(new BeanLookup(context));
    if (context.getClassLoader() != null) {
      builder.classLoader(context.getClassLoader());
    }
    context.getBeanProvider(Egress.class).ifUnique(builder::egress);
    context.getBeanProvider(AuditSink.class).ifUnique(builder::auditSink);
    // both lookups go to the Environment: it holds the system properties and the process environment too
    BuilderAccess.settings(builder).config = new Config(env::getProperty, env::getProperty);
    return ToolwardenTestClient.forServer(builder);
  }
}
