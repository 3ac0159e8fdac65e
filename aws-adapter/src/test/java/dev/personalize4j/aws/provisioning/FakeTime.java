package dev.personalize4j.aws.provisioning;

import dev.personalize4j.aws.Sleeper;
import dev.personalize4j.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Test time: a ticker and a clock that only move when the provisioner sleeps, and a sleeper that
 * records every delay instead of waiting.
 */
final class FakeTime extends Clock implements Ticker, Sleeper {
  private static final Instant ORIGIN = Instant.parse("2026-12-04T10:00:00Z");
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();
  private volatile IntConsumer afterSleep = n -> { };

  @Override
  public long read() {
    return nanos.get();
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos.addAndGet(duration.toNanos());
    afterSleep.accept(sleeps.size());
  }

  /** Runs {@code hook} with the number of sleeps so far after every sleep. */
  void afterSleep(IntConsumer hook) {
    this.afterSleep = hook;
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return ORIGIN.plusNanos(nanos.get());
  }
}
