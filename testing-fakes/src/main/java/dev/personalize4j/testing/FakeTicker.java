package dev.personalize4j.testing;

import dev.personalize4j.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that only moves when told to, primarily for tests of timeouts, cache expiry and
 * rate limits without sleeping. Thread-safe.
 */
public final class FakeTicker implements Ticker {
  private final AtomicLong nanos;

  private FakeTicker(long start) {
    this.nanos = new AtomicLong(start);
  }

  /** A ticker reading 0. */
  public static FakeTicker create() {
    return new FakeTicker(0);
  }

  /** A ticker reading {@code nanos}. */
  public static FakeTicker startingAt(long nanos) {
    return new FakeTicker(nanos);
  }

  @Override
  public long read() {
    return nanos.get();
  }

  /**
   * Moves the ticker forward by {@code duration} and returns the new reading.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public long advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative but was " + duration);
    }
    return nanos.addAndGet(duration.toNanos());
  }

  /** Moves the ticker forward by {@code nanoseconds} (at least 0) and returns the new reading. */
  public long advanceNanos(long nanoseconds) {
    if (nanoseconds < 0) {
      throw new IllegalArgumentException("nanoseconds must be >= 0 but was " + nanoseconds);
    }
    return nanos.addAndGet(nanoseconds);
  }

  /** Sets the reading to {@code nanos}. */
  public void set(long nanos) {
    this.nanos.set(nanos);
  }

  @Override
  public String toString() {
    return "FakeTicker[" + nanos.get() + "ns]";
  }
}
