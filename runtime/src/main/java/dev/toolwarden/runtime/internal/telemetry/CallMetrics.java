package dev.toolwarden.runtime.internal.telemetry;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.internal.auth.AuthFailure;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's instruments. Every label is bounded: a tool name of this server (anything else a client sent
 * becomes {@value #OTHER}), an audit outcome, an auth-failure kind or a method name — never a principal, a session,
 * an argument or free text.
 */
final class CallMetrics {

  /** The label value for a tool name this server does not serve (e.g. sent by an unauthenticated client). */
  static final String OTHER = "_OTHER";

  /** The MCP conventions' advised buckets for {@code mcp.server.operation.duration}, in seconds. */
  static final List<Double> DURATION_BUCKETS =
      List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);

  private static final Set<AuditOutcome> REFUSALS = EnumSet.of(AuditOutcome.SCOPE_DENIED, AuditOutcome.RATE_LIMITED,
      AuditOutcome.VALIDATION_REJECTED, AuditOutcome.PATH_REJECTED, AuditOutcome.CLIENT_RATE_LIMITED,
      AuditOutcome.AUTH_FAILED);
  private static final Set<String> AUTH_CAUSES = authCauses();
  /** What a tool call can end with (the HTTP-level outcomes never reach a tool). */
  private static final Set<AuditOutcome> CALL_OUTCOMES = EnumSet.of(AuditOutcome.OK, AuditOutcome.ERROR,
      AuditOutcome.SCOPE_DENIED, AuditOutcome.RATE_LIMITED, AuditOutcome.VALIDATION_REJECTED, AuditOutcome.PATH_REJECTED);

  private final Set<String> tools;
  private final LongCounter calls;
  private final DoubleHistogram duration;
  private final LongCounter refusals;
  private final LongCounter authFailures;
  private final LongCounter fallbackDecisions;
  private final Map<String, Attributes> callAttributes = new ConcurrentHashMap<>();
  private final Meter meter;
  private volatile boolean backendDown;

  /** The instruments on {@code meter}; none with a null meter (nothing records). */
  CallMetrics(Meter meter, Set<String> tools) {
    this.meter = meter;
    this.tools = Set.copyOf(tools);
    if (meter == null) {
      // nothing records (OpenTelemetry's no-op providers): no instrument is built, so the start-up loads none of the
      // API's metric classes, and every recording below returns at once
      calls = null;
      duration = null;
      refusals = null;
      authFailures = null;
      fallbackDecisions = null;
      return;
    }
    calls = meter.counterBuilder("toolwarden.calls").setUnit("{call}")
        .setDescription("Calls answered, by method, tool (or prompt) and audit outcome").build();
    duration = meter.histogramBuilder("mcp.server.operation.duration").setUnit("s")
        .setDescription("Duration of the MCP request as observed on the server")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    refusals = meter.counterBuilder("toolwarden.refusals").setUnit("{refusal}")
        .setDescription("Requests refused by a policy, by reason code (the audit outcome) and tool").build();
    authFailures = meter.counterBuilder("toolwarden.auth.failures").setUnit("{failure}")
        .setDescription("Authentication and authorization failures at the HTTP layer, by cause").build();
    fallbackDecisions = meter.counterBuilder("toolwarden.ratelimit.fallback.decisions").setUnit("{call}")
        .setDescription("Rate-limited calls decided while the shared rate-limit backend was unavailable, by outcome")
        .build();
    initialize();
    meter.gaugeBuilder("toolwarden.ratelimit.backend.up").ofLongs().setUnit("1")
        .setDescription("1 while the shared rate-limit backend answers (or none is used), 0 during an outage")
        .buildWithCallback(m -> m.record(backendDown ? 0 : 1));
  }

  /**
   * Creates every call and refusal series of every tool at zero, as Prometheus advises: a counter that first appears
   * with its first increment loses that increment in {@code rate()} and {@code increase()}.
   */
  private void initialize() {
    for (String tool : tools) {
      for (AuditOutcome outcome : CALL_OUTCOMES) {
        calls.add(0, callAttributes.computeIfAbsent(key("tools/call", tool, outcome),
            k -> attributes("tools/call", tool, outcome)));
        if (outcome != AuditOutcome.OK && outcome != AuditOutcome.ERROR) {
          refusals.add(0, Attributes.of(McpAttributes.REASON, outcome.wireName(), McpAttributes.TOOL, tool));
        }
      }
    }
  }

  private static String key(String method, String target, AuditOutcome outcome) {
    return method + '\u0000' + target + '\u0000' + outcome.wireName();
  }

  /** A label value for a tool name: the name when this server serves it, else {@value #OTHER}. */
  String toolLabel(String tool) {
    return tool != null && tools.contains(tool) ? tool : OTHER;
  }

  /** One answered request: the calls counter and the duration histogram. */
  void answered(String method, String target, AuditOutcome outcome, boolean rateLimited, long nanos) {
    if (meter == null) {
      return;
    }
    Attributes a = callAttributes.computeIfAbsent(key(method, target, outcome), k -> attributes(method, target, outcome));
    calls.add(1, a);
    duration.record(nanos / 1e9, a);
    if (rateLimited && backendDown) {
      fallbackDecisions.add(1, Attributes.of(McpAttributes.OUTCOME, outcome.wireName()));
    }
  }

  private Attributes attributes(String method, String target, AuditOutcome outcome) {
    var b = Attributes.builder().put(McpAttributes.METHOD, method).put(McpAttributes.OUTCOME, outcome.wireName());
    if (target != null) {
      b.put("tools/call".equals(method) ? McpAttributes.TOOL : McpAttributes.PROMPT, target);
    }
    if (outcome != AuditOutcome.OK && outcome != AuditOutcome.INPUT_REQUIRED) {
      b.put(McpAttributes.ERROR_TYPE, McpAttributes.TOOL_ERROR);
    }
    return b.build();
  }

  /** Counts what the audit trail records: refusals by reason code, auth failures by cause, backend state. */
  void audited(AuditEvent e) {
    AuditOutcome outcome = e.outcome();
    if (outcome == AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE) {
      backendDown = true;
    } else if (outcome == AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED) {
      backendDown = false;
    }
    if (meter == null || !REFUSALS.contains(outcome)) {
      return;
    }
    var b = Attributes.builder().put(McpAttributes.REASON, outcome.wireName());
    if (e.tool() != null) {
      b.put(McpAttributes.TOOL, toolLabel(e.tool()));
    }
    refusals.add(1, b.build());
    if (outcome == AuditOutcome.AUTH_FAILED) {
      authFailures.add(1, Attributes.of(McpAttributes.AUTH_CAUSE, authCause(e.reason())));
    }
  }

  /** The failure kind the auth audit event starts its reason with ({@code invalid_token (401): …}), or {@value #OTHER}. */
  static String authCause(String reason) {
    if (reason == null) {
      return OTHER;
    }
    int end = reason.indexOf(' ');
    String kind = (end < 0 ? reason : reason.substring(0, end)).toLowerCase(Locale.ROOT);
    return AUTH_CAUSES.contains(kind) ? kind : OTHER;
  }

  /**
   * The gauge of the sessions a transport holds, and the MCP conventions' session histogram, recorded as each one
   * ends with the conventions' attributes only (transport, protocol, negotiated version, error type): bounded.
   */
  void observeSessions(SessionCount sessions) {
    if (meter == null) {
      return;
    }
    meter.gaugeBuilder("toolwarden.sessions.active").ofLongs().setUnit("{session}")
        .setDescription("MCP sessions the server holds (Streamable HTTP: bound sessions; stdio: 1 once initialized)")
        .buildWithCallback(m -> m.record(sessions.activeSessions()));
    DoubleHistogram lived = meter.histogramBuilder("mcp.server.session.duration").setUnit("s")
        .setDescription("The duration of the MCP session as observed on the MCP server")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    sessions.reportEnds(ended -> lived.record(ended.lived().toNanos() / 1e9, sessionAttributes(ended)));
  }

  /** The error type of a session the server ended against the client's will; null for a normal end. */
  static final String EVICTED = "evicted";

  private static Attributes sessionAttributes(EndedSession ended) {
    var b = Attributes.builder().put(McpAttributes.NETWORK_TRANSPORT, ended.http() ? "tcp" : "pipe");
    if (ended.http()) {
      b.put(McpAttributes.NETWORK_PROTOCOL_NAME, "http");
    }
    if (ended.protocolVersion() != null) {
      b.put(McpAttributes.PROTOCOL_VERSION, ended.protocolVersion());
    }
    if (ended.cause() == EndedSession.Cause.EVICTED) {
      b.put(McpAttributes.ERROR_TYPE, EVICTED);
    }
    return b.build();
  }

  /** Whether the rate-limit backend reported an outage that has not ended. */
  boolean backendDown() {
    return backendDown;
  }

  private static Set<String> authCauses() {
    Set<String> causes = new java.util.HashSet<>();
    for (AuthFailure.Kind k : AuthFailure.Kind.values()) {
      causes.add(k.name().toLowerCase(Locale.ROOT)); // as AuthEvents.audit writes them
    }
    return Set.copyOf(causes);
  }
}
