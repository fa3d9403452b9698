package dev.toolwarden.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The example server ({@code examples/target/toolwarden-example.jar}, started as its own process the
 * way a user runs it) driven end to end by the official MCP Java SDK client (2.1.0). The same tests run
 * over stdio ({@link StdioJavaClientE2eTest}) and Streamable HTTP ({@link HttpJavaClientE2eTest}); each
 * subclass adds what only its transport has (malformed stdin lines; Origin, garbage and oversized HTTP
 * bodies).
 *
 * <p>One server and one client per transport, shared by the tests of the class; the workspace root is a
 * fresh temporary directory with known files ({@link ExampleServer#workspace}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JavaClientE2eTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  protected Path workspace;
  protected McpSyncClient client;
  private final List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
  private final List<LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();

  /** Starts the server as needed and returns a client transport to it. */
  protected abstract McpClientTransport transport(Path workspace) throws Exception;

  @BeforeAll
  void connect() throws Exception {
    workspace = ExampleServer.workspace(Files.createTempDirectory("toolwarden-e2e-workspace"));
    client = McpClient.sync(transport(workspace))
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(60))
        .progressConsumer(progress::add)
        .loggingConsumer(logs::add)
        .build();
    client.initialize();
  }

  @AfterAll
  void disconnect() throws IOException {
    if (client != null) {
      client.closeGracefully();
    }
    if (workspace != null) {
      try (Stream<Path> files = Files.walk(workspace)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  // ---------------------------------------------------------------- tools/list and schemas

  @Test
  void initializeReportsTheExampleServer() {
    assertEquals("toolwarden-example", client.getServerInfo().name());
    assertNotNull(client.getServerCapabilities().tools(), "tools capability");
  }

  @Test
  void listsAllTools() {
    assertEquals(ExampleServer.TOOL_NAMES, tools().keySet().stream().sorted().toList());
  }

  @Test
  void readFileHasTheExactInputSchemaTitleDescriptionAndHints() {
    Tool tool = tool("read_file");
    assertEquals("Read a workspace file", tool.title());
    assertEquals("Reads a UTF-8 text file from the workspace.", tool.description(), "description from the Javadoc");
    assertTrue(tool.annotations().readOnlyHint());
    assertFalse(tool.annotations().openWorldHint());
    assertJson("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "path": { "description": "the file, relative to the workspace root", "type": "string" },
            "maxBytes": {
              "description": "the largest number of bytes to return",
              "type": "integer", "exclusiveMinimum": 0, "maximum": 1000000, "default": 65536
            }
          },
          "required": ["path"]
        }
        """, tool.inputSchema(), "read_file inputSchema");
    assertNull(tool.outputSchema(), "a String result is text: no output schema");
  }

  @Test
  void findOrdersHasTheExactInputSchema() {
    Tool tool = tool("find_orders");
    assertEquals("Finds the orders of a customer, newest first.", tool.description(), "description from the Javadoc");
    assertJson("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "customerEmail": { "description": "the customer's e-mail address", "type": "string", "format": "email" },
            "status": {
              "description": "only orders in this state, when given",
              "type": ["string", "null"],
              "enum": ["OPEN", "SHIPPED", "CANCELLED", null]
            },
            "limit": {
              "description": "the largest number of orders to return",
              "type": "integer", "minimum": 1, "maximum": 100, "default": 10
            }
          },
          "required": ["customerEmail"]
        }
        """, tool.inputSchema(), "find_orders inputSchema");
  }

  /** The generator inlines a single record result and wraps a list as {@code result} with {@code $defs}. */
  @Test
  void getOrderAndFindOrdersHaveTheExactOutputSchemas() {
    String order = """
        "type": "object",
        "properties": {
          "id": { "description": "the order id", "type": "string" },
          "customerEmail": { "description": "the customer's e-mail address (redacted)", "type": ["string", "null"] },
          "cardNumber": { "description": "the card charged (only its last four digits are shown) (redacted)",
                          "type": ["string", "null"] },
          "total": { "description": "the amount charged", "type": "number" },
          "status": { "description": "the order's state", "type": "string", "enum": ["OPEN", "SHIPPED", "CANCELLED"] },
          "placed": { "description": "the day the order was placed", "type": "string", "format": "date" }
        },
        "required": ["id", "customerEmail", "cardNumber", "total", "status", "placed"],
        "additionalProperties": false
        """;
    assertJson("{ \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", " + order + "}",
        tool("get_order").outputSchema(), "get_order outputSchema");
    assertJson("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": { "Order": { %s } },
          "type": "object",
          "additionalProperties": false,
          "properties": { "result": { "type": "array", "items": { "$ref": "#/$defs/Order" } } },
          "required": ["result"]
        }
        """.formatted(order), tool("find_orders").outputSchema(), "find_orders outputSchema");
    assertJson("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "id": { "description": "the order id, such as A-1001", "type": "string", "pattern": "^(?:[A-Z]-[0-9]{4})$" }
          },
          "required": ["id"]
        }
        """, tool("get_order").inputSchema(), "get_order inputSchema (jakarta @Pattern matches the whole value: anchored)");
  }

  @Test
  void buildReportAndCrashSchemasNeverShowTheInjectedContext() {
    assertJson("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "title": {
              "description": "the report's title",
              "type": "string", "minLength": 1, "maxLength": 80, "pattern": "[^ \\\\t\\\\n\\\\u000b\\\\f\\\\r]"
            },
            "sections": {
              "description": "how many sections to build",
              "type": "integer", "minimum": 1, "maximum": 20, "default": 3
            }
          },
          "required": ["title"]
        }
        """, tool("build_report").inputSchema(), "build_report inputSchema (ToolContext is injected, not an argument)");
    assertJson("""
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "additionalProperties": false,
          "properties": {} }
        """, tool("crash").inputSchema(), "crash inputSchema");
  }

  // ---------------------------------------------------------------- valid calls

  @Test
  void readFileReturnsTheFileText() {
    CallToolResult result = call("read_file", Map.of("path", "README.txt"));
    assertOk(result);
    assertEquals(ExampleServer.README_TEXT, text(result));
    assertEquals(ExampleServer.TODO_TEXT, text(assertOk(call("read_file", Map.of("path", "notes/todo.md")))));
    assertEquals("Toolwarden", text(assertOk(call("read_file", Map.of("path", "README.txt", "maxBytes", 10)))),
        "maxBytes bounds the bytes read");
  }

  @Test
  void listFilesReturnsTheSortedEntriesAsStructuredContent() {
    CallToolResult result = assertOk(call("list_files", Map.of("directory", ".")));
    assertEquals(Map.of("result", List.of("README.txt", "notes/")), result.structuredContent());
    assertEquals(json(result.structuredContent()), NodeTools.JSON.readTree(text(result)), "same JSON as text");
  }

  @Test
  void findOrdersMasksEmailsAndCardNumbersInStructuredContentAndText() {
    CallToolResult result = assertOk(call("find_orders", Map.of("customerEmail", "ada@example.com")));
    JsonNode structured = json(result.structuredContent());
    assertJson("""
        { "result": [
          { "id": "A-1002", "customerEmail": "****", "cardNumber": "****0004", "total": 9.99, "status": "OPEN",
            "placed": "2026-11-20" },
          { "id": "A-1001", "customerEmail": "****", "cardNumber": "****1111", "total": 42.5, "status": "SHIPPED",
            "placed": "2026-10-02" } ] }
        """, structured, "find_orders structuredContent (newest first, masked)");
    assertEquals(structured, NodeTools.JSON.readTree(text(result)), "the text content carries the same JSON");
    String all = text(result) + " " + result.structuredContent();
    for (String secret : List.of("ada@example.com", "4111111111111111", "5500000000000004", "41111111")) {
      assertFalse(all.contains(secret), "unmasked value " + secret + " in " + all);
    }
  }

  @Test
  void findOrdersHonoursStatusAndLimit() {
    CallToolResult open = assertOk(call("find_orders", Map.of("customerEmail", "ADA@example.com", "status", "OPEN")));
    JsonNode orders = json(open.structuredContent()).path("result");
    assertEquals(1, orders.size(), orders.toString());
    assertEquals("A-1002", orders.get(0).path("id").asString());

    CallToolResult limited = assertOk(call("find_orders", Map.of("customerEmail", "ada@example.com", "limit", 1)));
    assertEquals(1, json(limited.structuredContent()).path("result").size());

    Map<String, Object> nullStatus = new HashMap<>();
    nullStatus.put("customerEmail", "ada@example.com");
    nullStatus.put("status", null); // Optional: null means absent (the schema's enum holds null)
    assertEquals(2, json(assertOk(call("find_orders", nullStatus)).structuredContent()).path("result").size());
  }

  /**
   * {@code @Redact(keepLast = 4)} keeps at most a quarter of a value visible ({@code Redaction.mask}): the
   * 15-digit card 340000000000009 shows its last 3 digits, not 4.
   */
  @Test
  void getOrderReturnsTheMaskedOrder() {
    CallToolResult result = assertOk(call("get_order", Map.of("id", "B-2001")));
    assertJson("""
        { "id": "B-2001", "customerEmail": "****", "cardNumber": "****009", "total": 120.00, "status": "CANCELLED",
          "placed": "2026-09-14" }
        """, json(result.structuredContent()), "get_order structuredContent");
    assertEquals(json(result.structuredContent()), NodeTools.JSON.readTree(text(result)));
  }

  @Test
  void buildReportSendsProgressNotificationsAndReturnsTheReport() throws InterruptedException {
    String token = "report-" + getClass().getSimpleName();
    CallToolResult result = client.callTool(CallToolRequest.builder()
        .name("build_report").arguments(Map.of("title", "Q3", "sections", 3)).progressToken(token).build());
    assertOk(result);
    assertEquals("# Q3\n\n## Section 1\n\n## Section 2\n\n## Section 3\n", text(result));

    // the SDK client hands notifications to its consumer asynchronously, so they may arrive here in any
    // order (the server sends them in order: see StdioJavaClientE2eTest's raw test)
    List<ProgressNotification> mine = awaitAll(progress, n -> token.equals(n.progressToken()), 3).stream()
        .sorted(Comparator.comparing(ProgressNotification::progress)).toList();
    assertEquals(List.of(1.0, 2.0, 3.0), mine.stream().map(ProgressNotification::progress).toList());
    assertEquals(List.of(3.0, 3.0, 3.0), mine.stream().map(ProgressNotification::total).toList());
    assertEquals(List.of("section 1 of 3", "section 2 of 3", "section 3 of 3"),
        mine.stream().map(ProgressNotification::message).toList());
    List<LoggingMessageNotification> built = awaitAll(logs, n -> String.valueOf(n.data()).contains("report 'Q3' built"), 1);
    assertEquals("tool/build_report", built.get(0).logger());
  }

  // ---------------------------------------------------------------- invalid calls

  static Stream<Arguments> invalidCalls() {
    Map<String, Object> nullEmail = new HashMap<>();
    nullEmail.put("customerEmail", null);
    Map<String, Object> several = new LinkedHashMap<>();
    several.put("limit", 0);
    several.put("status", "LOST");
    several.put("extra", true);
    String t81 = "t".repeat(81);
    String find = "Invalid arguments for tool 'find_orders':\n";
    return Stream.of(
        Arguments.of("missing required argument", "find_orders", Map.of(),
            find + "/: missing required argument 'customerEmail' [required]"),
        Arguments.of("string for an integer", "find_orders", Map.of("customerEmail", "a@example.com", "limit", "5"),
            find + "/limit: must be an integer (got \"5\") [type]"),
        Arguments.of("below minimum", "find_orders", Map.of("customerEmail", "a@example.com", "limit", 0),
            find + "/limit: must be at least 1 (got 0) [minimum]"),
        Arguments.of("above maximum", "find_orders", Map.of("customerEmail", "a@example.com", "limit", 101),
            find + "/limit: must be at most 100 (got 101) [maximum]"),
        Arguments.of("fraction for an int", "find_orders", Map.of("customerEmail", "a@example.com", "limit", 2.5),
            find + "/limit: must be an integer (got 2.5) [type]"),
        Arguments.of("bad enum", "find_orders", Map.of("customerEmail", "a@example.com", "status", "LOST"),
            find + "/status: must be one of OPEN, SHIPPED, CANCELLED (got \"LOST\") [enum]"),
        Arguments.of("null for a required argument", "find_orders", nullEmail,
            find + "/customerEmail: must not be null (got null) [type]"),
        Arguments.of("every violation at once", "find_orders", several,
            find + "/extra: unknown argument [additionalProperties]\n"
                + "/: missing required argument 'customerEmail' [required]\n"
                + "/status: must be one of OPEN, SHIPPED, CANCELLED (got \"LOST\") [enum]\n"
                + "/limit: must be at least 1 (got 0) [minimum]"),
        Arguments.of("pattern", "get_order", Map.of("id", "x"),
            "Invalid arguments for tool 'get_order':\n/id: must match the pattern [A-Z]-[0-9]{4} (got \"x\") [pattern]"),
        Arguments.of("pattern matches the whole value", "get_order", Map.of("id", "A-10011"),
            "Invalid arguments for tool 'get_order':\n/id: must match the pattern [A-Z]-[0-9]{4} (got \"A-10011\") [pattern]"),
        Arguments.of("unknown argument", "get_order", Map.of("id", "A-1001", "extra", 1),
            "Invalid arguments for tool 'get_order':\n/extra: unknown argument [additionalProperties]"),
        Arguments.of("too long string", "build_report", Map.of("title", t81),
            "Invalid arguments for tool 'build_report':\n/title: must be at most 80 characters long (got \""
                + "t".repeat(64) + "…\") [maxLength]"),
        Arguments.of("blank string", "build_report", Map.of("title", "   "),
            "Invalid arguments for tool 'build_report':\n/title: must not be blank (got \"   \") [pattern]"),
        Arguments.of("exclusive minimum", "read_file", Map.of("path", "README.txt", "maxBytes", 0),
            "Invalid arguments for tool 'read_file':\n/maxBytes: must be greater than 0 (got 0) [exclusiveMinimum]"));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("invalidCalls")
  void invalidCallIsAnIsErrorResultNamingThePointerAndRule(String kind, String tool, Map<String, Object> arguments,
      String expected) {
    CallToolResult result = call(tool, arguments);
    assertEquals(Boolean.TRUE, result.isError(), kind + ": " + result);
    assertEquals(expected, text(result), kind);
    assertNull(result.structuredContent(), kind);
  }

  @Test
  void integerBeyondIntRangeIsRejectedNotWrapped() {
    CallToolResult result = call("find_orders", Map.of("customerEmail", "a@example.com", "limit", 1L << 40));
    assertEquals(Boolean.TRUE, result.isError(), result.toString());
    assertTrue(text(result).startsWith("Invalid arguments for tool 'find_orders':\n/limit: must be at most "),
        text(result));
    assertTrue(text(result).endsWith("(got 1099511627776) [maximum]"), text(result));
  }

  @Test
  void notAnEmailIsRejectedWithoutEchoingTheRedactedValue() {
    String value = "ada.lovelace-private-at-nowhere";
    CallToolResult result = call("find_orders", Map.of("customerEmail", value));
    assertEquals(Boolean.TRUE, result.isError(), result.toString());
    assertEquals("Invalid arguments for tool 'find_orders':\n"
        + "/customerEmail: must be an e-mail address (value redacted) [format]", text(result));
    assertFalse(result.toString().contains("lovelace"), "the @Redact value was echoed: " + result);
  }

  @Test
  void pathTraversalIsRejectedWithoutRevealingTheRoot() {
    for (String path : List.of("../../etc/passwd", "notes/../../etc/passwd")) {
      CallToolResult result = call("read_file", Map.of("path", path));
      assertEquals(Boolean.TRUE, result.isError(), path + ": " + result);
      assertEquals("Invalid arguments for tool 'read_file':\n/path: path outside the allowed root [safePath]",
          text(result), path);
      assertRevealsNothing(result);
    }
  }

  /**
   * An absolute path is refused before it is resolved, with its own reason. (DESIGN.md §4 step 5 words every
   * escape as "path outside the allowed root"; the runtime gives "path must be relative" here: reported.)
   */
  @Test
  void absolutePathIsRejectedWithoutRevealingTheRoot() {
    CallToolResult result = call("read_file", Map.of("path", "/etc/passwd"));
    assertEquals(Boolean.TRUE, result.isError(), result.toString());
    assertEquals("Invalid arguments for tool 'read_file':\n/path: path must be relative [safePath]", text(result));
    assertRevealsNothing(result);

    CallToolResult inside = call("read_file", Map.of("path", workspace.resolve("README.txt").toString()));
    assertEquals(Boolean.TRUE, inside.isError(), "even an absolute path inside the root is refused: " + inside);
    assertRevealsNothing(inside);
  }

  @Test
  void missingFileAndWrongKindAreRejected() {
    CallToolResult missing = call("read_file", Map.of("path", "nothing-here.txt"));
    assertEquals(Boolean.TRUE, missing.isError());
    assertEquals("Invalid arguments for tool 'read_file':\n/path: path must exist [safePath]", text(missing));
    CallToolResult directory = call("read_file", Map.of("path", "notes"));
    assertEquals("Invalid arguments for tool 'read_file':\n/path: path must be a file [safePath]", text(directory));
    assertRevealsNothing(missing);
  }

  private void assertRevealsNothing(CallToolResult result) {
    String all = result.toString();
    assertFalse(all.contains(workspace.toString()), "the workspace root was revealed: " + all);
    assertFalse(all.contains(workspace.getFileName().toString()), "the workspace folder was revealed: " + all);
    assertFalse(all.contains("/etc"), "the path was echoed: " + all);
    assertFalse(all.contains("passwd"), "the path was echoed: " + all);
  }

  // ---------------------------------------------------------------- errors of the tools themselves

  @Test
  void crashShowsOnlyAReferenceNeverTheException() {
    CallToolResult result = call("crash", Map.of());
    assertEquals(Boolean.TRUE, result.isError(), result.toString());
    assertTrue(text(result).matches("internal error \\(ref [A-Za-z0-9_-]+\\)"), text(result));
    String all = result.toString();
    for (String leak : List.of("password", "db-internal", "5432", "Exception", "IllegalState", "at dev.")) {
      assertFalse(all.contains(leak), "'" + leak + "' leaked: " + all);
    }
    String second = text(call("crash", Map.of()));
    assertFalse(second.equals(text(result)), "each failure gets its own reference: " + second);
  }

  @Test
  void unknownOrderIsTheToolsOwnMessage() {
    CallToolResult result = call("get_order", Map.of("id", "Z-9999"));
    assertEquals(Boolean.TRUE, result.isError(), result.toString());
    assertEquals("no order Z-9999", text(result));
  }

  @Test
  void unknownToolIsAJsonRpcInvalidParamsError() {
    McpError error = assertThrows(McpError.class, () -> call("no_such_tool", Map.of()));
    assertEquals(-32602, error.getJsonRpcError().code(), error.toString());
  }

  @Test
  void theServerKeepsServingAfterEveryKindOfError() {
    call("crash", Map.of());
    call("find_orders", Map.of("limit", "x"));
    assertThrows(McpError.class, () -> call("no_such_tool", Map.of()));
    assertOk(call("get_order", Map.of("id", "A-1001")));
    assertNotNull(client.ping());
  }

  // ---------------------------------------------------------------- helpers

  protected CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(new CallToolRequest(tool, arguments));
  }

  private Map<String, Tool> tools() {
    Map<String, Tool> byName = new LinkedHashMap<>();
    client.listTools().tools().forEach(t -> byName.put(t.name(), t));
    return byName;
  }

  private Tool tool(String name) {
    Tool tool = tools().get(name);
    assertNotNull(tool, "no tool " + name);
    return tool;
  }

  static CallToolResult assertOk(CallToolResult result) {
    assertNotEquals(Boolean.TRUE, result.isError(), () -> "isError: " + result);
    return result;
  }

  /** The text of the one text content of {@code result}. */
  static String text(CallToolResult result) {
    List<Content> content = result.content();
    assertEquals(1, content.size(), () -> "one content item expected: " + result);
    assertTrue(content.get(0) instanceof TextContent, () -> "text content expected: " + result);
    return ((TextContent) content.get(0)).text();
  }

  static JsonNode json(Object value) {
    return NodeTools.JSON.valueToTree(value);
  }

  /** Compares parsed JSON trees (object member order does not matter; array order does). */
  static void assertJson(String expected, Object actual, String what) {
    JsonNode want = NodeTools.JSON.readTree(expected);
    JsonNode got = actual instanceof JsonNode node ? node : json(actual);
    assertEquals(want, got, () -> what + "\nexpected:\n" + want.toPrettyString() + "\nactual:\n" + got.toPrettyString());
  }

  private static <T> List<T> awaitAll(List<T> received, Predicate<T> mine, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // only a hang takes this long
    while (System.nanoTime() < deadline) {
      List<T> matching = received.stream().filter(mine).toList();
      if (matching.size() >= count) {
        assertEquals(count, matching.size(), "more notifications than expected: " + matching);
        return matching;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("expected " + count + " notifications within 60 s, got " + received);
  }
}
