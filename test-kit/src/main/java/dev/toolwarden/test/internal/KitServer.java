package dev.toolwarden.test.internal;

import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.internal.server.ServerAssembly;
import dev.toolwarden.runtime.internal.server.ServerSettings;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The real server of a {@link ServerBuilder}, assembled exactly as {@code stdio()} and {@code http()} assemble it
 * (bundles found by {@code ServiceLoader} and matched to the instances, every start-up check, the whole pipeline),
 * built by the SDK on an {@link InMemoryPipe}, with the SDK's own client initialised on the other end. What the
 * test kit changes is only what a test must control: the rate limits' clock (unless the builder names a backend),
 * an audit sink that keeps the events (besides the builder's own, if any) and who the caller of each request is.
 */
public final class KitServer implements AutoCloseable {

  /** Long enough for a slow tool on a busy machine; a hung call still fails the test instead of hanging it. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final ServerAssembly assembly;
  private final InMemoryPipe pipe;
  private final McpSyncServer server;
  private final McpSyncClient client;

  private KitServer(ServerAssembly assembly, InMemoryPipe pipe, McpSyncServer server, McpSyncClient client) {
    this.assembly = assembly;
    this.pipe = pipe;
    this.server = server;
    this.client = client;
  }

  /**
   * Assembles and connects.
   *
   * @param builder the server; its settings are completed here (clock, audit, caller resolution)
   * @param clock the clock of the in-memory rate limiter
   * @param audit where the events are kept
   * @param caller the caller of each request, read at each send
   * @throws dev.toolwarden.runtime.ToolwardenStartupException as the real server would refuse to start
   */
  public static KitServer start(ServerBuilder builder, ManualClock clock, CapturedAudit audit,
      Supplier<RequestCaller> caller) {
    ServerSettings settings = BuilderAccess.settings(builder);
    if (settings.rateLimiter == null) {
      builder.rateLimiter(new InMemoryRateLimiter(clock::nanos, InMemoryRateLimiter.DEFAULT_MAX_BUCKETS));
    }
    builder.auditSink(settings.auditSink == null ? audit : audit.and(settings.auditSink));
    settings.callers = RequestCaller.resolution();
    ServerAssembly assembly = ServerAssembly.assemble(settings, null);
    InMemoryPipe pipe = new InMemoryPipe(assembly.json());
    McpSyncServer server = null;
    try {
      server = assembly.build(pipe.serverEnd());
      Supplier<McpTransportContext> context = () -> caller.get().context();
      McpSyncClient client = McpClient.sync(pipe.clientEnd())
          .clientInfo(McpSchema.Implementation.builder("toolwarden-test", version()).build())
          .requestTimeout(REQUEST_TIMEOUT)
          .initializationTimeout(REQUEST_TIMEOUT)
          .transportContextProvider(context)
          .build();
      client.initialize();
      return new KitServer(assembly, pipe, server, client);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      pipe.close();
      assembly.close();
      throw e;
    }
  }

  /** The SDK client connected to the server. */
  public McpSyncClient client() {
    return client;
  }

  /** Ends the session and the server; flushes the audit trail. */
  @Override
  public void close() {
    try {
      client.closeGracefully();
      server.closeGracefully();
    } finally {
      server.close();
      pipe.close();
      assembly.close();
    }
  }

  private static String version() {
    String v = KitServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
