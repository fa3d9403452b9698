package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.spi.ResourceOutcome;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Maps what a resource method returned to the {@code resources/read} result for the URI that was read: text as
 * {@code text/plain}, bytes as a base64 blob ({@code application/octet-stream}), a JSON tree as JSON text
 * ({@code application/json}) — each unless the resource declares its MIME type — and SDK values as they are.
 */
final class ResourceResults {

  private ResourceResults() {}

  /** The result, or {@code null} for not-found. */
  static ReadResourceResult map(ResourceOutcome outcome, String uri, String declaredMime, McpJsonMapper json) {
    if (outcome == null || outcome instanceof ResourceOutcome.NotFound) {
      return null;
    }
    if (outcome instanceof ResourceOutcome.Text t) {
      if (t.text() == null) {
        return null;
      }
      return one(McpSchema.TextResourceContents.builder(uri, t.text()).mimeType(mime(declaredMime, "text/plain")).build());
    }
    if (outcome instanceof ResourceOutcome.Blob b) {
      if (b.data() == null) {
        return null;
      }
      return one(McpSchema.BlobResourceContents.builder(uri, Base64.getEncoder().encodeToString(b.data()))
          .mimeType(mime(declaredMime, "application/octet-stream")).build());
    }
    if (outcome instanceof ResourceOutcome.Json j) {
      String text;
      try {
        text = json.writeValueAsString(j.tree());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return one(McpSchema.TextResourceContents.builder(uri, text).mimeType(mime(declaredMime, "application/json")).build());
    }
    if (outcome instanceof ResourceOutcome.Passthrough p) {
      return passthrough(p.value());
    }
    throw new IllegalStateException("unknown resource outcome " + outcome.getClass().getName());
  }

  private static ReadResourceResult passthrough(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof ReadResourceResult r) {
      return r;
    }
    if (value instanceof McpSchema.ResourceContents c) {
      return one(c);
    }
    if (value instanceof List<?> list) {
      List<McpSchema.ResourceContents> contents = new ArrayList<>(list.size());
      for (Object o : list) {
        if (!(o instanceof McpSchema.ResourceContents c)) {
          throw new IllegalStateException("a passed-through list holds a non-ResourceContents element: "
              + (o == null ? "null" : o.getClass().getName()));
        }
        contents.add(c);
      }
      return ReadResourceResult.builder(contents).build();
    }
    throw new IllegalStateException("cannot pass through a " + value.getClass().getName() + " as a resource");
  }

  private static ReadResourceResult one(McpSchema.ResourceContents contents) {
    return ReadResourceResult.builder(List.of(contents)).build();
  }

  private static String mime(String declared, String fallback) {
    return declared != null && !declared.isEmpty() ? declared : fallback;
  }
}
