package dev.toolwarden.it.replicas;

import dev.toolwarden.it.support.FreePort;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** N {@link ReplicaServer} JVMs on fixed ports (so that one can be restarted where the balancer expects it). */
public final class Replicas implements AutoCloseable {

  private final ProcessReaper reaper;
  private final Map<String, String> env;
  private final String mode;
  private final String publicHost;
  private final List<Integer> ports = new ArrayList<>();
  private final List<ServerProcess> processes = new ArrayList<>();
  private final List<ProcessHandle> everStarted = new ArrayList<>();

  private Replicas(ProcessReaper reaper, Map<String, String> env, String mode, String publicHost) {
    this.reaper = reaper;
    this.publicHost = publicHost;
    this.env = Map.copyOf(env);
    this.mode = mode;
  }

  /**
   * Starts {@code n} replicas, {@code stateless} or {@code stateful}, sharing the Redis at {@code redisUrl},
   * accepting the Host {@code publicHost} (the balancer's).
   */
  static Replicas start(int n, String mode, String redisUrl, String publicHost, ProcessReaper reaper) {
    return start(n, mode, Map.of("TOOLWARDEN_REDIS_URL", redisUrl), publicHost, reaper);
  }

  /**
   * Starts {@code n} replicas with {@code env} (e.g. {@code TOOLWARDEN_REDIS_URL}, the {@code TOOLWARDEN_OAUTH_*}
   * settings of a protected resource whose public URL is the balancer's).
   */
  public static Replicas start(int n, String mode, Map<String, String> env, String publicHost, ProcessReaper reaper) {
    Replicas r = new Replicas(reaper, env, mode, publicHost);
    try {
      for (int i = 0; i < n; i++) {
        r.ports.add(FreePort.find());
        r.processes.add(null);
        r.launch(i);
      }
    } catch (RuntimeException | Error e) {
      r.close();
      throw e;
    }
    return r;
  }

  private void launch(int i) {
    ServerProcess.Launch launch = new ServerProcess.Launch(ServerProcess.Launch.mainClass(ReplicaServer.class).prefix(),
        env, "replica-" + (i + 1));
    int port = ports.get(i);
    ServerProcess p = ServerProcess.http(launch, reaper, port, "/mcp", Duration.ofSeconds(90),
        Integer.toString(port), "r" + (i + 1), mode, publicHost);
    processes.set(i, p);
    everStarted.add(p.process().toHandle());
  }

  /** The replicas' own ports, in order. */
  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** SIGKILL: replica {@code i} disappears as in a crash. */
  void kill(int i) throws InterruptedException {
    Process p = processes.get(i).process();
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM (graceful stop), then a new JVM on the same port; returns once it serves. */
  void restart(int i) throws InterruptedException {
    Process p = processes.get(i).process();
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    launch(i);
  }

  /** Every replica JVM this set ever started that is still running (after close: must be none). */
  List<ProcessHandle> stillRunning() {
    return everStarted.stream().filter(ProcessHandle::isAlive).toList();
  }

  @Override
  public void close() {
    for (ServerProcess p : processes) {
      if (p != null) {
        p.close();
      }
    }
  }
}
