package dev.toolwarden.runtime.path;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Traversal payloads that must all be refused by {@code @SafePath}, and legitimate relative
 * paths that must all be accepted, over a workspace made by {@link #setUp(Path)}:
 * {@code <temp>/ws} (the root) beside {@code <temp>/outside/private-data.txt}, with links that lead out.
 */
public final class TraversalCorpus {

  public static final String SECRET = "TOP SECRET OUTSIDE THE ROOT";

  private TraversalCorpus() {}

  /** One payload and its family, for messages. */
  public record Payload(String family, String path) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(family).append(": ");
      for (char c : path.toCharArray()) {
        b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
      return b.toString();
    }
  }

  /** Creates the root and what lies around it; returns the root. */
  public static Path setUp(Path temp) throws IOException {
    Path root = Files.createDirectories(temp.resolve("ws"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("private-data.txt"), SECRET);
    Files.createDirectories(outside.resolve("sub"));
    Files.writeString(outside.resolve("sub/private-data.txt"), SECRET);
    for (String legit : legitimate()) {
      if (legit.startsWith("inner/")) {
        continue;
      }
      Path p = root.resolve(legit).normalize();
      Files.createDirectories(p.getParent());
      Files.writeString(p, legit, StandardCharsets.UTF_8);
    }
    Files.createSymbolicLink(root.resolve("inner"), root.resolve("docs"));                      // stays inside
    Files.createSymbolicLink(root.resolve("escape"), outside);                                   // dir link out
    Files.createSymbolicLink(root.resolve("docs/leak.txt"), outside.resolve("private-data.txt"));     // file link out
    Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("missing.txt"));
    Files.createSymbolicLink(root.resolve("abs"), Path.of("/etc"));                              // absolute target
    Files.createSymbolicLink(root.resolve("relup"), Path.of("../outside"));                      // relative target
    Files.createSymbolicLink(root.resolve("chain2"), outside);
    Files.createSymbolicLink(root.resolve("chain1"), root.resolve("chain2"));                    // link to a link out
    Files.createDirectories(root.resolve("docs/deep"));
    Files.createSymbolicLink(root.resolve("docs/deep/up"), Path.of("../../../outside"));         // nested parent out
    Files.createSymbolicLink(root.resolve("loop"), root.resolve("loop"));                        // self loop
    Files.createSymbolicLink(root.resolve("proc"), Path.of("/proc/self/root"));                  // via /proc
    Files.createSymbolicLink(root.resolve("rootlink"), temp);                                    // parent of the root
    Files.createSymbolicLink(root.resolve("docs/sneaky.txt"), Path.of("../../outside/private-data.txt"));
    return root;
  }

  /** Names that must be accepted; each file holds its own relative path as content. */
  public static List<String> legitimate() {
    return List.of("a.txt", "docs/a.txt", "docs/b.md", "docs/sub/c.txt", "docs/sub/deeper/d.txt",
        ".hidden.txt", ".config/settings.json", "archive.tar.gz", "file.with.many.dots.txt", "x..y.txt",
        "..a.txt", "a..b", "v1.2.3/notes.txt", "name with spaces.txt", "docs/sub dir/file name.txt",
        " leading space.txt", "café.txt", "résumé 2024.pdf", "日本語/ファイル.txt", "한국어.txt", "Ελληνικά.txt",
        "עברית.txt", "emoji 🎉.txt", "Ünïcödé/straße.txt", "ﬁle-ligature.txt", "file~backup.txt", "100%.txt",
        "a%zz.txt", "UPPER.TXT", "#hash.txt", "[brackets].txt", "{braces}.txt", "'quoted'.txt", "semi;colon.txt",
        "comma,file.txt", "plus+file.txt", "equals=file.txt", "at@file.txt", "dollar$file.txt", "amp&file.txt",
        "con-tent.txt", "nullable.txt", "comet.txt", "-dash.txt", "_under.txt", "tab-free.txt",
        "inner/a.txt"); // a link that stays inside, followed (followLinks = true)
  }

  /** The relative path whose content a legitimate name reads (links resolved). */
  public static String contentOf(String legit) {
    return legit.startsWith("inner/") ? "docs/" + legit.substring("inner/".length()) : legit;
  }

  /** Payloads that must all be refused. */
  public static List<Payload> traversals() {
    List<Payload> out = new ArrayList<>();
    add(out, "classic", "..", "../", "../private-data.txt", "../outside/private-data.txt", "../../etc/passwd",
        "../../../../../../../../etc/passwd", "docs/../../outside/private-data.txt", "docs/../..", "docs/..", "./..",
        "./../outside", "a/b/c/../../../../outside/private-data.txt", "docs/sub/../../../outside/private-data.txt", "..//outside",
        "docs/..//../outside", "x/../../", "../ws/../outside/private-data.txt", "docs/./../../outside", "../.",
        "..;/outside", "....//outside", ".../outside", "docs/.../x", "..../", "docs/... ");
    add(out, "absolute", "/etc/passwd", "/", "//etc/passwd", "///etc/passwd", "/tmp", "/proc/self/environ",
        "/..", "/./etc/passwd", "/dev/null");
    add(out, "home", "~", "~/", "~/.ssh/id_rsa", "~root/.bashrc", "~root", "~/../../etc/passwd");
    add(out, "encoded", "%2e%2e/outside", "%2e%2e%2foutside", "..%2foutside", "%2e./outside", ".%2e/outside",
        "%2E%2E/%2E%2E/etc/passwd", "docs%2f..%2f..%2foutside", "%2fetc%2fpasswd", "..%5coutside", "%5c..%5coutside",
        "%00", "a.txt%00.md", "%2e%2e%5c", "%7e/x", "%3a/x", "%u002e%u002e/outside", "%U002E%U002E/x",
        "..%u2215outside");
    add(out, "double-encoded", "%252e%252e/outside", "%252e%252e%252foutside", "..%252foutside", "%25252e%25252e/x",
        "%252fetc%252fpasswd", "..%255coutside", "%2525", "%%32%65%%32%65/x");
    add(out, "overlong-utf8", "%c0%ae%c0%ae/outside", "%c0%af", "..%c0%afoutside", "%e0%80%ae%e0%80%ae/x",
        "%c0%2e%c0%2e/x", "%f0%80%80%ae", "%c1%9c", "\uFFFD\uFFFD/outside", "..\uFFFD/x", "\uFFFD", "a\uD800b",
        "\uDC00..", "\u00C0\u00AE\u00C0\u00AE/\uFFFD");
    add(out, "unicode-lookalike", "\u2215etc\u2215passwd", "..\u2215outside", "\uFF0E\uFF0E/outside",
        "\uFF0E\uFF0E\uFF0Foutside", "..\uFF0Foutside", "\u2024\u2024/outside", "\u2025/outside", "\uFE52\uFE52/outside",
        "..\uFF3Coutside", "..\uFE68outside", "\u2044etc", "..\u2044outside", "\u2026/outside", "\uFF5E/x",
        "C\uFF1A/x", "..\u2216outside", "..\u29F5outside", "..\u2571outside", "\u0338etc", "\uFF052e\uFF052e/x",
        "..\u200B/outside", "\u202Etxt.exe", "\uFEFF../x", ".\u200D./x", "\u2060../x", "a\uE000b", "a\u061Cb",
        "\u00AD../x", ".\u0307./x");
    add(out, "windows", "C:\\Windows\\win.ini", "C:/Windows/win.ini", "c:", "C:", "D:secret", "\\\\server\\share\\x",
        "\\\\?\\C:\\x", "\\\\.\\pipe\\x", "//server/share", "..\\outside", "..\\..\\x", "docs\\..\\..\\x", "\\windows",
        "a\\b", "CON", "con.txt", "NUL", "aux.log", "COM1", "lpt1.txt", "docs/PRN/x", "COM\u00B9", "CONIN$",
        "file.txt::$DATA", "file.txt:stream", "a<b", "a>b", "a|b", "a?b", "a*b", "\"quoted\"", "docs/a.txt::$DATA");
    add(out, "nul-control", "a\u0000b", "\u0000", "../\u0000", "a.txt\u0000.md", "a\nb", "a\rb", "a\tb",
        "\u001b[31m", "a\u007fb", "a\u0085b", "a\u009bb", "\b", "x\u000b", "x\u000c", "a\u2028b", "a\u2029b",
        "docs/a.txt\n../../etc/passwd");
    add(out, "trailing-dot-space", "a.txt.", "a.txt ", "docs./a.txt", "docs /a.txt", "...", ". ", "a. ",
        "docs/a.txt...", "x /y", "... /x", "sub./../x", "docs/a.txt. . .");
    add(out, "size", "", "a".repeat(5000), "b".repeat(300) + ".txt");
    add(out, "symlink", "escape", "escape/private-data.txt", "escape/new.txt", "escape/sub/private-data.txt", "docs/leak.txt",
        "dangling", "abs/passwd", "abs", "relup/private-data.txt", "chain1/private-data.txt", "chain2/private-data.txt",
        "docs/deep/up/private-data.txt", "docs/deep/up", "loop", "loop/x", "proc/etc/passwd", "rootlink/outside/private-data.txt",
        "rootlink/ws/a.txt", "docs/sneaky.txt", "./escape/private-data.txt", "docs//leak.txt", "inner/leak.txt",
        "inner/deep/up/private-data.txt");
    return out;
  }

  private static void add(List<Payload> out, String family, String... paths) {
    for (String p : paths) {
      out.add(new Payload(family, p));
    }
  }
}
