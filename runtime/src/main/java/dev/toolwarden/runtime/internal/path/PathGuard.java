package dev.toolwarden.runtime.internal.path;

import dev.toolwarden.runtime.path.SafeFiles;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.Violations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Confines client-supplied paths to named root directories ({@code @SafePath}).
 *
 * <p>The client sends a path relative to the root. It is first checked as text, whatever the
 * platform: no absolute, home ({@code ~}), drive, UNC or backslash form, no {@code :}, no
 * {@code ..} segment, no percent-encoding (so no double encoding either), no control, invisible,
 * private-use, unassigned or malformed characters (U+FFFD, lone surrogates: what overlong UTF-8
 * decodes to), no Unicode look-alikes of slashes or dots (U+2215, fullwidth solidus and full stop,
 * one-dot leader, …, and anything whose NFKC folding changes a separator, dot, colon, tilde or
 * percent sign), no segment ending in a dot or a space, no Windows device name or reserved
 * character. Then it is resolved and normalised under the root's real path, and every existing
 * component is checked on disk without following links: a symbolic link is refused unless the
 * rule follows links, and the real path of the deepest existing ancestor must still lie under
 * the root (this catches links, and linked parents, that lead out).
 *
 * <p>Messages never contain the root or any absolute path.
 *
 * <p><b>Residual risk (check, then use).</b> The method receives the real path as it was at
 * check time. A local process that can write inside the root could swap a component for a link
 * between the check and the tool's use. Open files with {@link SafeFiles}, which opens with
 * {@code NOFOLLOW_LINKS} (the last component cannot be a link) and re-verifies that no parent
 * became a link; a parent swapped and swapped back within the open itself remains possible,
 * because Java offers no {@code openat2(RESOLVE_BENEATH)}. Hard links made inside the root to
 * files outside it are not detectable by path and need a root no untrusted process can write to.
 */
public final class PathGuard {

  /** The rule name used in violations. */
  public static final String RULE = "safePath";

  static final String OUTSIDE = "path outside the allowed root";
  public static final String LOOKALIKE = "path must not contain characters that look like separators or dots";
  private static final int MAX_LENGTH = 4096;
  private static final int MAX_SEGMENT_BYTES = 255;
  private static final String WINDOWS_RESERVED = "<>\"|?*";
  /** Characters whose count must not change under NFKC folding. */
  private static final String SIGNIFICANT = "/\\.:~%";
  /**
   * Slashes, backslashes and dots in other clothes, refused outright (some have no compatibility
   * mapping, so NFKC alone would not catch them): division slash, fraction slash, set minus,
   * big solidi, small and fullwidth solidi and dots, box-drawing diagonals, one- and two-dot leaders.
   */
  private static final String LOOKALIKES = "\u2215\u2044\u2216\u29f5\u29f8\u29f9\ufe68\uff0f\uff3c\u2571\u2572"
      + "\u2024\u2025\u2026\ufe52\uff0e\u0338\u2060\u2063";

  private final Map<String, Path> realRoots;

  private PathGuard(Map<String, Path> realRoots) {
    this.realRoots = realRoots;
  }

