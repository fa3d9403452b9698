package dev.toolwarden.runtime.internal.stdio;

import dev.toolwarden.runtime.internal.jsonrpc.RequestGate;
import dev.toolwarden.runtime.internal.pipeline.Cancellations;
import dev.toolwarden.runtime.internal.protocol2026.Era;
import dev.toolwarden.runtime.internal.protocol2026.ModernServer;
import dev.toolwarden.runtime.internal.server.ServerAssembly;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one MCP session over a pair of streams (stdin/stdout), robust against malformed
 * lines, and returns when the input ends. Both protocol eras share the streams: each line is
 * the SDK's or, for MCP 2026-07-28, the adapter's ({@link ModernLines}).
 */
public final class StdioServer {

  private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

  /** Longest accepted input line. */
  public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

  /** How long in-flight requests may still be answered after the input ended. */
  static final long DRAIN_MILLIS = 10_000;

  private StdioServer() {}

  /**
   * Serves until {@code in} ends, then closes the server.
   *
   * @param in the client's messages
   * @param out the protocol output; nothing else may write to it while serving
   * @param serverFactory builds the SDK server on the given transport (and fails with a
   *     start-up error before anything is read)
   * @param gate judges the requests the SDK answers by itself (subscriptions) before it sees them
   */
  public static void serve(InputStream in, OutputStream out, McpJsonMapper json,
      Function<McpServerTransportProvider, McpSyncServer> serverFactory, RequestGate gate) {
    serve(in, out, json, serverFactory, gate, null);
  }

  /**
   * Serves until {@code in} ends, then closes the server; each MCP 2026-07-28 message ({@link Era}) is answered by
   * {@code modern}, every other by the SDK server.
   *
   * @param modern the 2026-07-28 adapter, or null to serve the SDK's eras only
   */
  public static void serve(InputStream in, OutputStream out, McpJsonMapper json,
      Function<McpServerTransportProvider, McpSyncServer> serverFactory, RequestGate gate, ModernServer modern) {
    serve(in, out, json, serverFactory, gate, modern, new Cancellations());
  }

  /**
   * Serves {@code assembly}'s server until {@code in} ends: both eras, its request gate and legacy cancellation — the
   * one entry for the standalone server and the Spring Boot starter alike.
   */
  public static void serve(InputStream in, OutputStream out, ServerAssembly assembly) {
    serve(in, out, assembly.json(), assembly::build, assembly.requestGate(), assembly.modern(),
        assembly.cancellations());
  }

  /**
   * As {@link #serve(InputStream, OutputStream, McpJsonMapper, Function, RequestGate, ModernServer)}; a legacy
   * {@code notifications/cancelled} cancels the call registered in {@code cancellations}.
   */
  public static void serve(InputStream in, OutputStream out, McpJsonMapper json,
      Function<McpServerTransportProvider, McpSyncServer> serverFactory, RequestGate gate, ModernServer modern,
      Cancellations cancellations) {
    PendingRequests pending = new PendingRequests();
    TrackingOutputStream protocolOut = new TrackingOutputStream(out, json, pending);
    PipedInputStream sdkIn;
    PipedOutputStream pipe;
    try {
      sdkIn = new PipedInputStream(64 * 1024);
      pipe = new PipedOutputStream(sdkIn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the SDK reads only lines the filter already accepted; its own limit is a backstop
    McpSyncServer server = serverFactory.apply(new StdioSessions(
        new SerializedSends(new StdioServerTransportProvider(json, sdkIn, protocolOut, MAX_LINE_BYTES + 1)),
        cancellations));
    ModernLines modernLines = modern == null ? null : new ModernLines(modern, json, protocolOut, pending);
    try {
      new LineFilter(json, pipe, protocolOut, pending, MAX_LINE_BYTES, gate, modernLines).run(in);
    } catch (IOException e) {
      LOG.warn("reading stdin failed; shutting down: {}", e.toString());
    } finally {
      try {
        if (!pending.awaitDrained(DRAIN_MILLIS)) {
          LOG.warn("input ended with requests still unanswered after {} ms; shutting down", DRAIN_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (modernLines != null) {
        modernLines.close();
      }
      try {
        pipe.close();
      } catch (IOException ignored) {
        // nothing left to tell the SDK
      }
      server.closeGracefully();
      server.close();
      LOG.debug("stdio server stopped");
    }
  }
}
