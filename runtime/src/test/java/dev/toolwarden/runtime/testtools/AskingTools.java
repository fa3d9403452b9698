package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.InputAnswers;
import dev.toolwarden.runtime.Inputs;
import dev.toolwarden.runtime.ToolContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

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
    McpSchema.CreateMessageResult r = ctx.sample(McpSchema.CreateMessageRequest.builder()
        .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new McpSchema.TextContent("Summarise"))))
        .maxTokens(10).build());
    return r.model() + ": " + text(r);
  }

  public String canAsk(ToolContext ctx) {
    return "canElicit=" + ctx.canElicit();
  }

  private static McpSchema.CreateMessageRequest greeting() {
    return McpSchema.CreateMessageRequest.builder()
        .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER,
            new McpSchema.TextContent("Generate a greeting"))))
        .maxTokens(50).build();
  }

  private static String text(McpSchema.CreateMessageResult r) {
    return r.content() instanceof McpSchema.TextContent t ? t.text() : String.valueOf(r.content());
  }

  private static String uris(List<McpSchema.Root> roots) {
    return roots.stream().map(McpSchema.Root::uri).collect(Collectors.joining(","));
  }

  /** Three questions of three kinds at once, each under the tool's key: one round trip under 2026-07-28. */
  public String gather(ToolContext ctx) {
    InputAnswers a = ctx.ask(Inputs.create()
        .elicit("confirm", Confirmation.class, "Proceed?")
        .sample("greeting", greeting())
        .listRoots("client_roots"));
    return "confirm=" + a.elicited("confirm", Confirmation.class).value().confirm()
        + " greeting=" + text(a.sampled("greeting")) + " roots=" + uris(a.roots("client_roots"));
  }

  /** A form under the key the client expects. */
  public String keyedQuestion(ToolContext ctx) {
    Elicited<Confirmation> a = ctx.elicit("user_name", Confirmation.class, "Proceed?");
    return "reason=" + a.value().reason();
  }

  /** The client's roots (classic roots/list, or a roots/list input request). */
  public String listRoots(ToolContext ctx) {
    if (!ctx.canListRoots()) {
      return "no roots";
    }
    return "roots=" + uris(ctx.roots());
  }

  /** Asks only what the client declared it can answer. */
  public String whatItCan(ToolContext ctx) {
    Inputs inputs = Inputs.create();
    if (ctx.canElicit()) {
      inputs = inputs.elicit("confirm", Confirmation.class, "Proceed?");
    }
    if (ctx.canSample()) {
      inputs = inputs.sample("greeting", greeting());
    }
    InputAnswers a = ctx.ask(inputs);
    return (ctx.canElicit() ? "confirmed " : "") + (ctx.canSample() ? text(a.sampled("greeting")) : "");
  }

  /** A prompt that asks the user for its context first. */
  public String askingPrompt(ToolContext ctx) {
    return "Use this context: " + ctx.elicit("user_context", Confirmation.class, "What context?").value().reason();
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
