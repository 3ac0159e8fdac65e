package dev.personalize4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimeFakesTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static void concurrently(int threads, Runnable action) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          action.run();
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Nested
  @DisplayName("FakeTicker")
  class Ticker {
    @Test
    @DisplayName("reads 0 until advanced, then the sum of the advances")
    void advance() {
      FakeTicker ticker = FakeTicker.create();
      assertThat(ticker.read()).isZero();
      assertThat(ticker.advance(Duration.ofMillis(3))).isEqualTo(3_000_000L);
      assertThat(ticker.advanceNanos(5)).isEqualTo(3_000_005L);
      assertThat(ticker.read()).isEqualTo(3_000_005L);
    }

    @Test
    @DisplayName("can be set and can start anywhere")
    void set() {
      FakeTicker ticker = FakeTicker.startingAt(-50);
      assertThat(ticker.read()).isEqualTo(-50);
      ticker.set(1234);
      assertThat(ticker.read()).isEqualTo(1234);
    }

    @Test
    @DisplayName("refuses to go backwards through advance")
    void negative() {
      FakeTicker ticker = FakeTicker.create();
      assertThatThrownBy(() -> ticker.advance(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("duration");
      assertThatThrownBy(() -> ticker.advanceNanos(-1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nanoseconds");
    }

    @Test
    @DisplayName("loses no advance when many threads advance at once")
    void threadSafe() throws Exception {
      FakeTicker ticker = FakeTicker.create();
      concurrently(8, () -> {
        for (int i = 0; i < 1000; i++) {
          ticker.advanceNanos(1);
        }
      });
      assertThat(ticker.read()).isEqualTo(8000);
    }
  }

  @Nested
  @DisplayName("MutableClock")
  class Clock {
    @Test
    @DisplayName("stands still until advanced or set")
    void advance() {
      MutableClock clock = MutableClock.of(T0);
      assertThat(clock.instant()).isEqualTo(T0);
      assertThat(clock.instant()).isEqualTo(T0);
      assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(T0.plusSeconds(300));
      assertThat(clock.millis()).isEqualTo(T0.plusSeconds(300).toEpochMilli());
      clock.setInstant(T0.minusSeconds(10));
      assertThat(clock.instant()).isEqualTo(T0.minusSeconds(10));
      assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    @DisplayName("views in other zones share its time")
    void zones() {
      MutableClock clock = MutableClock.of(T0);
      MutableClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
      clock.advance(Duration.ofHours(1));
      assertThat(paris.instant()).isEqualTo(T0.plusSeconds(3600));
      assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    @DisplayName("refuses a negative advance")
    void negative() {
      assertThatThrownBy(() -> MutableClock.of(T0).advance(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
    }

    @Test
    @DisplayName("loses no advance when many threads advance at once")
    void threadSafe() throws Exception {
      MutableClock clock = MutableClock.of(T0);
      concurrently(8, () -> {
        for (int i = 0; i < 500; i++) {
          clock.advance(Duration.ofMillis(1));
        }
      });
      assertThat(clock.instant()).isEqualTo(T0.plusSeconds(4));
    }
  }
}
