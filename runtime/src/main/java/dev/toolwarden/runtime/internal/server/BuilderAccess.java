package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.ServerBuilder;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reaches a {@link ServerBuilder}'s settings from internal code (in-process calls for benchmarks and the
 * test kit) without a public accessor on the builder: the builder registers itself here when its class
 * initialises, the way the JDK's own "shared secrets" do.
 */
public final class BuilderAccess {

  private static volatile Function<ServerBuilder, ServerSettings> access;

  private BuilderAccess() {}

  /** Called once by {@code ServerBuilder}'s static initialiser. */
  public static void register(Function<ServerBuilder, ServerSettings> accessor) {
    access = Objects.requireNonNull(accessor, "accessor");
  }

  /** The settings collected so far by {@code builder}. */
  public static ServerSettings settings(ServerBuilder builder) {
    Objects.requireNonNull(builder, "builder");
    if (access == null) {
      try {
        Class.forName(ServerBuilder.class.getName(), true, ServerBuilder.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return access.apply(builder);
  }

  /**
   * Assembles the server of {@code builder} without a transport and returns each tool's call handler by
   * tool name: exactly the pipeline the transports run. {@code handler.apply(null, request)} runs a call
   * in-process (a {@code null} exchange means no session and no client info).
   */
  public static java.util.Map<String, dev.toolwarden.runtime.internal.pipeline.ToolCallHandler> callHandlers(
      ServerBuilder builder) {
    return ServerAssembly.assemble(settings(builder), null).handlers();
  }
}
