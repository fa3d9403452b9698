package dev.toolwarden.runtime.internal.stdio;

import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The protocol output (real stdout). The SDK transport writes each message as one line,
 * synchronised on this object; the line filter writes its error responses synchronised on the
 * same object, so lines never interleave. Lines written by the SDK are inspected to count the
 * responses it has sent ({@link PendingRequests}).
 */
public final class TrackingOutputStream extends OutputStream {

  private final OutputStream out;
  private final McpJsonMapper json;
  private final PendingRequests pending;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  TrackingOutputStream(OutputStream out, McpJsonMapper json, PendingRequests pending) {
    this.out = out;
    this.json = json;
    this.pending = pending;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        out.write(b, start, i - start);
        line.write(b, start, i - start);
        // counted before the line's end goes out: a client that reads the answer and sends its next request at once
        // must find this one no longer in flight (LineFilter's bound)
        inspect();
        out.write('\n');
        start = i + 1;
      }
    }
    out.write(b, start, off + len - start);
    line.write(b, start, off + len - start);
  }

  /** Writes a line of our own (an error for a line the SDK never saw), uncounted. */
  void writeOwnLine(String text) throws IOException {
    synchronized (this) {
      out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.flush(); // never close the real stdout
  }

  private void inspect() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    try {
      Object parsed = json.readValue(text, Object.class);
      if (parsed instanceof Map<?, ?> m && !m.containsKey("method") && m.containsKey("id")
          && (m.containsKey("result") || m.containsKey("error"))) {
        pending.responseWritten();
      }
    } catch (IOException | RuntimeException e) {
      // not ours to judge: the SDK wrote it
    }
  }
}
