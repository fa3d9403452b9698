package dev.toolwarden.runtime.internal.protocol2026;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HMAC-signed {@code requestState}: what it binds, its expiry on a clock the test moves, and its key. */
class RequestStatesTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-08-01T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final RequestStates states = new RequestStates(KEY, Duration.ofMinutes(10), clock,
      McpJsonDefaults.getMapper());

  private static RequestStates.Binding binding(Map<String, Object> args) {
    return new RequestStates.Binding("tools/call", "delete_files", args, "alice");
  }

  private static RequestStates.Payload payload() {
    return new RequestStates.Payload(Map.of("elicit-1", "d1"), Map.of());
  }

  @Test
  void aStateVerifiesForItsBindingWhateverTheOrderOfTheArgumentsKeys() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("a", 1);
    args.put("b", Map.of("y", 2, "x", 3));
    String state = states.sign(binding(args), payload());
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("b", Map.of("x", 3, "y", 2));
    reordered.put("a", 1);
    assertEquals(Map.of("elicit-1", "d1"), states.verify(state, binding(reordered)).asked());
  }

  @Test
  void aStateExpires() {
    String state = states.sign(binding(Map.of()), payload());
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    states.verify(state, binding(Map.of()));
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    ModernException e = assertThrows(ModernException.class, () -> states.verify(state, binding(Map.of())));
    assertEquals(-32602, e.code());
  }

  @Test
  void aStateIsBoundToTheMethodToolPrincipalAndKey() {
    String state = states.sign(binding(Map.of()), payload());
    assertThrows(ModernException.class, () -> states.verify(state,
        new RequestStates.Binding("prompts/get", "delete_files", Map.of(), "alice")));
    assertThrows(ModernException.class, () -> states.verify(state,
        new RequestStates.Binding("tools/call", "other", Map.of(), "alice")));
    assertThrows(ModernException.class, () -> states.verify(state,
        new RequestStates.Binding("tools/call", "delete_files", Map.of(), "bob")));
    RequestStates otherKey = new RequestStates("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8),
        Duration.ofMinutes(10), clock, McpJsonDefaults.getMapper());
    assertThrows(ModernException.class, () -> otherKey.verify(state, binding(Map.of())));
    assertThrows(IllegalArgumentException.class, () -> new RequestStates(new byte[16], Duration.ofMinutes(1), clock,
        McpJsonDefaults.getMapper()), "a short key is refused");
  }
}
