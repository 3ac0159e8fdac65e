package dev.personalize4j.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.InvalidRequestException;
import dev.personalize4j.ServiceUnavailableException;
import dev.personalize4j.ThrottledException;
import dev.personalize4j.aws.ResilienceSettings;
import dev.personalize4j.testing.FakeTicker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResilienceTest {
  private final FakeTicker ticker = FakeTicker.create();
  private final Counters counters = new Counters();
  private final List<Duration> budgets = new ArrayList<>();

  private Resilience resilience(ResilienceSettings.Builder settings) {
    return new Resilience(settings.jitter(0).build(), ticker, ticker::advance, counters);
  }

  private <T> Resilience.Attempt<T> failing(RuntimeException e) {
    return attempt -> {
      budgets.add(attempt.remaining());
      throw e;
    };
  }

  @Test
  void retries_stopWhenTheNextBackoffDoesNotFitTheDeadline_andEachAttemptGetsTheRemainingTime() {
    Resilience r = resilience(ResilienceSettings.builder().deadline(Duration.ofMillis(100)).maxAttempts(5)
        .backoff(Duration.ofMillis(60), 2.0, Duration.ofSeconds(1)));
    long start = ticker.read();
    assertThatThrownBy(() -> r.call("Op", "arn:x", failing(new ThrottledException("slow down"))))
        .isInstanceOf(ThrottledException.class);
    assertThat(budgets).containsExactly(Duration.ofMillis(100), Duration.ofMillis(40));
    assertThat(Duration.ofNanos(ticker.read() - start)).isEqualTo(Duration.ofMillis(60));
    assertThat(counters.retries.sum()).isEqualTo(1);
    assertThat(counters.backendCalls("Op")).isEqualTo(2);
  }

  @Test
  void slowAttempts_consumeTheBudget_andNothingRunsPastTheDeadline() {
    Resilience r = resilience(ResilienceSettings.builder().deadline(Duration.ofMillis(300)).maxAttempts(10)
        .backoff(Duration.ofMillis(10), 1.0, Duration.ofMillis(10)));
    long start = ticker.read();
    assertThatThrownBy(() -> r.call("Op", "arn:x", attempt -> {
      budgets.add(attempt.remaining());
      // an attempt is cut by the SDK's attempt timeout, which the adapter sets to the remaining budget
      Duration slow = Duration.ofMillis(100);
      ticker.advance(slow.compareTo(attempt.remaining()) < 0 ? slow : attempt.remaining());
      throw new ServiceUnavailableException("503");
    })).isInstanceOf(ServiceUnavailableException.class);
    assertThat(Duration.ofNanos(ticker.read() - start)).isLessThanOrEqualTo(Duration.ofMillis(300));
    assertThat(budgets).containsExactly(Duration.ofMillis(300), Duration.ofMillis(190), Duration.ofMillis(80));
  }

  @Test
  void nonRetryableFailures_areAttemptedOnce() {
    Resilience r = resilience(ResilienceSettings.builder());
    assertThatThrownBy(() -> r.call("Op", "arn:x", failing(new InvalidRequestException("bad"))))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(budgets).hasSize(1);
    assertThat(counters.retries.sum()).isZero();
  }

  @Test
  void success_afterRetryableFailures_returnsTheResult() {
    Resilience r = resilience(ResilienceSettings.builder().maxAttempts(3));
    int[] calls = {0};
    String result = r.call("Op", "arn:x", attempt -> {
      if (++calls[0] < 3) {
        throw new ThrottledException("again");
      }
      return "ok";
    });
    assertThat(result).isEqualTo("ok");
    assertThat(calls[0]).isEqualTo(3);
  }

  @Test
  void circuitOpens_perEndpoint_rejectsWithoutCalling_andHalfOpensAfterTheWaitOnTheTicker() {
    Resilience r = resilience(ResilienceSettings.builder().maxAttempts(1).circuitWindow(4, 4)
        .waitInOpenState(Duration.ofSeconds(30)).permittedCallsInHalfOpenState(1));
    for (int k = 0; k < 4; k++) {
      assertThatThrownBy(() -> r.call("Op", "arn:a", failing(new ServiceUnavailableException("down"))))
          .isInstanceOf(ServiceUnavailableException.class);
    }
    assertThat(r.states()).containsEntry("arn:a", CircuitBreaker.State.OPEN);
    int before = budgets.size();
    assertThatThrownBy(() -> r.call("Op", "arn:a", failing(new ServiceUnavailableException("down"))))
        .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("circuit breaker for arn:a is open");
    assertThat(budgets).hasSize(before);
    String other = r.call("Op", "arn:b", attempt -> "other endpoint unaffected");
    assertThat(other).isEqualTo("other endpoint unaffected");

    ticker.advance(Duration.ofSeconds(29));
    assertThatThrownBy(() -> r.call("Op", "arn:a", attempt -> "x")).hasMessageContaining("is open");
    ticker.advance(Duration.ofSeconds(2));
    String probe = r.call("Op", "arn:a", attempt -> "probe");
    assertThat(probe).isEqualTo("probe");
    assertThat(r.states()).containsEntry("arn:a", CircuitBreaker.State.CLOSED);
  }

  @Test
  void invalidInput_doesNotCountAgainstTheCircuit() {
    Resilience r = resilience(ResilienceSettings.builder().maxAttempts(1).circuitWindow(2, 2));
    for (int k = 0; k < 5; k++) {
      assertThatThrownBy(() -> r.call("Op", "arn:a", failing(new InvalidRequestException("bad"))))
          .isInstanceOf(InvalidRequestException.class);
    }
    assertThat(r.states()).containsEntry("arn:a", CircuitBreaker.State.CLOSED);
  }
}
