package dev.toolwarden.runtime.pipeline;

import java.util.Set;

/**
 * Who is calling and what they were granted.
 *
 * @param principal the authenticated principal, {@code "anonymous"} without authentication
 * @param scopes the scopes granted to this caller
 */
public record Caller(String principal, Set<String> scopes) {

  public static final String ANONYMOUS = "anonymous";

  public Caller {
    scopes = Set.copyOf(scopes);
  }
}
