package dev.toolwarden.it.oauth;

import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code node/oauth-browser-client.mjs} running, its events (one JSON object per stdout line, format in the script's
 * header) read as they come: the test answers its {@code authorize} events with a browser while it waits.
 */
final class BrowserOAuthClient implements AutoCloseable {

  private static final JsonNode ENDED = NodeTools.JSON.createObjectNode().put("event", "(stdout ended)");

  private final Process process;
  private final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
  /** Every event so far, in order. */
  final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final StringBuffer stderr = new StringBuffer();

  private BrowserOAuthClient(Process process) {
    this.process = process;
    daemon("oauth-client-stdout", () -> read(true));
    daemon("oauth-client-stderr", () -> read(false));
  }

  /** Starts the script with {@code plan}; Node and the pinned SDK must be there ({@link NodeTools#require()}). */
  static BrowserOAuthClient start(ObjectNode plan, ProcessReaper reaper) {
    NodeTools.require();
    String node = NodeTools.onPath("node").orElseThrow().toString();
    ProcessBuilder builder = new ProcessBuilder(node, NodeTools.nodeDir().resolve("oauth-browser-client.mjs").toString(),
        NodeTools.JSON.writeValueAsString(plan)).directory(NodeTools.nodeDir().toFile());
    builder.environment().put("NO_COLOR", "1");
    try {
      Process p = reaper.track(builder.start());
      p.getOutputStream().close();
      return new BrowserOAuthClient(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Node OAuth client", e);
    }
  }

  /** The next event; fails the test when none comes within {@code timeout} or the script ended without one. */
  JsonNode next(Duration timeout) {
    JsonNode event;
    try {
      event = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    if (event == null) {
      throw new AssertionError("no event from the OAuth client within " + timeout + "; so far:\n" + describe());
    }
    if (event == ENDED) {
      throw new AssertionError("the OAuth client ended without a last event; so far:\n" + describe());
    }
    return event;
  }

  /** Every event and the script's stderr, for failure messages. */
  String describe() {
    StringBuilder b = new StringBuilder();
    events.forEach(e -> b.append("  ").append(e).append('\n'));
    return b.append("stderr:\n").append(stderr).toString();
  }

  /** The events of one kind, in order. */
  List<JsonNode> events(String kind) {
    return events.stream().filter(e -> kind.equals(e.path("event").asString())).toList();
  }

  int awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    ProcessReaper.kill(process.toHandle());
  }

  private void read(boolean stdout) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        stdout ? process.getInputStream() : process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        System.err.println("[oauth-client " + (stdout ? "out" : "err") + "] " + line);
        if (!stdout) {
          stderr.append(line).append('\n');
          continue;
        }
        JsonNode event;
        try {
          event = NodeTools.JSON.readTree(line);
        } catch (RuntimeException e) {
          event = NodeTools.JSON.createObjectNode().put("event", "(not JSON)").put("line", line);
        }
        events.add(event);
        queue.add(event);
      }
    } catch (IOException e) {
      stderr.append("[stream closed: ").append(e.getMessage()).append("]\n");
    } finally {
      if (stdout) {
        queue.add(ENDED);
      }
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }
}
