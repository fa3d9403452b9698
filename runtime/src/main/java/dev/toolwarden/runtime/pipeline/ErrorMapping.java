package dev.toolwarden.runtime.pipeline;

import dev.toolwarden.runtime.ToolException;
import dev.toolwarden.runtime.spi.ArgumentsRejectedException;
import dev.toolwarden.runtime.spi.Violation;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost step: turns every exception into an {@code isError} result. Only what is meant
 * for the caller is shown (argument violations, {@link ToolException} messages); anything else
 * becomes "internal error (ref …)" with the details logged under that reference. This replaces
 * the SDK's default, a JSON-RPC -32603 error carrying {@code e.getMessage()}.
 */
public final class ErrorMapping implements CallStep {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  @Override
  public CallToolResult apply(ToolCall call, CallChain next) {
    try {
      return next.proceed(call);
    } catch (ArgumentsRejectedException e) {
      return Results.error(invalidArguments(call.tool().name(), e));
    } catch (ToolException e) {
      return Results.error(e.getMessage() == null ? "tool failed" : e.getMessage());
    } catch (Throwable t) { // NOPMD: every failure must become a sanitized result
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return internalError(call.tool().name(), t);
    }
  }

  /** The text of an invalid-arguments result: a header line and one line per violation. */
  static String invalidArguments(String tool, ArgumentsRejectedException e) {
    StringBuilder b = new StringBuilder("Invalid arguments for tool '").append(tool).append("':");
    for (Violation v : e.violations()) {
      b.append('\n').append(v);
    }
    return b.toString();
  }

  /** Logs {@code t} under a fresh reference and returns the caller-facing result. */
  public static CallToolResult internalError(String tool, Throwable t) {
    String ref = newRef();
    LOG.warn("tool '{}' failed (ref {})", tool, ref, t);
    return Results.error("internal error (ref " + ref + ")");
  }

  static String newRef() {
    char[] c = new char[8];
    for (int i = 0; i < c.length; i++) {
      c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(c);
  }
}