  /**
   * Builds a guard over named roots, resolving each to its real path once.
   *
   * @throws ToolwardenStartupException when a root does not exist or is not a directory
   */
  public static PathGuard of(Map<String, Path> roots) {
    Map<String, Path> real = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : roots.entrySet()) {
      Path dir = e.getValue();
      if (!Files.isDirectory(dir)) {
        throw new ToolwardenStartupException(
            "root '" + e.getKey() + "' is not a directory: " + dir + " (bind an existing directory)");
      }
      try {
        real.put(e.getKey(), dir.toRealPath());
      } catch (IOException ex) {
        throw new ToolwardenStartupException("root '" + e.getKey() + "' cannot be resolved: " + dir);
      }
    }
    return new PathGuard(Map.copyOf(real));
  }

  /** Whether a root of this name is bound. */
  public boolean hasRoot(String name) {
    return realRoots.containsKey(name);
  }

  /**
   * Resolves {@code raw} under the rule's root.
   *
   * @return the resolved path (real path of its existing part), or {@code null} after adding
   *     exactly one violation at {@code pointer}
   */
  public Path resolve(PathRule rule, String pointer, String raw, Violations violations) {
    Path root = realRoots.get(rule.root());
    if (root == null) {
      // start-up verifies every root a rule names; reaching this is a bug, not client input
      throw new IllegalStateException("root '" + rule.root() + "' is not bound");
    }
    String problem = checkText(raw);
    if (problem == null) {
      try {
        return resolveOnDisk(root, rule, raw, pointer, violations);
      } catch (IOException | RuntimeException e) {
        problem = "path cannot be checked";
      }
    }
    violations.add(pointer, RULE, problem);
    return null;
  }

  /** Text-level checks that hold on every platform; returns a root-free message or null. */
  static String checkText(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "path must not be empty";
    }
    if (raw.length() > MAX_LENGTH) {
      return "path is too long";
    }
    String chars = checkCharacters(raw);
    if (chars != null) {
      return chars;
    }
    char first = raw.charAt(0);
    if (first == '/' || first == '\\' || first == '~') {
      return "path must be relative";
    }
    if (raw.indexOf(':') >= 0) {
      // a drive (C:), a URL scheme or an NTFS stream name (file::$DATA)
      return "path must be relative";
    }
    if (raw.indexOf('\\') >= 0) {
      return "path must not contain a backslash";
    }
    for (int i = 0; i + 2 < raw.length(); i++) {
      if (raw.charAt(i) == '%' && (isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2)) || isUnicodeEscape(raw, i))) {
        return "path must not contain percent-encoded characters";
      }
    }
    for (int i = 0; i < raw.length(); i++) {
      if (WINDOWS_RESERVED.indexOf(raw.charAt(i)) >= 0) {
        return "path must not contain any of < > \" | ? *";
      }
    }
    // compatibility forms (fullwidth dots and solidi, one-dot leaders, …) that a later layer
    // could fold into separators or dots: refuse when folding changes any of them
    String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    if (!folded.equals(raw)) {
      for (int i = 0; i < SIGNIFICANT.length(); i++) {
        char c = SIGNIFICANT.charAt(i);
        if (count(raw, c) != count(folded, c)) {
          return LOOKALIKE;
        }
      }
    }
    for (String segment : raw.split("/", -1)) {
      if (segment.equals("..")) {
        return OUTSIDE;
      }
      if (segment.isEmpty() || segment.equals(".")) {
        continue; // normalised away below
      }
      char last = segment.charAt(segment.length() - 1);
      if (last == '.' || last == ' ') {
        // Windows strips these, so "a.txt." would name "a.txt" and "..." the parent
        return "path segments must not end with a dot or a space";
      }
      if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
        return "path segment is too long";
      }
      if (isDeviceName(segment)) {
        return "path segment is a reserved device name";
      }
    }
    return null;
  }

  /** Control, invisible, unassigned and malformed characters, and separator look-alikes. */
  private static String checkCharacters(String raw) {
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      int n = Character.charCount(cp);
      if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
        return "path must not contain control characters";
      }
      if (cp == 0xfffd || (n == 1 && Character.isSurrogate((char) cp))) {
        // what a decoder makes of malformed or overlong UTF-8, or half of a surrogate pair
        return "path must be valid text";
      }
      if (LOOKALIKES.indexOf(cp) >= 0) {
        return LOOKALIKE;
      }
      switch (Character.getType(cp)) {
        case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED,
            Character.PRIVATE_USE -> {
          return "path must not contain invisible, private-use or unassigned characters";
        }
        default -> { }
      }
      i += n;
    }
    return null;
  }

  private static boolean isDeviceName(String segment) {
    int dot = segment.indexOf('.');
    String base = (dot < 0 ? segment : segment.substring(0, dot)).trim().toUpperCase(Locale.ROOT);
    if (base.equals("CON") || base.equals("PRN") || base.equals("AUX") || base.equals("NUL")
        || base.equals("CONIN$") || base.equals("CONOUT$")) {
      return true;
    }
    if (base.length() == 4 && (base.startsWith("COM") || base.startsWith("LPT"))) {
      char d = base.charAt(3);
      return (d >= '0' && d <= '9') || d == '\u00b9' || d == '\u00b2' || d == '\u00b3';
    }
    return false;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static Path resolveOnDisk(Path root, PathRule rule, String raw, String pointer, Violations v)
      throws IOException {
    Path relative = root.getFileSystem().getPath(raw);
    if (relative.isAbsolute()) {
      return reject(v, pointer, "path must be relative");
    }
    Path resolved = root.resolve(relative).normalize();
    if (!resolved.startsWith(root)) {
      return reject(v, pointer, OUTSIDE);
    }
    // Walk the components under the root: links and the deepest existing ancestor.
    Path existing = root;
    Path rest = root.relativize(resolved);
    int depth = resolved.equals(root) ? 0 : rest.getNameCount();
    int i = 0;
    for (; i < depth; i++) {
      Path next = existing.resolve(rest.getName(i));
      if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
        break;
      }
      if (Files.isSymbolicLink(next)) {
        if (!rule.followLinks()) {
          return reject(v, pointer, "path must not contain a symbolic link");
        }
        if (!Files.exists(next)) {
          return reject(v, pointer, "path must not contain a broken symbolic link");
        }
        if (!next.toRealPath().startsWith(root)) {
          // every link followed must land inside the root, not only the final path: a detour
          // through a directory outside would let whoever controls that directory redirect it
          return reject(v, pointer, OUTSIDE);
        }
      }
      existing = next;
    }
    Path real = existing.toRealPath();
    if (!real.startsWith(root)) {
      return reject(v, pointer, OUTSIDE);
    }
    Path result = real;
    for (int j = i; j < depth; j++) {
      result = result.resolve(rest.getName(j));
    }
    boolean exists = i == depth;
    if (rule.mustExist() && !exists) {
      return reject(v, pointer, "path must exist");
    }
    String kind = rule.kind() == null ? "ANY" : rule.kind().toUpperCase(Locale.ROOT);
    if (exists && kind.equals("FILE") && !Files.isRegularFile(result)) {
      return reject(v, pointer, "path must be a file");
    }
    if (exists && kind.equals("DIRECTORY") && !Files.isDirectory(result)) {
      return reject(v, pointer, "path must be a directory");
    }
    if (!rule.extensions().isEmpty() && !hasAllowedExtension(result, rule.extensions())) {
      return reject(v, pointer, "extension not allowed (allowed: " + String.join(", ", rule.extensions()) + ")");
    }
    return result;
  }

  private static boolean hasAllowedExtension(Path p, List<String> allowed) {
    Path name = p.getFileName();
    if (name == null) {
      return false;
    }
    String s = name.toString();
    int dot = s.lastIndexOf('.');
    if (dot <= 0 || dot == s.length() - 1) {
      return false;
    }
    String ext = s.substring(dot + 1);
    for (String a : allowed) {
      String want = a.startsWith(".") ? a.substring(1) : a;
      if (want.equalsIgnoreCase(ext)) {
        return true;
      }
    }
    return false;
  }

  private static Path reject(Violations v, String pointer, String message) {
    v.add(pointer, RULE, message);
    return null;
  }

  /** {@code %uXXXX}, the non-standard form some servers (IIS) decode. */
  private static boolean isUnicodeEscape(String s, int i) {
    if (i + 5 >= s.length()) {
      return false;
    }
    char u = s.charAt(i + 1);
    return (u == 'u' || u == 'U') && isHex(s.charAt(i + 2)) && isHex(s.charAt(i + 3)) && isHex(s.charAt(i + 4))
        && isHex(s.charAt(i + 5));
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
