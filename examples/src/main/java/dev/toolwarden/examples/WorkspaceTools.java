package dev.toolwarden.examples;

import dev.toolwarden.McpResourceTemplate;
import dev.toolwarden.McpTool;
import dev.toolwarden.RateLimit;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.SafePath;
import dev.toolwarden.ToolParam;
import dev.toolwarden.runtime.ToolException;
import dev.toolwarden.runtime.path.SafeFiles;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Access to the files of one workspace directory: tools, and each file as a resource. */
@RequiresScope("files:read")
public final class WorkspaceTools {

  /**
   * Reads a UTF-8 text file from the workspace.
   *
   * @param path the file, relative to the workspace root
   * @param maxBytes the largest number of bytes to return
   */
  @McpTool(name = "read_file", title = "Read a workspace file", readOnly = true, openWorld = false)
  @RateLimit(permits = 60, per = "1m")
  public String readFile(
      @SafePath(root = "workspace", mustExist = true, kind = SafePath.Kind.FILE) Path path,
      @Positive @Max(1_000_000) @ToolParam(defaultValue = "65536") int maxBytes) throws IOException {
    // SafeFiles opens without following links: a file swapped for a link after the check stays refused
    try (InputStream in = SafeFiles.newInputStream(path)) {
      byte[] bytes = in.readNBytes(maxBytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * Saves a note (a Markdown or text file) in the workspace, replacing an existing one.
   *
   * @param path the note, relative to the workspace root, e.g. notes/today.md
   * @param text the note's text
   */
  @McpTool(name = "save_note", title = "Save a note", destructive = true, idempotent = true, openWorld = false)
  @RequiresScope("files:write")
  @RateLimit(permits = 10, per = "1m", key = RateLimit.Key.SESSION)
  public String saveNote(
      @SafePath(root = "workspace", kind = SafePath.Kind.FILE, extensions = {"md", "txt"}) Path path,
      @Size(max = 10_000) String text) throws IOException {
    if (!Files.isDirectory(path.getParent())) {
      throw new ToolException("the folder of the note does not exist");
    }
    try (OutputStream out = SafeFiles.newOutputStream(path)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return "saved " + text.length() + " characters";
  }

  /**
   * Lists the entries of a workspace directory, sorted by name.
   *
   * @param directory the directory, relative to the workspace root ("." for the root itself)
   */
  @McpTool(name = "list_files", title = "List a workspace directory", readOnly = true, openWorld = false)
  public List<String> listFiles(
      @SafePath(root = "workspace", mustExist = true, kind = SafePath.Kind.DIRECTORY)
      @ToolParam(description = "the directory, relative to the workspace root") Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
    } catch (IOException e) {
      throw new ToolException("the directory cannot be listed");
    }
  }

  /**
   * A UTF-8 text file of the workspace as a resource: {@code file:///workspace/notes/todo.md}. The path variable is
   * confined to the workspace exactly as {@code read_file}'s argument is ({@code @SafePath}: no {@code ..}, no
   * absolute path, no link out, no encoded trick).
   *
   * @param path the file, relative to the workspace root
   */
  @McpResourceTemplate(uriTemplate = "file:///workspace/{+path}", name = "workspace-file",
      title = "A workspace file", mimeType = "text/plain")
  @RateLimit(permits = 60, per = "1m")
  public String file(@SafePath(root = "workspace", mustExist = true, kind = SafePath.Kind.FILE) Path path)
      throws IOException {
    try (InputStream in = SafeFiles.newInputStream(path)) {
      return new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
    }
  }
}
