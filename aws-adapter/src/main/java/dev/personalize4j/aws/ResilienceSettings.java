package dev.personalize4j.aws;

import java.time.Duration;

/**
 * Retry, deadline and circuit-breaker settings for the calls {@link AwsPersonalize} makes. Only
 * retryable failures (throttling, 429, 5xx, I/O, timeouts) are retried, with exponential backoff and
 * jitter, and never beyond the per-call deadline.
 *
 * @param deadline the most one recommendation call may take, attempts and backoff included; default 1 s
 * @param maxAttempts attempts per call including the first, 1 to 20; default 3
 * @param initialBackoff the wait before the first retry; default 50 ms
 * @param backoffMultiplier growth of the wait per retry, at least 1; default 2
 * @param maxBackoff the longest single wait; default 1 s
 * @param jitter randomisation factor of each wait, 0 to 1; default 0.5
 * @param failureRateThreshold percentage of failed calls that opens a circuit, 1 to 100; default 50
 * @param slidingWindowSize how many recent calls a circuit looks at; default 20
 * @param minimumNumberOfCalls calls needed before a circuit may open; default 10
 * @param waitInOpenState how long an open circuit rejects calls before letting probes through; default 30 s
 * @param permittedCallsInHalfOpenState probe calls in the half-open state; default 3
 */
public record ResilienceSettings(
    Duration deadline,
    int maxAttempts,
    Duration initialBackoff,
    double backoffMultiplier,
    Duration maxBackoff,
    double jitter,
    float failureRateThreshold,
    int slidingWindowSize,
    int minimumNumberOfCalls,
    Duration waitInOpenState,
    int permittedCallsInHalfOpenState) {

  /** Validates every field. */
  public ResilienceSettings {
    Checks.positive("deadline", deadline);
    Checks.range("maxAttempts", maxAttempts, 1, 20);
    Checks.positive("initialBackoff", initialBackoff);
    Checks.range("backoffMultiplier", backoffMultiplier, 1.0, 100.0);
    Checks.positive("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be at least initialBackoff (" + initialBackoff + ") but was " + maxBackoff);
    }
    Checks.range("jitter", jitter, 0.0, 0.99);
    Checks.range("failureRateThreshold", failureRateThreshold, 1.0, 100.0);
    Checks.range("slidingWindowSize", slidingWindowSize, 1, 10_000);
    Checks.range("minimumNumberOfCalls", minimumNumberOfCalls, 1, 10_000);
    Checks.positive("waitInOpenState", waitInOpenState);
    Checks.range("permittedCallsInHalfOpenState", permittedCallsInHalfOpenState, 1, 1000);
  }

  /** The defaults listed on the fields. */
  public static ResilienceSettings defaults() {
    return builder().build();
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.deadline = deadline;
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.backoffMultiplier = backoffMultiplier;
    b.maxBackoff = maxBackoff;
    b.jitter = jitter;
    b.failureRateThreshold = failureRateThreshold;
    b.slidingWindowSize = slidingWindowSize;
    b.minimumNumberOfCalls = minimumNumberOfCalls;
    b.waitInOpenState = waitInOpenState;
    b.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
    return b;
  }

  /** Builds {@link ResilienceSettings}. */
  public static final class Builder {
    private Duration deadline = Duration.ofSeconds(1);
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(50);
    private double backoffMultiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(1);
    private double jitter = 0.5;
    private float failureRateThreshold = 50f;
    private int slidingWindowSize = 20;
    private int minimumNumberOfCalls = 10;
    private Duration waitInOpenState = Duration.ofSeconds(30);
    private int permittedCallsInHalfOpenState = 3;

    private Builder() {}

    /** The per-call deadline. */
    public Builder deadline(Duration deadline) {
      this.deadline = deadline;
      return this;
    }

    /** Attempts per call, including the first. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Exponential backoff: first wait, growth factor and the longest wait. */
    public Builder backoff(Duration initial, double multiplier, Duration max) {
      this.initialBackoff = initial;
      this.backoffMultiplier = multiplier;
      this.maxBackoff = max;
      return this;
    }

    /** Randomisation factor of each wait, 0 (none) to 0.99. */
    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    /** The failure percentage that opens a circuit. */
    public Builder failureRateThreshold(float percent) {
      this.failureRateThreshold = percent;
      return this;
    }

    /** How many recent calls a circuit looks at, and how many it needs before it may open. */
    public Builder circuitWindow(int slidingWindowSize, int minimumNumberOfCalls) {
      this.slidingWindowSize = slidingWindowSize;
      this.minimumNumberOfCalls = minimumNumberOfCalls;
      return this;
    }

    /** How long an open circuit rejects calls. */
    public Builder waitInOpenState(Duration wait) {
      this.waitInOpenState = wait;
      return this;
    }

    /** Probe calls let through while half-open. */
    public Builder permittedCallsInHalfOpenState(int calls) {
      this.permittedCallsInHalfOpenState = calls;
      return this;
    }

    /** Validates and returns the settings. */
    public ResilienceSettings build() {
      return new ResilienceSettings(deadline, maxAttempts, initialBackoff, backoffMultiplier, maxBackoff, jitter,
          failureRateThreshold, slidingWindowSize, minimumNumberOfCalls, waitInOpenState,
          permittedCallsInHalfOpenState);
    }
  }
}
