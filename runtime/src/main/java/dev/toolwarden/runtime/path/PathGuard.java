package dev.toolwarden.runtime.path;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.Violations;
import java.io.IOException;
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
 * <p>The client sends a path relative to the root. It is first checked as text (so encoded,
 * absolute, Windows and traversal forms are refused whatever the platform), then resolved and
 * normalised under the root's real path, then every existing component is checked on disk: a
 * symbolic link is refused unless the rule follows links, and the real path of the deepest
 * existing ancestor must still lie under the root (this catches links that lead out).
 *
 * <p>Messages never contain the root or any absolute path. What remains is the usual
 * check-then-use race: a local process that can write inside the root could swap a component
 * for a link after the check; the returned path is the real path at check time.
 */
public final class PathGuard {

  /** The rule name used in violations. */
  public static final String RULE = "safePath";

  static final String OUTSIDE = "path outside the allowed root";
  private static final int MAX_LENGTH = 4096;

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
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        return "path must not contain control characters";
      }
    }
    char first = raw.charAt(0);
    if (first == '/' || first == '\\' || first == '~') {
      return "path must be relative";
    }
    if (raw.indexOf(':') >= 0) {
      // a drive (C:), a URL scheme or an NTFS stream name (file:stream)
      return "path must be relative";
    }
    if (raw.indexOf('\\') >= 0) {
      return "path must not contain a backslash";
    }
    for (int i = 0; i + 2 < raw.length(); i++) {
      if (raw.charAt(i) == '%' && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
        return "path must not contain percent-encoded characters";
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
        // Windows strips these, so "a.txt." would name "a.txt"
        return "path segments must not end with a dot or a space";
      }
    }
    return null;
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

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
