package dev.toolwarden.runtime;

import java.util.Optional;

/**
 * The user's answer to {@link ToolContext#elicit(Class, String)}: what they did, and the filled-in record when they
 * accepted. The record was bound and validated by generated code (the constraints of its components hold), exactly
 * as a tool's input is.
 *
 * @param <T> the record the tool asked for
 * @param action what the user did
 * @param value the record when {@code action} is {@link Action#ACCEPT}, otherwise null
 */
public record Elicited<T>(Action action, T value) {

  /** What the user did with the form. */
  public enum Action {
    /** Submitted the form. */
    ACCEPT,
    /** Explicitly refused to answer. */
    DECLINE,
    /** Dismissed the form without choosing. */
    CANCEL
  }

  /** Checks that an accepted answer carries its value and only an accepted one does. */
  public Elicited {
    if (action == null) {
      throw new IllegalArgumentException("action must not be null");
    }
    if ((action == Action.ACCEPT) != (value != null)) {
      throw new IllegalArgumentException("an accepted answer, and only that, carries a value");
    }
  }

  /** Whether the user submitted the form. */
  public boolean accepted() {
    return action == Action.ACCEPT;
  }

  /** The record, when the user submitted it. */
  public Optional<T> answer() {
    return Optional.ofNullable(value);
  }
}
