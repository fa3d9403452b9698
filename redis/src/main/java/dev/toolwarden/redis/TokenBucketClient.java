package dev.toolwarden.redis;

import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs the token-bucket script ({@code token_bucket.lua}) in Redis over one Lettuce connection:
 * one {@code EVALSHA} round trip per decision, bounded by a deadline.
 *
 * <p>Nothing touches the network until {@link #connectInBackground()} or the first
 * {@link #take}. The connection does not reconnect by itself: a lost connection fails the
 * commands in flight at once (instead of keeping them for a reconnect that may never come, and
 * replaying them twice if it does), and the next call that needs Redis connects again, waiting for
 * that at most the connect timeout. The script is loaded once per connection ({@code SCRIPT LOAD}, sent before the first
 * {@code EVALSHA} on the same connection, so it is known when that arrives); a Redis that lost it
 * since ({@code SCRIPT FLUSH}) gets it again through one {@code EVAL}.
 */
final class TokenBucketClient implements AutoCloseable {

  static final String SCRIPT = loadScript();
  static final String SCRIPT_SHA = Hashes.hex("SHA-1", SCRIPT);
  /** Lua numbers are doubles: integers are exact up to 2^53. */
  private static final long MAX_EXACT = 1L << 52;

  private final RedisURI uri;
  private final ClientResources resources;
  private final RedisClient client;
  private final long timeoutNanos;
  private final long connectTimeoutNanos;
  private final LongSupplier nanoClock;

  private final Object lock = new Object();
  private volatile StatefulRedisConnection<String, String> connection;
  private CompletableFuture<StatefulRedisConnection<String, String>> connecting; // guarded by lock
  private boolean closed; // guarded by lock

  /** Prepares the client (threads start lazily; no connection yet). */
  TokenBucketClient(RedisURI uri, Duration timeout, Duration connectTimeout, LongSupplier nanoClock) {
    this.uri = uri;
    this.timeoutNanos = timeout.toNanos();
    this.connectTimeoutNanos = connectTimeout.toNanos();
    this.nanoClock = nanoClock;
    this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
    this.client = RedisClient.create(resources);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        // no timer per command: each call bounds its own wait and cancels what it gave up on
        .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).tcpNoDelay(true).build())
        .build());
  }

  /** Starts connecting and loading the script, without waiting, so that the first decision need not. */
  void connectInBackground() {
    connect();
  }

  /**
   * Takes one token from the bucket at {@code redisKey} in Redis: waits at most the timeout for the
   * answer, after at most the connect timeout for a connection when there is no open one.
   *
   * @throws RedisCallFailure when Redis gave no decision in time
   */
  RateLimitDecision take(String redisKey, int permits, long windowMillis) throws RedisCallFailure {
    // counted in ticks of `tick` microseconds so that permits x window stays exact in Lua's doubles
    long windowMicros = Math.multiplyExact(windowMillis, 1000L);
    long tick = 1;
    while (windowMicros / tick > 1 && (double) permits * (windowMicros / tick) > MAX_EXACT) {
      tick *= 10;
    }
    String[] keys = {redisKey};
    String[] args = {Integer.toString(permits), Long.toString(Math.max(1, windowMicros / tick)), Long.toString(tick)};
    try {
      StatefulRedisConnection<String, String> c = connection;
      if (c == null || !c.isOpen()) {
        // opening a connection has its own bound (a cold JVM on a busy host needs more than one answer does)
        c = awaitConnection(nanoClock.getAsLong() + connectTimeoutNanos);
      }
      long deadline = nanoClock.getAsLong() + timeoutNanos;
      long reply;
      try {
        reply = await(c.async().<Long>evalsha(SCRIPT_SHA, ScriptOutputType.INTEGER, keys, args), deadline);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RedisNoScriptException)) {
          throw e;
        }
        reply = await(c.async().<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keys, args), deadline);
      }
      // the script answers 0 when it took a token, else the retry-after in milliseconds (at least 1)
      return reply == 0 ? RateLimitDecision.allow() : RateLimitDecision.deny(reply);
    } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw RedisCallFailure.of(e);
    }
  }

  /** Closes the connection and the client's threads. */
  @Override
  public void close() {
    StatefulRedisConnection<String, String> c;
    synchronized (lock) {
      closed = true;
      if (connecting != null) {
        connecting.cancel(false);
      }
      c = connection;
      connection = null;
    }
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** The open connection, or the attempt to make one (one at a time; a failed attempt is retried by the next caller). */
  private CompletableFuture<StatefulRedisConnection<String, String>> connect() {
    synchronized (lock) {
      StatefulRedisConnection<String, String> c = connection;
      if (c != null && c.isOpen()) {
        return CompletableFuture.completedFuture(c);
      }
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("the Redis rate limiter is closed"));
      }
      if (connecting == null || connecting.isDone()) {
        CompletableFuture<StatefulRedisConnection<String, String>> attempt =
            client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture().thenApply(this::opened);
        connecting = attempt;
      }
      return connecting;
    }
  }

  private StatefulRedisConnection<String, String> opened(StatefulRedisConnection<String, String> c) {
    c.async().scriptLoad(SCRIPT); // pipelined: Redis runs it before any EVALSHA sent after it
    StatefulRedisConnection<String, String> previous;
    synchronized (lock) {
      if (closed) {
        c.closeAsync();
        throw new IllegalStateException("the Redis rate limiter is closed");
      }
      previous = connection;
      connection = c;
    }
    if (previous != null && previous != c) {
      previous.closeAsync();
    }
    return c;
  }

  /** Waits for a command's reply until the deadline; a command not answered by then is cancelled. */
  private <T> T await(RedisFuture<T> command, long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    try {
      return command.get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      command.cancel(false);
      throw e;
    }
  }

  /** Waits for the shared connection attempt until the deadline (it goes on for the next caller if this one gives up). */
  private StatefulRedisConnection<String, String> awaitConnection(long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    return connect().get(remaining(deadline), TimeUnit.NANOSECONDS);
  }

  private long remaining(long deadline) {
    return Math.max(0, deadline - nanoClock.getAsLong());
  }

  private static String loadScript() {
    try (InputStream in = TokenBucketClient.class.getResourceAsStream("token_bucket.lua")) {
      if (in == null) {
        throw new IllegalStateException("token_bucket.lua is missing from toolwarden-redis");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read token_bucket.lua", e);
    }
  }
}
