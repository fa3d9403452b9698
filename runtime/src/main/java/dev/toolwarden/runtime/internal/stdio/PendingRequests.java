package dev.toolwarden.runtime.internal.stdio;

/**
 * Counts requests forwarded to the SDK that it has not answered yet, so that on stdin EOF the
 * server can let in-flight calls finish before closing: the SDK transport drops every outgoing
 * message once its input has ended.
 */
public final class PendingRequests {

  private int pending;

  synchronized void requestForwarded() {
    pending++;
  }

  synchronized void responseWritten() {
    if (pending > 0) {
      pending--;
    }
    if (pending == 0) {
      notifyAll();
    }
  }

  /** How many requests are unanswered now. */
  synchronized int count() {
    return pending;
  }

  /** Waits until no request is pending or {@code timeoutMillis} passed; true when drained. */
  synchronized boolean awaitDrained(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (pending > 0) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}
