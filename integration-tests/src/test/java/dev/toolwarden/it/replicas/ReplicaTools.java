package dev.toolwarden.it.replicas;

import dev.toolwarden.McpTool;
import dev.toolwarden.RateLimit;
import dev.toolwarden.RequiresScope;

/** The tools of a {@link ReplicaServer}: which replica answered, and one budget shared by all replicas. */
public final class ReplicaTools {

  /** The budget of {@code limited_global}, per minute, for all replicas together. */
  public static final int GLOBAL_PERMITS = 20;

  private final String name;

  public ReplicaTools(String name) {
    this.name = name;
  }

  /** Names the replica that answered. */
  @McpTool(name = "whoami", idempotent = true, openWorld = false)
  public String whoami() {
    return name;
  }

  /** Names the replica that answered, for callers whose token carries {@code reports:run}. */
  @McpTool(name = "scoped_whoami", idempotent = true, openWorld = false)
  @RequiresScope("reports:run")
  public String scopedWhoami() {
    return name;
  }

  /** Twenty calls a minute for everyone, whichever replica answers. */
  @McpTool(name = "limited_global", idempotent = true, openWorld = false)
  @RateLimit(permits = GLOBAL_PERMITS, per = "1m", key = RateLimit.Key.GLOBAL)
  public String limitedGlobal() {
    return "ok from " + name;
  }
}
