package dev.personalize4j.aws.provisioning.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff without jitter: {@code initial × multiplier^attempt}, capped at {@code max}.
 *
 * @param initial the first delay
 * @param max the cap
 * @param multiplier the growth factor, at least 1
 */
public record Backoff(Duration initial, Duration max, double multiplier) {
  /** Validates the settings. */
  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial poll interval must be positive but was " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max poll interval must be at least the initial " + initial + " but was " + max);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1 but was " + multiplier);
    }
  }

  /** The delay before retry number {@code attempt} (0-based). */
  public Duration delay(int attempt) {
    double nanos = initial.toNanos() * Math.pow(multiplier, attempt);
    if (nanos >= max.toNanos() || Double.isInfinite(nanos)) {
      return max;
    }
    return Duration.ofNanos((long) nanos);
  }
}
