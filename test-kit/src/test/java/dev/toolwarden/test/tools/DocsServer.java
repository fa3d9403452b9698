package dev.toolwarden.test.tools;

import dev.toolwarden.McpComplete;
import dev.toolwarden.McpPrompt;
import dev.toolwarden.McpResource;
import dev.toolwarden.McpResourceTemplate;
import dev.toolwarden.McpTool;
import dev.toolwarden.RateLimit;
import dev.toolwarden.Redact;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.SafePath;
import dev.toolwarden.runtime.path.SafeFiles;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A documentation folder served as a tool, resources, a resource template, prompts and completions. */
@RequiresScope("docs:read")
public final class DocsServer {

  private static final List<String> TOPICS = List.of("security", "speed", "style");

  /** What the folder holds. */
  @McpResource(uri = "docs://index", mimeType = "text/plain")
  public String index() {
    return "a.md\nb.md";
  }

  /** Notes only editors see. */
  @McpResource(uri = "docs://drafts", mimeType = "text/plain")
  @RequiresScope("docs:edit")
  public String drafts() {
    return "draft";
  }

  /**
   * A file of the folder.
   *
   * @param path the file, relative to the docs root
   */
  @McpResourceTemplate(uriTemplate = "docs://files/{+path}", mimeType = "text/markdown")
  public String file(@SafePath(root = "docs", kind = SafePath.Kind.FILE, mustExist = true) Path path)
      throws IOException {
    return SafeFiles.readString(path);
  }

  /**
   * Asks for a review of a topic.
   *
   * @param topic what to review
   * @param ticket the ticket the review belongs to
   */
  @McpPrompt(name = "review")
  public String review(String topic, @Redact String ticket) {
    return "Review the " + topic + " of the docs for ticket " + ticket + ".";
  }

  /** Asks for a summary; once an hour. */
  @McpPrompt(name = "summarize")
  @RateLimit(permits = 1, per = "1h")
  public String summarize() {
    return "Summarize the docs.";
  }

  /**
   * Topics that start with what was typed.
   *
   * @param value what was typed
   */
  @McpComplete(prompt = "review", argument = "topic")
  public List<String> topics(String value) {
    return TOPICS.stream().filter(t -> t.startsWith(value)).toList();
  }

  /**
   * Counts the words of a text.
   *
   * @param text the text
   * @param minLength the shortest word counted
   */
  @McpTool(name = "count_words", readOnly = true)
  public int countWords(String text, @Min(1) @Max(20) int minLength) {
    int n = 0;
    for (String w : text.split("\\s+")) {
      if (w.length() >= minLength) {
        n++;
      }
    }
    return n;
  }
}
