package dev.toolwarden.runtime.spi;

import java.net.URI;
import java.nio.file.Path;

/** What the runtime provides to one generated tool invocation. */
public interface Invocation {

  /** The context injected into a tool parameter of type {@code ToolContext}. */
  dev.toolwarden.runtime.ToolContext context();

  /**
   * Resolves a client-supplied path against the rule's root and confines it there.
   *
   * @param pointer the pointer violations carry: generated code passes it relative to the record or
   *     element being bound and prefixes it if binding fails ({@link Violations#prefix})
   * @return the resolved real path, or {@code null} after adding a violation at {@code pointer}
   */
  Path resolvePath(PathRule rule, String pointer, String raw, Violations violations);

  /**
   * Checks a client-supplied URL against a {@code @SafeUrl} rule: strict syntax, the rule's
   * schemes, hosts and ports, then the addresses its host resolves to. The default checks with
   * the system resolver and no trusted network; the runtime passes the server's
   * {@link dev.toolwarden.runtime.url.Egress}.
   *
   * @return the checked URI (scheme and host in lower case), or {@code null} after adding one
   *     violation at {@code pointer} whose message names the rule and never an address
   */
  default URI checkUrl(UrlRule rule, String pointer, String raw, Violations violations) {
    return dev.toolwarden.runtime.internal.url.UrlArguments.check(
        dev.toolwarden.runtime.internal.url.UrlGuard.system(), rule, pointer, raw, violations);
  }
}
