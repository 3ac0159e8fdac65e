package dev.personalize4j.aws;

import java.time.Duration;

/**
 * Waits for a duration: used for retry backoff, request pacing and import-job polling, so tests can
 * replace real sleeping with advancing a fake ticker.
 */
@FunctionalInterface
public interface Sleeper {
  /** Waits for {@code duration}; a zero or negative duration returns at once. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real sleeper, backed by {@link Thread#sleep(long, int)}. */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
      }
    };
  }
}
