package dev.personalize4j.aws;

import java.time.Duration;
import java.util.Objects;

/** Validation of settings values; messages name the field, the problem and the limit. */
final class Checks {
  private Checks() {}

  static Duration positive(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive but was " + d);
    }
    return d;
  }

  static Duration notNegative(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative but was " + d);
    }
    return d;
  }

  static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max + " but was " + value);
    }
    return value;
  }

  static double range(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max + " but was " + value);
    }
    return value;
  }
}
