package dev.toolwarden.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.internal.telemetry.TransportMetadata;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A legacy {@code notifications/cancelled} reaches the running call of its own session and request id only. */
class CancellationsTest {

  private static McpTransportContext context(Object id) {
    Map<String, Object> values = new HashMap<>();
    TransportMetadata.captureRequestId(id, values);
    return McpTransportContext.create(values);
  }

  @Test
  void onlyTheSameSessionAndIdCancelAndOnlyWhileTheCallRuns() {
    Cancellations all = new Cancellations();
    String key = Cancellations.key("s1", context(7));
    Cancellation call = all.start(key);
    all.cancel("s2", 7); // another session's id 7
    all.cancel("s1", 8); // another request
    all.cancel("s1", "7x");
    assertFalse(call.isCancelled());
    all.cancel("s1", 7);
    assertTrue(call.isCancelled());
    all.finish(key, call);
    assertEquals(0, all.size(), "an answered call is forgotten");
    assertEquals(null, Cancellations.key(null, context(1)), "no session: nobody can cancel it");
  }

  @Test
  void callbacksRunOnceAndAtOnceWhenRegisteredLate() {
    Cancellation c = new Cancellation();
    List<String> ran = new CopyOnWriteArrayList<>();
    c.onCancel(() -> ran.add("early"));
    c.onCancel(() -> {
      throw new IllegalStateException("a broken callback does not stop the others");
    });
    c.onCancel(() -> ran.add("second"));
    c.cancel();
    c.cancel();
    c.onCancel(() -> ran.add("late"));
    assertEquals(List.of("early", "second", "late"), ran);
  }
}
