package dev.toolwarden.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Drains a child process's output stream on a daemon thread (so the child never blocks on a full
 * pipe), keeps all of it, optionally echoes each line to this JVM's stderr with a prefix (Surefire
 * puts that in the test's output file), and tells listeners about each line.
 */
final class StreamCollector {

  private final StringBuffer text = new StringBuffer();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;

  StreamCollector(InputStream stream, String echoPrefix, String threadName) {
    thread = new Thread(() -> drain(stream, echoPrefix), threadName);
    thread.setDaemon(true);
  }

  StreamCollector start() {
    thread.start();
    return this;
  }

  /** Calls {@code listener} for every line, those that already arrived first. */
  synchronized void onLine(Consumer<String> listener) {
    text.toString().lines().forEach(listener);
    listeners.add(listener);
  }

  private synchronized void accept(String line) {
    text.append(line).append('\n');
    for (Consumer<String> listener : listeners) {
      listener.accept(line);
    }
  }

  private void drain(InputStream stream, String echoPrefix) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (echoPrefix != null) {
          System.err.println(echoPrefix + line);
        }
        accept(line);
      }
    } catch (IOException e) {
      text.append("[stream closed: ").append(e.getMessage()).append("]\n");
    }
  }

  /** Waits (bounded) until the stream ended, then returns everything. */
  String awaitText(long millis) {
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return text.toString();
  }

  /** Everything so far. */
  String text() {
    return text.toString();
  }

  /** The last {@code maxLines} lines so far, for failure messages. */
  String tail(int maxLines) {
    List<String> lines = text.toString().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }
}
