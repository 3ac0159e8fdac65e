package dev.personalize4j.aws.internal;

import dev.personalize4j.Ticker;
import dev.personalize4j.aws.Sleeper;
import java.time.Duration;

/**
 * Spaces requests at most {@code rate} per second (one slot per 1/rate seconds, no bursts), timed by
 * the injected ticker and waiting through the injected sleeper.
 */
public final class Pacer {
  private final long intervalNanos;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private long nextSlot = Long.MIN_VALUE;

  public Pacer(double ratePerSecond, Ticker ticker, Sleeper sleeper) {
    this.intervalNanos = (long) Math.ceil(1_000_000_000d / ratePerSecond);
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /** Waits for the next slot. */
  public void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = ticker.read();
      long slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
  }
}
