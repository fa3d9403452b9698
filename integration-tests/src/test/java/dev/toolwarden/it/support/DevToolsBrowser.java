package dev.toolwarden.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Debian's {@code chromium}, headless, with a throw-away profile, driven over the Chrome DevTools Protocol: the
 * browser's own debugging port ({@code --remote-debugging-port=0}, the port read from {@code DevToolsActivePort} in
 * the profile) and the JDK's WebSocket client, so no browser automation library is needed. One page (tab): navigate,
 * evaluate JavaScript in it. The process tree is tracked by the test's {@link ProcessReaper}; {@link #close()} ends it.
 *
 * <p>A missing {@code chromium} fails the test under {@code CI=true} and skips it elsewhere ({@link Components}).
 */
public final class DevToolsBrowser implements AutoCloseable {

  public static final String COMPONENT = "Chromium (Debian package chromium)";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private DevToolsBrowser(Process process, Path log, WebSocket socket) {
    this.process = process;
    this.log = log;
    this.socket = socket;
  }

  /** Starts chromium with a fresh profile in {@code profile} (an empty folder) and connects to its one page. */
  public static DevToolsBrowser start(Path profile, ProcessReaper reaper) throws IOException, InterruptedException {
    String binary = binary();
    Files.createDirectories(profile);
    Path log = profile.resolveSibling(profile.getFileName() + "-chromium.log");
    Process p = reaper.track(new ProcessBuilder(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--password-store=basic",
        "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--window-size=1280,900", "about:blank"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start());
    try {
      int port = awaitPort(profile.resolve("DevToolsActivePort"), p, log, Duration.ofSeconds(120));
      String page = pageSocketUrl(port, Duration.ofSeconds(60));
      DevToolsBrowser[] self = new DevToolsBrowser[1];
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
          .buildAsync(URI.create(page), new Listener(message -> self[0].dispatch(message)))
          .get(60, TimeUnit.SECONDS);
      self[0] = new DevToolsBrowser(p, log, ws);
      self[0].command("Page.enable", JSON.createObjectNode());
      self[0].command("Runtime.enable", JSON.createObjectNode());
      return self[0];
    } catch (ExecutionException | TimeoutException | RuntimeException | Error e) {
      ProcessReaper.kill(p.toHandle());
      throw new AssertionError("cannot drive chromium over the DevTools protocol: " + e + "\n" + tail(log), e);
    }
  }

  /** Opens {@code url} in the page (returns when the navigation started, not when the page loaded). */
  public void navigate(String url) {
    JsonNode r = command("Page.navigate", JSON.createObjectNode().put("url", url));
    if (r.hasNonNull("errorText")) {
      throw new AssertionError("chromium could not open " + url + ": " + r.path("errorText").asString());
    }
  }

  /**
   * Evaluates {@code expression} in the page and returns its value (JSON-serialisable); null while the page is
   * between documents (the context was destroyed by a navigation) or when the expression threw.
   */
  public JsonNode evaluate(String expression) {
    JsonNode r;
    try {
      r = command("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
          .put("returnByValue", true).put("awaitPromise", false));
    } catch (DevToolsError e) {
      return null; // e.g. "Execution context was destroyed" in the middle of a navigation
    }
    if (r.has("exceptionDetails")) {
      return null;
    }
    return r.path("result").path("value");
  }

  /** A JavaScript string literal of {@code text}. */
  public static String js(String text) {
    return JSON.writeValueAsString(text);
  }

  /** What chromium printed (for failure messages). */
  public String logTail() {
    return tail(log);
  }

  private JsonNode command(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    synchronized (socket) {
      socket.sendText(JSON.writeValueAsString(message), true).join();
    }
    try {
      JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new DevToolsError(method + ": " + reply.path("error"));
      }
      return reply.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("no DevTools answer to " + method + " within " + COMMAND_TIMEOUT + ": " + e
          + "\n" + tail(log), e);
    } finally {
      pending.remove(id);
    }
  }

  private void dispatch(String text) {
    JsonNode message = JSON.readTree(text);
    if (message.has("id")) {
      CompletableFuture<JsonNode> waiting = pending.get(message.path("id").asInt());
      if (waiting != null) {
        waiting.complete(message);
      }
    } // events (no id) are not needed: the caller polls the page's state
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // the browser goes anyway
    }
    ProcessReaper.kill(process.toHandle());
  }

  /** A DevTools command the browser answered with an error. */
  static final class DevToolsError extends RuntimeException {
    DevToolsError(String message) {
      super(message);
    }
  }

  /** Collects each text message (possibly in parts) and hands it on. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<String> onMessage;
    private final StringBuilder partial = new StringBuilder();

    Listener(java.util.function.Consumer<String> onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        onMessage.accept(message);
      }
      webSocket.request(1);
      return null;
    }
  }

  private static int awaitPort(Path file, Process p, Path log, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      if (!p.isAlive()) {
        throw new AssertionError("chromium exited with " + p.exitValue() + ":\n" + tail(log));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("chromium wrote no DevToolsActivePort within " + timeout + ":\n" + tail(log));
  }

  /** The WebSocket URL of the browser's page target, from {@code /json/list}. */
  private static String pageSocketUrl(int port, Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
          .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
      last = r.body();
      for (JsonNode target : JSON.readTree(r.body())) {
        if ("page".equals(target.path("type").asString()) && target.hasNonNull("webSocketDebuggerUrl")) {
          return target.path("webSocketDebuggerUrl").asString();
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("chromium shows no page target: " + last);
  }

  /** Skips (locally) or fails (CI) the calling test unless {@code chromium} is on the PATH. */
  public static void require() {
    binary();
  }

  static String binary() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    Components.require(COMPONENT, "no chromium on the PATH: apt-get install chromium (.ci/run installs it)");
    return null; // not reached
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no chromium log: " + e + ")";
    }
  }
}
