package dev.toolwarden.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Kills every process a test started, with all its descendants (npx → node → java), however the
 * test ends.
 *
 * <pre>
 *   &#64;RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();
 *   …
 *   Process p = REAPER.track(builder.start());
 * </pre>
 *
 * Processes tracked while a test method runs are killed after it; those tracked in
 * {@code @BeforeAll} (or outside a test) after the class. A JVM shutdown hook kills whatever is
 * still alive if the test JVM itself is stopped.
 */
public final class ProcessReaper implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private static final Duration GRACE = Duration.ofSeconds(5);
  private static final Set<ProcessHandle> ALIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(ProcessReaper::destroyForcibly),
        "toolwarden-it-process-reaper"));
  }

  private final List<ProcessHandle> classScoped = new ArrayList<>();
  private final List<ProcessHandle> testScoped = new ArrayList<>();
  private volatile boolean inTest;

  /** Tracks {@code process}; returns it. */
  public Process track(Process process) {
    track(process.toHandle());
    return process;
  }

  /**
   * Tracks a process this JVM did not start through a {@link ProcessBuilder} it holds, e.g. the server a
   * client library spawned (find it with {@link #childrenRunning}).
   */
  public ProcessHandle track(ProcessHandle handle) {
    ALIVE.add(handle);
    synchronized (this) {
      (inTest ? testScoped : classScoped).add(handle);
    }
    return handle;
  }

  /** This JVM's live child processes whose command line contains {@code marker}. */
  public static java.util.List<ProcessHandle> childrenRunning(String marker) {
    return ProcessHandle.current().children()
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false)
            || h.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
        .toList();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    inTest = true;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    inTest = false;
    killAll(testScoped);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    killAll(testScoped);
    killAll(classScoped);
  }

  private void killAll(List<ProcessHandle> handles) {
    List<ProcessHandle> copy;
    synchronized (this) {
      copy = new ArrayList<>(handles);
      handles.clear();
    }
    copy.forEach(ProcessReaper::kill);
  }

  /**
   * Stops a process and all its descendants: SIGTERM first (servers get to close), then SIGKILL
   * for whatever is still alive after a grace period.
   */
  public static void kill(ProcessHandle process) {
    List<ProcessHandle> tree = new ArrayList<>();
    process.descendants().forEach(tree::add); // collect before the parent dies and they are re-parented
    tree.add(process);
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
    tree.forEach(ProcessReaper::destroyForcibly);
  }

  private static void destroyForcibly(ProcessHandle handle) {
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    if (handle.isAlive()) {
      handle.destroyForcibly();
    }
    ALIVE.remove(handle);
  }
}
