package dev.toolwarden.runtime.path;

import dev.toolwarden.runtime.internal.path.PathGuard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.spi.Violation;
import dev.toolwarden.runtime.spi.Violations;
import dev.toolwarden.runtime.testtools.PolicyToolsBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus straight against {@link PathGuard} (the transport runs are in {@code PathCorpusOverTransportsTest}). */
class TraversalCorpusTest {

  @TempDir Path temp;

  @Test
  void everyTraversalIsRefusedAndEveryLegitimatePathAccepted() throws Exception {
    Path root = TraversalCorpus.setUp(temp);
    PathGuard guard = PathGuard.of(Map.of("ws", root));
    List<TraversalCorpus.Payload> payloads = TraversalCorpus.traversals();
    assertTrue(payloads.size() >= 150, "corpus size " + payloads.size());
    Set<String> families = new HashSet<>();
    List<String> accepted = new ArrayList<>();
    for (TraversalCorpus.Payload p : payloads) {
      families.add(p.family());
      Violations v = new Violations();
      Path resolved = guard.resolve(PolicyToolsBundle.READ_RULE, "/path", p.path(), v);
      if (resolved != null) {
        accepted.add(p + " -> " + resolved);
        continue;
      }
      List<Violation> list = v.list();
      assertEquals(1, list.size(), p.toString());
      assertEquals("safePath", list.get(0).rule());
      String m = list.get(0).message();
      assertFalse(m.contains(temp.toString()) || m.contains(root.toRealPath().toString()) || m.contains("/etc"),
          p + " reveals a path: " + m);
    }
    assertTrue(accepted.isEmpty(), "accepted traversals:\n" + String.join("\n", accepted));
    assertEquals(12, families.size());

    List<String> legit = TraversalCorpus.legitimate();
    assertTrue(legit.size() >= 30);
    for (String name : legit) {
      Violations v = new Violations();
      Path resolved = guard.resolve(PolicyToolsBundle.READ_RULE, "/path", name, v);
      assertNotNull(resolved, name + " refused: " + v.list());
      assertEquals(root.toRealPath().resolve(TraversalCorpus.contentOf(name)).normalize(), resolved);
      assertEquals(TraversalCorpus.contentOf(name), Files.readString(resolved));
    }
  }

  @Test
  void theFamiliesAreRefusedForTheRightReason() throws Exception {
    Path root = TraversalCorpus.setUp(temp);
    PathGuard guard = PathGuard.of(Map.of("ws", root));
    assertEquals(PathGuard.LOOKALIKE, message(guard, "\uFF0E\uFF0E/outside"));
    assertEquals(PathGuard.LOOKALIKE, message(guard, "..\u2215outside"));
    assertEquals("path must be valid text", message(guard, "\uFFFD\uFFFD/outside"));
    assertEquals("path segment is a reserved device name", message(guard, "con.txt"));
    assertEquals("path must not contain invisible, private-use or unassigned characters", message(guard, "..\u200B/x"));
    assertEquals("path must not contain percent-encoded characters", message(guard, "%u002e%u002e/outside"));
    assertEquals("path outside the allowed root", message(guard, "escape/private-data.txt"));
    assertEquals("path outside the allowed root", message(guard, "docs/deep/up/private-data.txt"));
    assertNull(guard.resolve(PolicyToolsBundle.READ_RULE, "/path", "docs/leak.txt", new Violations()));
  }

  private static String message(PathGuard guard, String raw) {
    Violations v = new Violations();
    assertNull(guard.resolve(PolicyToolsBundle.READ_RULE, "/path", raw, v));
    return v.list().get(0).message();
  }
}
