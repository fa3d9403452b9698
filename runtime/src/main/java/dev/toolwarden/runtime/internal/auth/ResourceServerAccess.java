package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.ResourceServer;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reaches a {@link ResourceServer}'s options, and attaches the server's auth-event sink, from internal
 * code without putting internal types in the public class's signatures: the public class registers
 * itself here when it initialises, the way the JDK's own "shared secrets" do.
 */
public final class ResourceServerAccess {

  private static volatile Function<ResourceServer, ResourceServerOptions> read;
  private static volatile Function<ResourceServerOptions, ResourceServer> create;

  private ResourceServerAccess() {}

  /** Called once by {@code ResourceServer}'s static initialiser. */
  public static void register(Function<ResourceServer, ResourceServerOptions> reader,
      Function<ResourceServerOptions, ResourceServer> creator) {
    read = Objects.requireNonNull(reader, "reader");
    create = Objects.requireNonNull(creator, "creator");
  }

  /** The options {@code rs} holds. */
  public static ResourceServerOptions options(ResourceServer rs) {
    Objects.requireNonNull(rs, "resource server"); // an instance exists, so the class has registered
    return read.apply(rs);
  }

  /** A copy of {@code rs} whose authentication failures go to {@code events}. */
  public static ResourceServer withEvents(ResourceServer rs, AuthEvents events) {
    ResourceServerOptions.Builder b = options(rs).toBuilder();
    b.events = Objects.requireNonNull(events, "events");
    return create.apply(b.build());
  }

  /**
   * A copy of {@code rs} that verifies tokens with {@code verifier} ({@link ResourceServer.Mode#CUSTOM}) and keeps
   * every other option (metadata, sessions, scopes, tools/list filtering): how the Spring Boot starter puts the
   * application's own JWT decoder behind the settings it read.
   */
  public static ResourceServer withVerifier(ResourceServer rs, dev.toolwarden.runtime.auth.TokenVerifier verifier) {
    ResourceServerOptions.Builder b = options(rs).toBuilder();
    b.mode = ResourceServer.Mode.CUSTOM;
    b.customVerifier = Objects.requireNonNull(verifier, "verifier");
    return create.apply(b.build());
  }

  /** Whether {@link #withEvents} was applied to {@code rs}. */
  public static boolean hasEvents(ResourceServer rs) {
    return options(rs).events() != null;
  }

  /** Where authentication failures of {@code rs} go (default: {@link AuthEvents#logging()}). */
  public static AuthEvents events(ResourceServer rs) {
    AuthEvents e = options(rs).events();
    return e != null ? e : AuthEvents.logging();
  }
}
