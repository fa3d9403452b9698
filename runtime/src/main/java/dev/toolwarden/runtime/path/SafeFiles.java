package dev.toolwarden.runtime.path;

import dev.toolwarden.runtime.internal.path.PathGuard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Opens a path that {@code @SafePath} handed to a tool without following symbolic links, so a
 * file swapped for a link after the check cannot lead out of the root. The path must be the real
 * path the runtime resolved: no component of it may be a link. Each method checks that no parent
 * became a link, opens with {@link LinkOption#NOFOLLOW_LINKS} (on Linux and macOS {@code O_NOFOLLOW}:
 * the open fails if the last component is a link), then checks the parents again.
 *
 * <p>See {@link PathGuard} for the residual risk that remains.
 */
public final class SafeFiles {

  private SafeFiles() {}

  /** Opens for reading. */
  public static InputStream newInputStream(Path path) throws IOException {
    return Channels.newInputStream(newByteChannel(path, Set.of(StandardOpenOption.READ)));
  }

  /** Opens for writing (default: create, truncate, write). */
  public static OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
    Set<OpenOption> opts = new HashSet<>(Arrays.asList(options));
    if (opts.isEmpty()) {
      opts.addAll(Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
    }
    opts.add(StandardOpenOption.WRITE);
    return Channels.newOutputStream(newByteChannel(path, opts));
  }

  /** Reads a whole file. */
  public static byte[] readAllBytes(Path path) throws IOException {
    try (InputStream in = newInputStream(path)) {
      return in.readAllBytes();
    }
  }

  /** Reads a whole UTF-8 text file. */
  public static String readString(Path path) throws IOException {
    return new String(readAllBytes(path), StandardCharsets.UTF_8);
  }

  /** Opens a channel with the given options plus {@code NOFOLLOW_LINKS}. */
  public static SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options) throws IOException {
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("SafeFiles takes the resolved path a @SafePath argument received");
    }
    checkParents(path);
    Set<OpenOption> opts = new HashSet<>(options);
    opts.add(LinkOption.NOFOLLOW_LINKS);
    SeekableByteChannel channel;
    try {
      channel = Files.newByteChannel(path, opts);
    } catch (IOException e) {
      if (Files.isSymbolicLink(path)) {
        throw new FileSystemException(null, null, "the path became a symbolic link after it was checked");
      }
      throw e;
    }
    try {
      checkParents(path);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return channel;
  }

  private static void checkParents(Path path) throws IOException {
    Path parent = path.getParent();
    if (parent != null && !parent.toRealPath().equals(parent)) {
      throw new FileSystemException(null, null, "a parent of the path became a symbolic link after it was checked");
    }
  }
}
