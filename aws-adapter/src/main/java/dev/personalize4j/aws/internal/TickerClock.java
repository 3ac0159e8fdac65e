package dev.personalize4j.aws.internal;

import dev.personalize4j.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that advances with a {@link Ticker}: given to Resilience4j so that open-circuit
 * waits follow the injected ticker. Its instants measure durations only (origin: the epoch).
 */
public final class TickerClock extends Clock {
  private final Ticker ticker;

  public TickerClock(Ticker ticker) {
    this.ticker = ticker;
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
    return Instant.EPOCH.plusNanos(ticker.read());
  }

  @Override
  public long millis() {
    return Math.floorDiv(ticker.read(), 1_000_000L);
  }
}
