package dev.toolwarden.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Node.js MCP clients of {@code integration-tests/node/} (TypeScript SDK harnesses {@code ts-client.mjs} for
 * SDK 1.x and {@code ts2-client.mjs} for SDK 2.x, {@code @modelcontextprotocol/inspector-cli}), run from JUnit.
 *
 * <p>Every entry point first calls {@link #require()}: Node.js 20+ on the PATH and
 * {@code node_modules} installed by {@code npm ci} with the versions {@code package.json} pins.
 * Missing → the test fails under {@code CI=true} and is skipped with a warning elsewhere
 * ({@link Components#require}).
 */
public final class NodeTools {

  public static final ObjectMapper JSON = JsonMapper.builder().build();
  public static final String COMPONENT = "Node.js 20+ MCP clients (integration-tests/node, npm ci)";
  private static final int MIN_NODE_MAJOR = 20;
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

  private NodeTools() {}

  /** The result of one Node process. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    /** stdout as one JSON document; fails the test with everything printed when it is not JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (JacksonException e) {
        throw new AssertionError("not one JSON document on stdout of " + command + " (exit " + exitCode + ")\nstdout:\n"
            + stdout + "\nstderr:\n" + stderr, e);
      }
    }

    /** Fails the test unless the process exited 0. */
    public Result assertSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(command + " exited " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
      }
      return this;
    }
  }

  /** The folder holding package.json, package-lock.json, ts-client.mjs and node_modules. */
  public static Path nodeDir() {
    String configured = System.getProperty("toolwarden.it.nodeDir");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path candidate : List.of(Path.of("node"), Path.of("integration-tests", "node"))) {
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    return Path.of("node").toAbsolutePath().normalize();
  }

  /** Skips (locally) or fails (CI) the calling test unless the Node clients can run. */
  public static void require() {
    Components.require(COMPONENT, NodeTools::problem);
  }

  /** Why the Node clients cannot run, or {@code null} when they can. */
  static String problem() {
    Optional<Path> node = onPath("node");
    if (node.isEmpty()) {
      return "no 'node' on the PATH (install Node.js " + MIN_NODE_MAJOR + "+: apt-get install nodejs npm)";
    }
    if (onPath("npx").isEmpty()) {
      return "no 'npx' on the PATH (install npm: apt-get install npm)";
    }
    String version;
    try {
      version = runRaw(List.of(node.get().toString(), "--version"), Path.of("."), Duration.ofSeconds(20)).stdout().trim();
    } catch (RuntimeException e) {
      return "'node --version' failed: " + e.getMessage();
    }
    int major;
    try {
      major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
    } catch (NumberFormatException e) {
      return "cannot read the Node.js version from '" + version + "'";
    }
    if (major < MIN_NODE_MAJOR) {
      return "Node.js " + version + " is older than " + MIN_NODE_MAJOR;
    }
    Path dir = nodeDir();
    Path packageJson = dir.resolve("package.json");
    if (!Files.isRegularFile(packageJson)) {
      return "no " + packageJson;
    }
    JsonNode dependencies;
    try {
      dependencies = JSON.readTree(packageJson.toFile()).path("dependencies");
    } catch (JacksonException e) {
      return "cannot read " + packageJson + ": " + e.getMessage();
    }
    for (Map.Entry<String, JsonNode> dependency : dependencies.properties()) {
      String name = dependency.getKey();
      String declared = dependency.getValue().asString();
      // an npm alias ("name": "npm:@scope/package@version", a second version of one package) pins the version after the last '@'
      String pinned = declared.startsWith("npm:") ? declared.substring(declared.lastIndexOf('@') + 1) : declared;
      Path installed = dir.resolve("node_modules").resolve(name).resolve("package.json");
      if (!Files.isRegularFile(installed)) {
        return name + " is not installed in " + dir.resolve("node_modules") + " (run: npm ci --prefix " + dir + ")";
      }
      String installedVersion;
      try {
        installedVersion = JSON.readTree(installed.toFile()).path("version").asString();
      } catch (JacksonException e) {
        return "cannot read " + installed + ": " + e.getMessage();
      }
      if (!pinned.equals(installedVersion)) {
        return name + " " + installedVersion + " is installed but package.json pins " + pinned + " (run: npm ci --prefix " + dir
            + ")";
      }
    }
    return null;
  }

  /**
   * Runs {@code ts-client.mjs} with {@code plan} and returns its JSON report (see the script's
   * header for both formats). Fails the test when the harness does not print one JSON document.
   */
  public static JsonNode tsClient(JsonNode plan) {
    return tsClient(plan, DEFAULT_TIMEOUT);
  }

  public static JsonNode tsClient(JsonNode plan, Duration timeout) {
    return driver("ts-client.mjs", plan, timeout);
  }

  /**
   * Runs {@code ts2-client.mjs} (the TypeScript SDK v2, {@code @modelcontextprotocol/client}) with {@code plan} and
   * returns its JSON report: as {@link #tsClient}'s, plus the era the client negotiated and the wire record (see the
   * script's header). The plan's {@code negotiation} chooses the era: {@code legacy} (the SDK's default),
   * {@code auto}, or a pinned version such as {@code 2026-07-28}.
   */
  public static JsonNode ts2Client(JsonNode plan) {
    return driver("ts2-client.mjs", plan, DEFAULT_TIMEOUT);
  }

  private static JsonNode driver(String script, JsonNode plan, Duration timeout) {
    require();
    Path dir = nodeDir();
    Result result = runRaw(List.of(onPath("node").orElseThrow().toString(), dir.resolve(script).toString(),
        JSON.writeValueAsString(plan)), dir, timeout);
    JsonNode report = result.json();
    if (!report.path("ok").asBoolean(false) || result.exitCode() != 0) {
      throw new AssertionError(script + " failed (exit " + result.exitCode() + "): " + report.path("failure").asString("")
          + "\nreport:\n" + report.toPrettyString() + "\nstderr:\n" + result.stderr());
    }
    return report;
  }

  /** A stdio plan: the client spawns {@code command}. */
  public static ObjectNode stdioPlan(List<String> command, Map<String, String> env) {
    ObjectNode plan = JSON.createObjectNode();
    ObjectNode transport = plan.putObject("transport");
    transport.put("type", "stdio");
    transport.put("command", command.get(0));
    command.subList(1, command.size()).forEach(transport.putArray("args")::add);
    ObjectNode envNode = transport.putObject("env");
    env.forEach(envNode::put);
    plan.putArray("steps");
    return plan;
  }

  /** An HTTP plan against {@code url}, with optional headers (e.g. Authorization). */
  public static ObjectNode httpPlan(java.net.URI url, Map<String, String> headers) {
    ObjectNode plan = JSON.createObjectNode();
    ObjectNode transport = plan.putObject("transport");
    transport.put("type", "http");
    transport.put("url", url.toString());
    ObjectNode headerNode = transport.putObject("headers");
    headers.forEach(headerNode::put);
    plan.putArray("steps");
    return plan;
  }

  /** Adds a {@code listTools} step. */
  public static ObjectNode listTools(ObjectNode plan) {
    ((tools.jackson.databind.node.ArrayNode) plan.get("steps")).addObject().put("op", "listTools");
    return plan;
  }

  /** Adds a {@code callTool} step. */
  public static ObjectNode callTool(ObjectNode plan, String name, Map<String, ?> arguments) {
    ObjectNode step = ((tools.jackson.databind.node.ArrayNode) plan.get("steps")).addObject();
    step.put("op", "callTool");
    step.put("name", name);
    step.set("arguments", JSON.valueToTree(arguments));
    return plan;
  }

  /**
   * Adds a step of {@code op} with the given fields ({@code listResources}, {@code listResourceTemplates},
   * {@code readResource} {@code uri}, {@code listPrompts}, {@code getPrompt} {@code name, arguments},
   * {@code complete} {@code ref, argument}: see {@code node/ts-client.mjs}).
   */
  public static ObjectNode step(ObjectNode plan, String op, Map<String, ?> fields) {
    ObjectNode step = ((tools.jackson.databind.node.ArrayNode) plan.get("steps")).addObject();
    step.put("op", op);
    fields.forEach((k, v) -> step.set(k, JSON.valueToTree(v)));
    return plan;
  }

  /**
   * Runs the locally installed, pinned {@code @modelcontextprotocol/inspector-cli} as
   * {@code node <its "bin" script> --cli <args…>} and returns what it printed. This is what
   * {@code npx --no -- @modelcontextprotocol/inspector-cli --cli …} ends up running, without npx's
   * own start-up (about 2 s per call here), so the CLI tests stay fast; never a download.
   *
   * <p>The CLI's real flags (1.0.3): a target first — a server command with its arguments (stdio)
   * or a URL — then {@code --method tools/list|tools/call|resources/list|resources/read|
   * resources/templates/list|prompts/list|prompts/get|logging/setLevel}, {@code --tool-name N},
   * {@code --tool-arg k=v [k=v…]} (each value JSON-parsed when it parses, then coerced to the
   * tool's schema type: "abc" for a number becomes null), {@code --transport stdio|http|sse}
   * (a URL ending in /mcp means http), {@code --header "Name: value"}, {@code -e KEY=VALUE} (stdio
   * server environment), {@code --metadata k=v}, {@code --tool-metadata k=v}. A server command's
   * own arguments must not look like those flags.
   *
   * <p>It prints the method's result as pretty JSON on stdout and exits 0, also for a tool's
   * {@code isError} result (read it from the JSON); it exits 1, with the reason on stderr, when it
   * could not connect or the server answered with a JSON-RPC error (e.g. an unknown tool).
   */
  public static Result inspectorCli(List<String> args) {
    return inspectorCli(args, DEFAULT_TIMEOUT);
  }

  public static Result inspectorCli(List<String> args, Duration timeout) {
    require();
    List<String> command = new ArrayList<>(List.of(onPath("node").orElseThrow().toString(),
        inspectorCliScript().toString(), "--cli"));
    command.addAll(args);
    // see node/inspector-cwd/README.md: the CLI only finds its own package.json from a subfolder
    Path cwd = nodeDir().resolve("inspector-cwd");
    try {
      Files.createDirectories(cwd);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return runRaw(command, cwd, timeout);
  }

  /** The inspector CLI's executable script, from the "bin" of its installed package.json. */
  static Path inspectorCliScript() {
    Path pkg = nodeDir().resolve("node_modules").resolve("@modelcontextprotocol").resolve("inspector-cli");
    JsonNode bin = JSON.readTree(pkg.resolve("package.json").toFile()).path("bin");
    String script = bin.isString() ? bin.asString() : bin.path("mcp-inspector-cli").asString("");
    if (script.isEmpty() && bin.isObject() && bin.size() == 1) {
      script = bin.values().iterator().next().asString();
    }
    Path path = pkg.resolve(script).normalize();
    if (script.isEmpty() || !Files.isRegularFile(path)) {
      throw new AssertionError("no executable in " + pkg.resolve("package.json") + " (\"bin\": " + bin + ")");
    }
    return path;
  }

  /** Runs a command in {@code dir}, collecting stdout and stderr; kills its whole tree on timeout. */
  public static Result runRaw(List<String> command, Path dir, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("NO_COLOR", "1");
    builder.environment().put("npm_config_update_notifier", "false");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    try { // nothing is sent on stdin
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // nothing to close
    }
    StreamCollector out = new StreamCollector(process.getInputStream(), null, "node-stdout").start();
    StreamCollector err = new StreamCollector(process.getErrorStream(), "[node stderr] ", "node-stderr").start();
    // the clients start children (npx → node → a stdio server): remember them while they live, so none can
    // outlive this call even after its parent exited and it was re-parented
    java.util.Set<ProcessHandle> seen = new java.util.HashSet<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(seen::add);
        if (System.nanoTime() < deadline) {
          continue;
        }
        ProcessReaper.kill(process.toHandle());
        throw new AssertionError(command + " did not finish within " + timeout + "\nstdout:\n" + out.awaitText(2000)
            + "\nstderr:\n" + err.awaitText(2000));
      }
    } catch (InterruptedException e) {
      ProcessReaper.kill(process.toHandle());
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessReaper::kill);
    }
    return new Result(List.copyOf(command), process.exitValue(), out.awaitText(10_000), err.awaitText(10_000));
  }

  /** An executable on the PATH. */
  public static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (Iterator<String> it = List.of(path.split(java.io.File.pathSeparator)).iterator(); it.hasNext(); ) {
      String entry = it.next();
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
