package dev.toolwarden.it.support;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The MCP Java SDK client's end of a stdio connection to a server the test started itself ({@link ServerProcess#stdio}):
 * JSON-RPC messages as lines on the server's stdin and stdout, as the SDK's own {@code StdioClientTransport} writes and
 * reads them, plus two things that transport cannot tell a test. Every stdout line that is not a JSON-RPC message is
 * kept ({@link #nonProtocolLines}; the SDK's transport logs the first one and stops reading), and closing the transport
 * closes the server's stdin, the end a stdio server must exit on, where the SDK's transport kills the process.
 */
public final class StdioLinesTransport implements McpClientTransport {

  private final ServerProcess server;
  private final String echoPrefix;
  private final McpJsonMapper json = McpJsonDefaults.getMapper();
  private final List<String> nonProtocol = new CopyOnWriteArrayList<>();
  private final Object writing = new Object();
  private volatile Thread reader;

  /** Speaks to {@code server}'s stdin and stdout; each stdout line is echoed to this JVM's stderr after {@code echoPrefix}. */
  public StdioLinesTransport(ServerProcess server, String echoPrefix) {
    this.server = server;
    this.echoPrefix = echoPrefix;
  }

  @Override
  public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    return Mono.fromRunnable(() -> {
      Thread thread = new Thread(() -> read(handler), "stdio-lines-reader");
      thread.setDaemon(true);
      reader = thread;
      thread.start();
    });
  }

  private void read(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.stdout(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        System.err.println(echoPrefix + line);
        JSONRPCMessage message;
        try {
          message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException notJsonRpc) {
          nonProtocol.add(line);
          continue;
        }
        handler.apply(Mono.just(message)).subscribe();
      }
    } catch (IOException e) {
      nonProtocol.add("[reading stdout failed: " + e + "]");
    }
  }

  @Override
  public Mono<Void> sendMessage(JSONRPCMessage message) {
    return Mono.fromRunnable(() -> {
      try {
        byte[] line = (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (writing) {
          OutputStream stdin = server.stdin();
          stdin.write(line);
          stdin.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to the server's stdin", e);
      }
    });
  }

  /** Closes the server's stdin (EOF); the server is left to end by itself. */
  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(() -> {
      synchronized (writing) {
        try {
          server.stdin().close();
        } catch (IOException alreadyGone) {
          // the server ended first: its stdin is closed either way
        }
      }
    });
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
    return json.convertValue(data, type);
  }

  /** The stdout lines so far that were not JSON-RPC messages (a banner, a log line, a stray print). */
  public List<String> nonProtocolLines() {
    return List.copyOf(nonProtocol);
  }

  /** Waits (bounded) until the server closed its stdout, i.e. every line it wrote has been read; whether it did. */
  public boolean awaitStdoutEnd(long millis) {
    Thread thread = reader;
    if (thread == null) {
      return true;
    }
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }
}
