/**
 * Toolwarden's runtime. The API is what a user writes against ({@code dev.toolwarden.runtime} and its
 * {@code audit}, {@code auth}, {@code http}, {@code path}, {@code ratelimit}, {@code telemetry} and {@code url}
 * packages) plus {@code dev.toolwarden.runtime.spi}, the contract with generated code (stable within a minor version).
 * Everything under {@code dev.toolwarden.runtime.internal} may change in any release and is not exported.
 *
 * <p>On the module path, a module with {@code @McpTool} classes declares its generated bundles:
 * {@code provides dev.toolwarden.runtime.spi.ToolBundle with com.example.OrderTools_ToolBundle;}
 * (on the class path the processor's {@code META-INF/services} entry does the same).
 */
module dev.toolwarden.runtime {
  requires transitive dev.toolwarden.annotations;
  requires transitive jakarta.validation;
  // ToolContext's sampling/elicitation/logging types and the SDK passthrough of ServerBuilder are SDK types
  requires transitive io.modelcontextprotocol.sdk.mcp.core;
  requires io.modelcontextprotocol.sdk.mcp.json.jackson3;
  // the SDK's jars are automatic modules that declare nothing: name the explicit modules they load at run time,
  // or a module-path application fails at its first JSON message (NoClassDefFoundError tools/jackson/core/...)
  requires tools.jackson.databind;
  requires reactor.core; // the stdio transport serializes the SDK's sends (internal/stdio/SerializedSends)
  requires com.networknt.schema;
  requires jakarta.servlet;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.util;
  requires org.eclipse.jetty.ee10.servlet;
  // SafeUrls' pinned-address HTTP client
  requires org.eclipse.jetty.client;
  requires org.eclipse.jetty.io;
  requires org.slf4j;
  requires com.nimbusds.jose.jwt;
  requires java.net.http;
  // traces and metrics (internal/telemetry): the OpenTelemetry API only, a no-op until the application adds an SDK;
  // transitive because the telemetry SPI (OpenTelemetryProvider) returns an OpenTelemetry
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;
  // generated bundles carry @javax.annotation.processing.Generated (SOURCE retention): a user's module compiles
  // against it through this module without declaring java.compiler itself, and nothing needs it at run time
  requires static transitive java.compiler;

  exports dev.toolwarden.runtime;
  exports dev.toolwarden.runtime.audit;
  exports dev.toolwarden.runtime.auth;
  exports dev.toolwarden.runtime.http;
  exports dev.toolwarden.runtime.path;
  exports dev.toolwarden.runtime.ratelimit;
  exports dev.toolwarden.runtime.spi;
  exports dev.toolwarden.runtime.telemetry;
  exports dev.toolwarden.runtime.url;
  // the Redis backend falls back to the in-memory limiter and reads its settings like every other part
  exports dev.toolwarden.runtime.internal.ratelimit to dev.toolwarden.redis, dev.toolwarden.test;
  exports dev.toolwarden.runtime.internal.config to dev.toolwarden.redis, dev.toolwarden.spring, dev.toolwarden.test;
  // the Spring Boot auto-configuration assembles the server from the application's Environment and beans, and
  // installs the MCP endpoint into the application's own servlet container (internal/http/ServletEndpoint)
  exports dev.toolwarden.runtime.internal.server to dev.toolwarden.spring, dev.toolwarden.test;
  exports dev.toolwarden.runtime.internal.http to dev.toolwarden.spring;
  exports dev.toolwarden.runtime.internal.auth to dev.toolwarden.spring;
  exports dev.toolwarden.runtime.internal.audit to dev.toolwarden.spring;
  exports dev.toolwarden.runtime.internal.stdio to dev.toolwarden.spring;
  // the test kit (toolwarden-test) assembles the server on an in-memory transport, names each request's caller,
  // runs the rate limits on its own clock and reads Spring's Environment into the runtime's configuration
  exports dev.toolwarden.runtime.internal.pipeline to dev.toolwarden.test;

  uses dev.toolwarden.runtime.spi.ToolBundle;
  uses dev.toolwarden.runtime.ratelimit.RateLimiterBackendProvider;
  uses dev.toolwarden.runtime.telemetry.OpenTelemetryProvider;
}
