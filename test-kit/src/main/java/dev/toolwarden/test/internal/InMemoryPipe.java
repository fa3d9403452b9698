package dev.toolwarden.test.internal;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One SDK client and one SDK server session joined in memory. Every message crosses as JSON text, as on a wire,
 * so a test sees exactly what a client sees (structured content as parsed JSON, errors as JSON-RPC errors). Each
 * direction is delivered by its own single thread, in the order it was sent (a notification before the response
 * that follows it); the SDK server runs the handlers on its own scheduler, so calls from several test threads run
 * concurrently as they would over HTTP.
 *
 * <p>What an HTTP filter would put into the transport context (the verified caller) travels beside the message:
 * the client's transport context at the time of the send becomes the server's transport context for that message.
 */
public final class InMemoryPipe implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryPipe.class);

  private final McpJsonMapper json;
  private final ExecutorService toServer = Executors.newSingleThreadExecutor(daemon("toolwarden-test-to-server"));
  private final ExecutorService toClient = Executors.newSingleThreadExecutor(daemon("toolwarden-test-to-client"));
  private final ServerSide server = new ServerSide();
  private final ClientSide client = new ClientSide();
  private volatile McpServerSession session;
  private volatile Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> clientHandler;

  /** A pipe that writes and reads messages with {@code json} (the server's mapper). */
  public InMemoryPipe(McpJsonMapper json) {
    this.json = json;
  }

  /** The server's end: give it to the SDK server builder. */
  public McpServerTransportProvider serverEnd() {
    return server;
  }

  /** The client's end: give it to the SDK client builder. */
  public McpClientTransport clientEnd() {
    return client;
  }

  /** Stops delivering; messages in flight are dropped. */
  @Override
  public void close() {
    toServer.shutdownNow();
    toClient.shutdownNow();
  }

  private String write(JSONRPCMessage message) {
    try {
      return json.writeValueAsString(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JSONRPCMessage read(String text) {
    try {
      return McpSchema.deserializeJsonRpcMessage(json, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deliverToServer(String text, McpTransportContext context) {
    McpServerSession s = session;
    if (s == null) {
      LOG.warn("a client message arrived before the server session exists: dropped");
      return;
    }
    s.handle(read(text))
        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
        .subscribe(null, e -> LOG.warn("the server failed to handle a message: {}", e.toString()));
  }

  private void deliverToClient(String text) {
    Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler = clientHandler;
    if (handler == null) {
      LOG.warn("a server message arrived before the client connected: dropped");
      return;
    }
    handler.apply(Mono.just(read(text)))
        .subscribe(null, e -> LOG.warn("the client failed to handle a message: {}", e.toString()));
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The server's transport provider: one session, made when the SDK server is built. */
  private final class ServerSide implements McpServerTransportProvider {

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
      session = factory.create(new SessionTransport());
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
      McpServerSession s = session;
      return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
      McpServerSession s = session;
      return s != null && s.getId().equals(sessionId) ? s.sendNotification(method, params) : Mono.empty();
    }

    @Override
    public Mono<Void> closeGracefully() {
      McpServerSession s = session;
      return s == null ? Mono.empty() : s.closeGracefully();
    }
  }

  /** The server session's transport: what the server sends goes to the client, as JSON text. */
  private final class SessionTransport implements McpServerTransport {

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
      return Mono.fromRunnable(() -> {
        String text = write(message);
        toClient.execute(() -> deliverToClient(text));
      });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }
  }

  /** The client's transport: what the client sends goes to the server with the client's transport context. */
  private final class ClientSide implements McpClientTransport {

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
      clientHandler = handler;
      return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
      return Mono.deferContextual(ctx -> {
        McpTransportContext context = ctx.getOrDefault(McpTransportContext.KEY, McpTransportContext.EMPTY);
        String text = write(message);
        toServer.execute(() -> deliverToServer(text, context));
        return Mono.<Void>empty();
      });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }
  }
}
