package dev.toolwarden.runtime.testtools;

/** Rate-limited tools that can be served statelessly: by principal and global keys only. */
public final class LimitedTools {

  public String limited() {
    return "ok";
  }
}
