package dev.toolwarden.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.redis.OutageBreaker.Pass;
import dev.toolwarden.redis.RedisCallFailure.Kind;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The outage state machine on a hand-moved clock: when an outage is declared, probed, reported and ended. */
class OutageBreakerTest {

  static final long PROBE_NANOS = TimeUnit.SECONDS.toNanos(1);

  final AtomicLong now = new AtomicLong(42);
  final List<String> heard = new ArrayList<>();
  final OutageBreaker breaker = new OutageBreaker(3, PROBE_NANOS, now::get, new OutageBreaker.Listener() {
    @Override
    public void unavailable(RedisCallFailure cause) {
      heard.add("unavailable " + cause.kind());
    }

    @Override
    public void singleFailure(RedisCallFailure cause) {
      heard.add("single " + cause.kind());
    }

    @Override
    public void stillUnavailable(long downMillis, long decidedByPolicy, RedisCallFailure cause) {
      heard.add("still " + downMillis + " ms " + decidedByPolicy);
    }

    @Override
    public void recovered(long downMillis, long decidedByPolicy) {
      heard.add("recovered " + downMillis + " ms " + decidedByPolicy);
    }
  });

  static RedisCallFailure failure(Kind kind) {
    return new RedisCallFailure(kind, new RuntimeException("test"));
  }

  @Test
  void aLostConnectionIsAnOutageAtOnce() {
    assertEquals(Pass.ASK, breaker.pass());
    breaker.failed(Pass.ASK, failure(Kind.CONNECTION));
    assertTrue(breaker.isOpen());
    assertEquals(List.of("unavailable CONNECTION"), heard);
    assertEquals(0, breaker.singleFailures());
    assertEquals(1, breaker.outages());
  }

  @Test
  void slowAnswersAreAnOutageOnlyWhenThresholdComeInARow() {
    breaker.failed(Pass.ASK, failure(Kind.SLOW));
    breaker.failed(Pass.ASK, failure(Kind.ERROR_REPLY));
    breaker.succeeded(Pass.ASK); // an answer in between starts the count again
    breaker.failed(Pass.ASK, failure(Kind.SLOW));
    breaker.failed(Pass.ASK, failure(Kind.SLOW));
    assertFalse(breaker.isOpen());
    assertEquals(4, breaker.singleFailures());
    breaker.failed(Pass.ASK, failure(Kind.SLOW));
    assertTrue(breaker.isOpen());
    assertEquals(List.of("single SLOW", "single ERROR_REPLY", "single SLOW", "single SLOW", "unavailable SLOW"), heard);
  }

  @Test
  void anInterruptedCallSaysNothingAboutRedis() {
    for (int i = 0; i < 5; i++) {
      breaker.failed(Pass.ASK, failure(Kind.INTERRUPTED));
    }
    assertFalse(breaker.isOpen());
    assertEquals(List.of(), heard);
  }

  @Test
  void oneProbePerIntervalThenRecovery() {
    breaker.failed(breaker.pass(), failure(Kind.CONNECTION));
    assertEquals(Pass.SKIP, breaker.pass(), "no probe before the interval");
    breaker.decidedByPolicy();
    now.addAndGet(PROBE_NANOS - 1);
    assertEquals(Pass.SKIP, breaker.pass());
    breaker.decidedByPolicy();
    now.addAndGet(1);
    assertEquals(Pass.PROBE, breaker.pass());
    assertEquals(Pass.SKIP, breaker.pass(), "one probe at a time");
    breaker.failed(Pass.PROBE, failure(Kind.CONNECTION));
    assertTrue(breaker.isOpen());
    assertEquals(Pass.SKIP, breaker.pass(), "the next probe is one interval after the failed one");
    now.addAndGet(PROBE_NANOS);
    assertEquals(Pass.PROBE, breaker.pass());
    breaker.succeeded(Pass.PROBE);
    assertFalse(breaker.isOpen());
    assertEquals(Pass.ASK, breaker.pass());
    assertEquals(List.of("unavailable CONNECTION", "recovered 2000 ms 2"), heard);
    assertEquals(1, breaker.outages());
  }

  @Test
  void anAnswerOutsideAProbeDoesNotEndTheOutage() {
    breaker.failed(Pass.ASK, failure(Kind.CONNECTION));
    breaker.succeeded(Pass.ASK); // a call let through before the outage, answered late
    assertTrue(breaker.isOpen());
  }

  @Test
  void aLongOutageIsRemindedOncePerMinute() {
    breaker.failed(Pass.ASK, failure(Kind.CONNECTION));
    for (int s = 1; s <= 125; s++) {
      now.addAndGet(PROBE_NANOS);
      assertEquals(Pass.PROBE, breaker.pass());
      breaker.failed(Pass.PROBE, failure(Kind.CONNECTION));
    }
    assertEquals(List.of("unavailable CONNECTION", "still 60000 ms 0", "still 120000 ms 0"), heard);
    assertEquals(1, breaker.outages());
  }

  @Test
  void failuresAreClassifiedByWhatLettuceReports() {
    assertEquals(Kind.SLOW, RedisCallFailure.of(new TimeoutException()).kind());
    assertEquals(Kind.SLOW, RedisCallFailure.of(new ExecutionException(new RedisCommandTimeoutException("t"))).kind());
    assertEquals(Kind.ERROR_REPLY,
        RedisCallFailure.of(new ExecutionException(new RedisCommandExecutionException("OOM"))).kind());
    assertEquals(Kind.CONNECTION, RedisCallFailure.of(new ExecutionException(new RedisException("Connection closed")))
        .kind());
    assertEquals(Kind.CONNECTION, RedisCallFailure.of(new ExecutionException(
        new RedisConnectionException("Unable to connect", new ConnectException("Connection refused")))).kind());
    assertEquals(Kind.INTERRUPTED, RedisCallFailure.of(new InterruptedException()).kind());
    assertEquals("no answer within the timeout", RedisCallFailure.of(new TimeoutException()).getMessage());
    assertEquals("RedisConnectionException: Unable to connect <- ConnectException: Connection refused",
        RedisCallFailure.of(new RedisConnectionException("Unable to connect",
            new ConnectException("Connection refused"))).getMessage());
  }
}
