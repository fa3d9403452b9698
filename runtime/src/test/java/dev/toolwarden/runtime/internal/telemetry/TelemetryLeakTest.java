package dev.toolwarden.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditOutcome;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Redact} value, a bearer token or a JWT sent in a call never reaches a span, an event, a link, a status, a
 * metric or a metric label — over every outcome of a tool call, with argument recording on (the riskiest setting).
 * Everything the SDK hands to its exporters is rendered to text and searched.
 */
class TelemetryLeakTest {

  private static final String CARD = "4929871234567890";
  private static final String BEARER = "Bearer abcdefghijklmnop0123";
  private static final String JWT = JwtShaped.token();
  private static final String TOKEN_BODY = "abcdefghijklmnop0123";

  @TempDir
  Path root;

  @Test
  void noSecretReachesAnyExportedSpanOrMetricOverEveryOutcome() throws Exception {
    TelemetryHarness h = new TelemetryHarness(root, true);
    Files.writeString(root.resolve("a.txt"), "text");
    String note = "see " + BEARER.substring(0, 20); // a token shape in a non-redacted argument (<= 40 chars)
    // ok, tool error (message holds the card), internal error (exception holds card, bearer and JWT)
    h.call("pay", Map.of("card", CARD, "note", note, "mode", "ok"));
    h.call("pay", Map.of("card", CARD, "note", note, "mode", "user"));
    h.call("pay", Map.of("card", CARD, "note", note, "mode", "internal"));
    // validation rejected: the redacted card breaks its pattern, a JWT in an unknown argument
    h.call("pay", Map.of("card", CARD + "x", "note", JWT, "mode", "ok", "token", BEARER));
    // path rejected, with a JWT in the path
    h.call("read", Map.of("path", "../" + JWT));
    // scope denied and rate limited
    h.call("admin", Map.of("secret", JWT));
    for (int i = 0; i < 4; i++) {
      h.call("limited", Map.of("x", BEARER));
    }
    // an auth failure at the HTTP layer, as the OAuth filter audits it
    h.audit.record(dev.toolwarden.runtime.audit.AuditEvent.builder(AuditOutcome.AUTH_FAILED).tool(JWT)
        .reason("invalid_token (401): signature invalid").build());

    Set<AuditOutcome> seen = EnumSet.noneOf(AuditOutcome.class);
    h.events.forEach(e -> seen.add(e.outcome()));
    assertEquals(EnumSet.of(AuditOutcome.OK, AuditOutcome.ERROR, AuditOutcome.VALIDATION_REJECTED,
        AuditOutcome.PATH_REJECTED, AuditOutcome.SCOPE_DENIED, AuditOutcome.RATE_LIMITED, AuditOutcome.AUTH_FAILED), seen,
        "every outcome is exercised");

    List<SpanData> spans = h.finishedSpans();
    assertEquals(10, spans.size());
    StringBuilder exported = new StringBuilder();
    for (SpanData s : spans) {
      exported.append(s.getName()).append(s.getAttributes()).append(s.getEvents()).append(s.getLinks())
          .append(s.getStatus()).append('\n');
    }
    for (MetricData m : h.collect()) {
      exported.append(m).append('\n'); // every point with its attributes
    }
    String all = exported.toString();
    for (String secret : List.of(CARD, TOKEN_BODY, JWT, JwtShaped.header(), JWT.substring(JWT.lastIndexOf('.') + 1))) {
      assertFalse(all.contains(secret), () -> "leaked " + secret + " in:\n" + all.substring(0, Math.min(all.length(), 4000)));
    }
    // the check is not vacuous: the recorded arguments are there, masked
    assertTrue(all.contains("\"card\":\"****\""), all);
  }
}
