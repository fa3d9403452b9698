package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.jsonrpc.RequestGate;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.Feature;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scope check of {@code resources/subscribe} and {@code resources/unsubscribe} for a caller whose scopes are fixed
 * (stdio, HTTP without OAuth). The SDK keeps subscriptions itself and accepts any URI, with no handler of ours in
 * between, so this runs before it: a URI that an annotated resource or template serves needs that resource's scopes,
 * exactly as its {@code resources/read} does, and is refused with the read's error (-32600, the same message) and an
 * audited {@code scope_denied}. A URI no annotated resource serves (passthrough, or nothing) goes on as before.
 * With OAuth the HTTP layer's {@code FeatureScopeFilter} judges these requests by the token instead.
 */
public final class SubscriptionGate implements RequestGate {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGate.class);

  private final FeatureScopes scopes;
  private final Caller caller;
  private final AuditSink audit;

  /** Judges subscriptions of {@code caller} (fixed scopes) against {@code scopes}, refusals to {@code audit}. */
  public SubscriptionGate(FeatureScopes scopes, Caller caller, AuditSink audit) {
    this.scopes = scopes;
    this.caller = caller;
    this.audit = audit;
  }

  /** Whether {@code method} is one this gate judges. */
  public static boolean judges(String method) {
    return McpSchema.METHOD_RESOURCES_SUBSCRIBE.equals(method) || McpSchema.METHOD_RESOURCES_UNSUBSCRIBE.equals(method);
  }

  @Override
  public McpSchema.JSONRPCResponse.JSONRPCError judge(McpSchema.JSONRPCRequest request) {
    if (!judges(request.method()) || !(request.params() instanceof Map<?, ?> params)
        || !(params.get("uri") instanceof String uri)) {
      return null;
    }
    List<String> required = scopes.forRead(uri);
    if (required == null) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    for (String s : required) {
      if (!caller.scopes().contains(s)) {
        missing.add(s);
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    String served = scopes.servedBy(uri); // never the URI itself: its variables may be redacted
    String plural = missing.size() == 1 ? " " : "s ";
    record(request.method(), served, "missing scope" + plural + String.join(" ", missing));
    return new McpSchema.JSONRPCResponse.JSONRPCError(FeatureRunner.FORBIDDEN, "Forbidden: "
        + Feature.RESOURCE.subject(served) + " requires the scope" + plural + String.join(", ", missing)
        + ", which this caller was not granted", null);
  }

  private void record(String method, String served, String reason) {
    try {
      audit.record(AuditEvent.builder(AuditOutcome.SCOPE_DENIED).principal(caller.principal())
          .action(McpSchema.METHOD_RESOURCES_SUBSCRIBE.equals(method) ? "resource_subscribe" : "resource_unsubscribe")
          .target(served).reason(reason).build());
    } catch (RuntimeException e) {
      LOG.warn("the audit sink failed: {}", e.getClass().getName());
    }
  }
}
