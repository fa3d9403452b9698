package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.Nullable;
import dev.toolwarden.RequiresScope;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Formatted strings: uuid, uri, date, date-time, duration. */
@RequiresScope("test")
public class FormatTools {

  /** One of each. */
  @McpTool(name = "formats")
  public void formats(UUID id, URI link, LocalDate day, Instant at, OffsetDateTime when, Duration timeout) {
    Capture.args(id, link, day, at, when, timeout);
  }

  /** Formats inside containers and optional. */
  @McpTool(name = "formats_nested")
  public void nested(Optional<UUID> maybeId, @Nullable Instant since, List<LocalDate> days,
      List<Duration> durations, Optional<URI> homepage) {
    Capture.args(maybeId, since, days, durations, homepage);
  }
}
