package dev.personalize4j.aws.internal;

import dev.personalize4j.PersonalizeException;
import dev.personalize4j.ServiceUnavailableException;
import dev.personalize4j.Ticker;
import dev.personalize4j.aws.ResilienceSettings;
import dev.personalize4j.aws.Sleeper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import org.slf4j.LoggerFactory;

/**
 * Runs service calls under a deadline, with Resilience4j retries (backoff computed by Resilience4j,
 * waiting done by the injected {@link Sleeper}) and one circuit breaker per endpoint, all timed by
 * the injected {@link Ticker}. Nothing here exceeds the deadline: a retry is skipped when the next
 * backoff does not fit in the remaining budget, and each attempt is given the remaining time.
 */
public final class Resilience {
  private static final Logger LOG = LoggerFactory.getLogger(Resilience.class);

  /** One attempt of a call. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run(AttemptContext attempt);
  }

  /**
   * What an attempt needs to configure its SDK request: the time left before the call's deadline,
   * which bounds the SDK's attempt timeout. (Each attempt is a separate SDK invocation with its own
   * {@code amz-sdk-invocation-id}; the SDK appends rather than replaces a custom value, so it cannot
   * be carried over.)
   */
  public record AttemptContext(Duration remaining, int attempt) {
    /** Applies the attempt timeout to an SDK request. */
    public void configure(AwsRequestOverrideConfiguration.Builder o) {
      o.apiCallAttemptTimeout(remaining);
    }
  }

  private final ResilienceSettings settings;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Counters counters;
  private final Retry retry;
  private final CircuitBreakerConfig breakerConfig;
  private final ConcurrentHashMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  public Resilience(ResilienceSettings settings, Ticker ticker, Sleeper sleeper, Counters counters) {
    this.settings = settings;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.counters = counters;
    this.retry = Retry.of("personalize4j", RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
            settings.initialBackoff(), settings.backoffMultiplier(), settings.jitter(), settings.maxBackoff()))
        .retryOnException(e -> e instanceof PersonalizeException p && p.isRetryable())
        .failAfterMaxAttempts(false)
        .build());
    this.breakerConfig = CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindowSize())
        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
        .waitDurationInOpenState(settings.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
        .recordException(e -> e instanceof PersonalizeException p && p.isRetryable())
        .clock(new TickerClock(ticker))
        .currentTimestampFunction(c -> ticker.read(), TimeUnit.NANOSECONDS)
        .build();
  }

  /** The circuit breaker of {@code endpoint}, created on first use. */
  public CircuitBreaker breaker(String endpoint) {
    return breakers.computeIfAbsent(endpoint, e -> CircuitBreaker.of(e, breakerConfig));
  }

  /** The state of every circuit used so far, by endpoint. */
  public Map<String, CircuitBreaker.State> states() {
    Map<String, CircuitBreaker.State> out = new TreeMap<>();
    breakers.forEach((k, v) -> out.put(k, v.getState()));
    return out;
  }

  /** Runs {@code attempt} with the configured deadline. */
  public <T> T call(String operation, String endpoint, Attempt<T> attempt) {
    return call(operation, endpoint, settings.deadline(), attempt);
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for good, or the deadline leaves no room.
   *
   * @throws PersonalizeException the translated failure; retryable when the circuit is open or
   *     time ran out
   */
  public <T> T call(String operation, String endpoint, Duration deadline, Attempt<T> attempt) {
    long deadlineAt = ticker.read() + deadline.toNanos();
    CircuitBreaker breaker = breaker(endpoint);
    Retry.AsyncContext<T> context = retry.asyncContext();
    int attempts = 0;
    while (true) {
      long remaining = deadlineAt - ticker.read();
      if (remaining <= 0) {
        throw new ServiceUnavailableException(operation + " ran out of its " + deadline + " deadline");
      }
      if (!breaker.tryAcquirePermission()) {
        throw new ServiceUnavailableException(
            operation + " not attempted: the circuit breaker for " + endpoint + " is open");
      }
      long start = ticker.read();
      PersonalizeException failure;
      try {
        counters.backendCall(operation);
        attempts++;
        T result = attempt.run(new AttemptContext(Duration.ofNanos(remaining), attempts));
        breaker.onSuccess(ticker.read() - start, TimeUnit.NANOSECONDS);
        context.onComplete();
        return result;
      } catch (RuntimeException e) {
        failure = Errors.translate(operation, e);
        breaker.onError(ticker.read() - start, TimeUnit.NANOSECONDS, failure);
      }
      long waitMillis = context.onError(failure);
      if (waitMillis < 0) {
        throw failure;
      }
      long wait = TimeUnit.MILLISECONDS.toNanos(waitMillis);
      if (wait >= deadlineAt - ticker.read()) {
        LOG.debug("{} not retried: backoff {} ms exceeds the remaining deadline", operation, waitMillis);
        throw failure;
      }
      counters.retries.increment();
      LOG.debug("{} retrying in {} ms after: {}", operation, waitMillis, failure.getMessage());
      sleep(Duration.ofNanos(wait), failure);
    }
  }

  private void sleep(Duration d, PersonalizeException failure) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(ie);
      throw failure;
    }
  }
}
