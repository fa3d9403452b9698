package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.internal.resource.UriResolver;
import dev.toolwarden.runtime.spi.ResourceReader;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import java.util.Map;

/**
 * The one {@code resources/read} handler of every annotated resource and template: it resolves the URI itself
 * ({@link UriResolver}: exact URI first, else the most specific template), so which method serves a URI never depends
 * on the SDK's own template matching or the order of its maps. Every SDK specification of ours points here.
 */
final class ResourceReads {

  /** One readable resource or template. */
  record Entry(Served served, ResourceReader reader, String mimeType, ArgumentTypes types) {}

  private final UriResolver<Entry> resolver;
  private final FeatureRunner runner;
  private final McpJsonMapper json;

  ResourceReads(UriResolver<Entry> resolver, FeatureRunner runner, McpJsonMapper json) {
    this.resolver = resolver;
    this.runner = runner;
    this.json = json;
  }

  UriResolver<Entry> resolver() {
    return resolver;
  }

  /** Serves {@code request} on a session ({@code exchange}) or stateless ({@code transport}). */
  ReadResourceResult read(McpSyncServerExchange exchange, McpTransportContext transport,
      McpSchema.ReadResourceRequest request) {
    String uri = request.uri();
    UriResolver.Match<Entry> match = resolver.resolve(uri);
    if (match == null) {
      // the safe answer: no echo of the client's URI (its variables may be redacted)
      throw FeatureRunner.error(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, "Resource not found", null);
    }
    Entry e = match.value();
    Map<String, Object> variables = e.types().convert(match.variables());
    return (ReadResourceResult) runner.run(e.served(), variables, exchange, transport, request.meta(),
        (target, args, invocation) -> ResourceResults.map(e.reader().read(target, uri, args, invocation), uri,
            e.mimeType(), json));
  }
}
