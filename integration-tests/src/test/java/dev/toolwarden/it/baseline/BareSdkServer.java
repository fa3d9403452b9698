package dev.toolwarden.it.baseline;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An MCP server written by hand on the bare MCP Java SDK (no Toolwarden): the reference the
 * integration tests' client harnesses were first proven against (they now run against the example
 * server), and the "bare SDK" baseline of the benchmarks.
 *
 * <pre>
 *   java -cp … dev.toolwarden.it.baseline.BareSdkServer stdio
 *   java -cp … dev.toolwarden.it.baseline.BareSdkServer http [port]   (0 or none: a free port)
 * </pre>
 *
 * <p>Over HTTP it binds 127.0.0.1 only and prints {@code BareSdkServer listening on
 * http://127.0.0.1:PORT/mcp} on stderr once it accepts connections. Over stdio, stdout carries
 * only the protocol, and the server exits when stdin ends.
 *
 * <p>Tools: {@code echo(text)} (text result), {@code add(a, b)} (structured result with an output
 * schema), {@code divide(dividend, divisor)} (an {@code isError} result for a zero divisor).
 */
public final class BareSdkServer {

  public static final String SERVER_NAME = "bare-sdk-server";
  public static final String SERVER_VERSION = "1.0.0";
  public static final String MCP_PATH = "/mcp";
  public static final List<String> TOOL_NAMES = List.of("echo", "add", "divide");

  private BareSdkServer() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "http";
    switch (mode) {
      case "stdio" -> runStdio();
      case "http" -> runHttp(args.length > 1 ? Integer.parseInt(args[1]) : 0);
      default -> {
        System.err.println("usage: BareSdkServer stdio | http [port]");
        System.exit(2);
      }
    }
  }

  // ---------------------------------------------------------------- transports

  private static void runStdio() throws InterruptedException {
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    CountDownLatch stdinClosed = new CountDownLatch(1);
    InputStream in = new FilterInputStream(System.in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) stdinClosed.countDown();
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) stdinClosed.countDown();
        return n;
      }
    };
    PrintStream protocolOut = System.out;
    System.setOut(System.err); // stdout belongs to the protocol
    StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, in, protocolOut);
    McpSyncServer server = configure(McpServer.sync(transport), mapper).build();
    System.err.println("BareSdkServer serving MCP over stdio");
    stdinClosed.await();
    server.closeGracefully();
    System.exit(0);
  }

  private static void runHttp(int port) throws Exception {
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder().jsonMapper(mapper).mcpEndpoint(MCP_PATH).build();
    McpSyncServer server = configure(McpServer.sync(transport), mapper).build();

    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder("mcp", transport);
    holder.setAsyncSupported(true); // Jetty 12 ee10: the transport answers asynchronously (SSE)
    context.addServlet(holder, MCP_PATH);
    jetty.setHandler(context);
    jetty.setStopAtShutdown(true);
    Runtime.getRuntime().addShutdownHook(new Thread(server::closeGracefully, "bare-sdk-server-close"));
    jetty.start();
    System.err.println("BareSdkServer listening on http://127.0.0.1:" + connector.getLocalPort() + MCP_PATH);
    jetty.join();
  }

  // ---------------------------------------------------------------- tools

  static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
      McpServer.SyncSpecification<S> spec, McpJsonMapper mapper) {
    return spec.serverInfo(SERVER_NAME, SERVER_VERSION)
        .capabilities(ServerCapabilities.builder().tools(false).build())
        .tools(echo(mapper), add(mapper), divide(mapper));
  }

  private static SyncToolSpecification echo(McpJsonMapper mapper) {
    Tool tool = Tool.builder("echo", mapper, """
            {"type": "object",
             "properties": {"text": {"type": "string", "maxLength": 200, "description": "what to echo"}},
             "required": ["text"], "additionalProperties": false}""")
        .description("Returns the text it is given.")
        .annotations(new ToolAnnotations("Echo", true, false, true, false, null))
        .build();
    return new SyncToolSpecification(tool, (exchange, request) ->
        CallToolResult.builder().addTextContent(String.valueOf(request.arguments().get("text"))).build());
  }

  private static SyncToolSpecification add(McpJsonMapper mapper) {
    Tool tool = Tool.builder("add", mapper, """
            {"type": "object",
             "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}},
             "required": ["a", "b"], "additionalProperties": false}""")
        .description("Adds two integers.")
        .outputSchema(mapper, """
            {"type": "object", "properties": {"sum": {"type": "integer"}},
             "required": ["sum"], "additionalProperties": false}""")
        .build();
    return new SyncToolSpecification(tool, (exchange, request) -> {
      long sum;
      try {
        sum = Math.addExact(asLong(request.arguments().get("a")), asLong(request.arguments().get("b")));
      } catch (ArithmeticException e) {
        return error("a + b overflows a 64-bit integer");
      }
      return structured(mapper, Map.of("sum", sum));
    });
  }

  private static SyncToolSpecification divide(McpJsonMapper mapper) {
    Tool tool = Tool.builder("divide", mapper, """
            {"type": "object",
             "properties": {"dividend": {"type": "number"}, "divisor": {"type": "number"}},
             "required": ["dividend", "divisor"], "additionalProperties": false}""")
        .description("Divides two numbers; a zero divisor is a tool error.")
        .outputSchema(mapper, """
            {"type": "object", "properties": {"quotient": {"type": "number"}},
             "required": ["quotient"], "additionalProperties": false}""")
        .build();
    return new SyncToolSpecification(tool, (exchange, request) -> {
      double divisor = ((Number) request.arguments().get("divisor")).doubleValue();
      if (divisor == 0) {
        return error("division by zero");
      }
      double dividend = ((Number) request.arguments().get("dividend")).doubleValue();
      return structured(mapper, Map.of("quotient", dividend / divisor));
    });
  }

  private static long asLong(Object value) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return new java.math.BigDecimal(n.toString()).longValueExact();
    }
    throw new ArithmeticException("not an integer: " + value);
  }

  private static CallToolResult structured(McpJsonMapper mapper, Map<String, Object> content) {
    try {
      return CallToolResult.builder()
          .structuredContent(content)
          .addTextContent(mapper.writeValueAsString(content))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CallToolResult error(String message) {
    return CallToolResult.builder().isError(true).addTextContent(message).build();
  }
}
