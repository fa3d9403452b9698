package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.ToolContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tools that ask the user (typed elicitation) and a tool that runs until the client cancels it; the same code for
 * both protocol eras. Its bundle below is what the processor would generate.
 */
public final class AskingTools {

  /** The form {@code delete_files} asks for. */
  public record Confirmation(boolean confirm, String reason) {}

  /** The second form of {@code two_questions}. */
  public record Copies(int copies) {}

  /** How often {@code delete_files} reached its side effect. */
  public static final AtomicInteger DELETIONS = new AtomicInteger();
  /** Released when {@code wait_for_cancel} runs (once per call). */
  public static final Semaphore STARTED = new Semaphore(0);
  /** Released when {@code wait_for_cancel} saw its cancellation (callback and flag). */
  public static final Semaphore STOPPED = new Semaphore(0);

  public String deleteFiles(int count, ToolContext ctx) {
    Elicited<Confirmation> answer = ctx.elicit(Confirmation.class, "Delete " + count + " files?");
    if (!answer.accepted()) {
      return "not deleted: " + answer.action();
    }
    if (!answer.value().confirm()) {
      return "kept";
    }
    DELETIONS.incrementAndGet();
    return "deleted " + count + " (" + answer.value().reason() + ") for " + ctx.principal();
  }

  public String twoQuestions(ToolContext ctx) {
    Elicited<Confirmation> first = ctx.elicit(Confirmation.class, "Print?");
    Elicited<Copies> second = ctx.elicit(Copies.class, "How many copies?");
    return "print=" + first.value().confirm() + " copies=" + second.value().copies();
  }

  /** Samples the client's model (needs the client's {@code sampling} capability). */
  public String summarise(ToolContext ctx) {
    return ctx.sample(io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest.builder()
        .messages(java.util.List.of(new io.modelcontextprotocol.spec.McpSchema.SamplingMessage(
            io.modelcontextprotocol.spec.McpSchema.Role.USER, new io.modelcontextprotocol.spec.McpSchema.TextContent("Summarise"))))
        .maxTokens(10).build()).model();
  }

  public String canAsk(ToolContext ctx) {
    return "canElicit=" + ctx.canElicit();
  }

  /** Loops until the client cancels: waits on the cancellation callback, then checks the flag. */
  public String waitForCancel(ToolContext ctx) throws InterruptedException {
    CountDownLatch cancelled = new CountDownLatch(1);
    ctx.onCancel(cancelled::countDown);
    STARTED.release();
    // a bound only a broken cancellation reaches; the test fails on STOPPED long before
    boolean seen = cancelled.await(120, TimeUnit.SECONDS);
    if (seen && ctx.isCancelled()) {
      STOPPED.release();
      return "stopped";
    }
    return "never cancelled";
  }
}
