package dev.toolwarden.runtime.internal.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.Violation;
import dev.toolwarden.runtime.spi.Violations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

  @TempDir Path temp;
  private Path root;
  private Path outside;
  private PathGuard guard;

  private static final PathRule ANY = new PathRule("/p", "ws", false, "ANY", List.of(), false);
  private static final PathRule FOLLOW = new PathRule("/p", "ws", false, "ANY", List.of(), true);

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(temp.resolve("root"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("private-data.txt"), "secret");
    Files.createDirectories(root.resolve("docs/sub"));
    Files.writeString(root.resolve("docs/a.txt"), "a");
    Files.writeString(root.resolve("docs/b.md"), "b");
    Files.createSymbolicLink(root.resolve("escape"), outside);                       // dir link out
    Files.createSymbolicLink(root.resolve("docs/leak.txt"), outside.resolve("private-data.txt")); // file link out
    Files.createSymbolicLink(root.resolve("inner"), root.resolve("docs"));           // link that stays in
    Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("nope.txt"));
    guard = PathGuard.of(Map.of("ws", root));
  }

  private Violations v;

  private Path resolve(PathRule rule, String raw) {
    v = new Violations();
    return guard.resolve(rule, "/p", raw, v);
  }

  private String onlyMessage() {
    List<Violation> list = v.list();
    assertEquals(1, list.size(), list.toString());
    assertEquals("safePath", list.get(0).rule());
    assertEquals("/p", list.get(0).pointer());
    String m = list.get(0).message();
    assertFalse(m.contains(root.toString()), "message reveals the root: " + m);
    assertFalse(m.contains(temp.toString()), "message reveals an absolute path: " + m);
    return m;
  }

  @Test
  void acceptsAPlainRelativeFileAndReturnsItsRealPath() throws Exception {
    Path p = resolve(ANY, "docs/a.txt");
    assertEquals(root.toRealPath().resolve("docs/a.txt"), p);
    assertTrue(v.isEmpty());
  }

  @Test
  void acceptsDotSegmentsAndDoubleSlashesByNormalising() throws Exception {
    assertEquals(root.toRealPath().resolve("docs/a.txt"), resolve(ANY, "./docs//./a.txt"));
  }

  @Test
  void acceptsANonExistingPathWhenExistenceIsNotRequired() throws Exception {
    assertEquals(root.toRealPath().resolve("docs/new/file.txt"), resolve(ANY, "docs/new/file.txt"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../outside/private-data.txt", "docs/../../outside", "docs/..", "a/b/../../..",
      "docs/sub/../../../outside/private-data.txt"})
  void rejectsTraversal(String raw) {
    assertNull(resolve(ANY, raw));
    assertEquals("path outside the allowed root", onlyMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "\\windows", "~/x", "~", "C:\\Windows", "C:/Windows", "c:x",
      "//server/share", "\\\\server\\share", "file:///etc/passwd"})
  void rejectsAbsoluteDriveUncAndHomeForms(String raw) {
    assertNull(resolve(ANY, raw));
    assertEquals("path must be relative", onlyMessage());
  }

  @Test
  void rejectsBackslashInside() {
    assertNull(resolve(ANY, "docs\\..\\..\\outside"));
    assertEquals("path must not contain a backslash", onlyMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%2e%2e/outside", "docs/%2F..", "%252e%252e/x", "a%00b", "docs%2fa.txt"})
  void rejectsPercentEncodingIncludingDoubleEncoding(String raw) {
    assertNull(resolve(ANY, raw));
    assertEquals("path must not contain percent-encoded characters", onlyMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "docs/a.txt\u0000.md", "a\nb", "a\tb", "a\u007fb", "a\u0085b"})
  void rejectsNulAndControlCharacters(String raw) {
    assertNull(resolve(ANY, raw));
    assertEquals("path must not contain control characters", onlyMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"docs/a.txt.", "docs /a.txt", "docs/a.txt ", "..."})
  void rejectsSegmentsEndingInDotOrSpace(String raw) {
    assertNull(resolve(ANY, raw));
    assertEquals("path segments must not end with a dot or a space", onlyMessage());
  }

  @Test
  void rejectsEmpty() {
    assertNull(resolve(ANY, ""));
    assertEquals("path must not be empty", onlyMessage());
  }

  @Test
  void rejectsAnySymbolicLinkWhenLinksAreNotFollowed() {
    assertNull(resolve(ANY, "inner/a.txt"));
    assertEquals("path must not contain a symbolic link", onlyMessage());
  }

  @Test
  void rejectsADirectoryLinkLeadingOutEvenWhenFollowingLinks() {
    assertNull(resolve(FOLLOW, "escape/private-data.txt"));
    assertEquals("path outside the allowed root", onlyMessage());
  }

  @Test
  void rejectsAFileLinkLeadingOutEvenWhenFollowingLinks() {
    assertNull(resolve(FOLLOW, "docs/leak.txt"));
    assertEquals("path outside the allowed root", onlyMessage());
  }

  @Test
  void rejectsANotYetExistingFileBehindALinkLeadingOut() {
    assertNull(resolve(FOLLOW, "escape/new-file.txt"));
    assertEquals("path outside the allowed root", onlyMessage());
  }

  @Test
  void rejectsADanglingLink() {
    assertNull(resolve(FOLLOW, "dangling"));
    assertEquals("path must not contain a broken symbolic link", onlyMessage());
  }

  @Test
  void followsALinkThatStaysInsideWhenAllowed() throws Exception {
    assertEquals(root.toRealPath().resolve("docs/a.txt"), resolve(FOLLOW, "inner/a.txt"));
  }

  @Test
  void enforcesMustExistKindAndExtensionsCaseInsensitively() throws Exception {
    PathRule rule = new PathRule("/p", "ws", true, "FILE", List.of("TXT"), false);
    assertNotNull(resolve(rule, "docs/a.txt"));
    assertNull(resolve(rule, "docs/missing.txt"));
    assertEquals("path must exist", onlyMessage());
    assertNull(resolve(rule, "docs/sub"));
    assertEquals("path must be a file", onlyMessage());
    assertNull(resolve(rule, "docs/b.md"));
    assertEquals("extension not allowed (allowed: TXT)", onlyMessage());
    PathRule dir = new PathRule("/p", "ws", true, "DIRECTORY", List.of(), false);
    assertNotNull(resolve(dir, "docs/sub"));
    assertNull(resolve(dir, "docs/a.txt"));
    assertEquals("path must be a directory", onlyMessage());
  }

  @Test
  void aRootThatIsNotADirectoryIsAStartupError() {
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> PathGuard.of(Map.of("ws", temp.resolve("missing"))));
    assertTrue(e.getMessage().contains("root 'ws' is not a directory"), e.getMessage());
  }
}
