package dev.toolwarden.runtime.internal.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages sent at the same moment from many threads (tool answers, notifications) all reach the
 * client: none is dropped by the SDK's stdio transport ("Failed to enqueue message").
 */
class SerializedSendsTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 400;

  @Test
  @Timeout(300)
  void concurrentSendsAreAllWritten() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PipedOutputStream clientSide = new PipedOutputStream(); // never written: no input, no session traffic
    StdioServerTransportProvider sdk = new StdioServerTransportProvider(McpJsonDefaults.getMapper(),
        new PipedInputStream(clientSide), out);
    AtomicReference<McpServerTransport> transport = new AtomicReference<>();
    new SerializedSends(sdk).setSessionFactory(t -> {
      transport.set(t);
      return null; // the test drives the transport itself
    });
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        pool.submit(() -> {
          start.await();
          for (int i = 0; i < PER_THREAD; i++) {
            try {
              transport.get().sendMessage(new McpSchema.JSONRPCNotification("2.0", "notifications/message",
                  Map.of("thread", thread, "i", i))).block();
            } catch (RuntimeException e) {
              failures.add(e);
            }
          }
          return null;
        });
      }
      start.countDown();
      pool.shutdown();
      assertTrue(pool.awaitTermination(240, TimeUnit.SECONDS), "the senders did not finish");
      assertEquals(List.of(), List.copyOf(failures), "sends failed");
      // the SDK writes on its own thread: wait for the last line, as long as only a hang would take
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines(out) < THREADS * PER_THREAD && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(THREADS * PER_THREAD, lines(out), "messages written");
    } finally {
      pool.shutdownNow();
      clientSide.close();
      sdk.close();
    }
  }

  private static long lines(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8).lines().count();
    }
  }
}
