package dev.personalize4j.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.ItemId;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.ServiceUnavailableException;
import dev.personalize4j.aws.CacheSettings;
import dev.personalize4j.testing.FakeTicker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecommendationCacheTest {
  private final FakeTicker ticker = FakeTicker.create();
  private final Counters counters = new Counters();
  private final RecommendationCache cache =
      new RecommendationCache(CacheSettings.builder().ttl(Duration.ofMinutes(1)).build(), ticker, counters);
  private final AtomicInteger loads = new AtomicInteger();

  private static RecommendationCache.Key key(String user) {
    return new RecommendationCache.Key("forUser", user, RecommendationRequest.defaults(), true);
  }

  private Recommendations answer(String item) {
    loads.incrementAndGet();
    return Recommendations.builder().addItems(Recommendation.of(ItemId.of(item)))
        .source(Recommendations.Source.LIVE).servedAt(Instant.EPOCH).build();
  }

  @Test
  void hit_isMarkedCached_andExpiresAfterTheTtlOnTheTicker() {
    assertThat(cache.get(key("u"), () -> answer("a")).source()).isEqualTo(Recommendations.Source.LIVE);
    assertThat(cache.get(key("u"), () -> answer("b")).source()).isEqualTo(Recommendations.Source.CACHED);
    ticker.advance(Duration.ofSeconds(61));
    assertThat(cache.get(key("u"), () -> answer("c")).itemIds()).containsExactly(ItemId.of("c"));
    assertThat(loads).hasValue(2);
  }

  @Test
  void invalidatingAUser_dropsOnlyTheirEntries() {
    cache.get(key("u"), () -> answer("a"));
    cache.get(key("v"), () -> answer("b"));
    cache.invalidateUser("u");
    assertThat(cache.get(key("u"), () -> answer("a2")).source()).isEqualTo(Recommendations.Source.LIVE);
    assertThat(cache.get(key("v"), () -> answer("b2")).source()).isEqualTo(Recommendations.Source.CACHED);
  }

  @Test
  void aLoadStartedBeforeAnInvalidation_isNotCached_andLaterCallersDoNotJoinIt() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Recommendations> stale = CompletableFuture.supplyAsync(() -> cache.get(key("u"), () -> {
      loading.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answer("before-event");
    }));
    assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
    cache.invalidateUser("u");
    assertThat(cache.get(key("u"), () -> answer("after-event")).itemIds()).containsExactly(ItemId.of("after-event"));
    release.countDown();
    assertThat(stale.get(10, TimeUnit.SECONDS).itemIds()).containsExactly(ItemId.of("before-event"));
    assertThat(cache.get(key("u"), () -> answer("never")).itemIds()).containsExactly(ItemId.of("after-event"));
  }

  @Test
  void aLoadThatOverlapsAnInvalidation_doesNotRepopulateTheCache() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Recommendations> inFlight = CompletableFuture.supplyAsync(() -> cache.get(key("u"), () -> {
      loading.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answer("before-event");
    }));
    assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
    cache.invalidateUser("u");
    release.countDown();
    inFlight.get(10, TimeUnit.SECONDS);
    assertThat(cache.get(key("u"), () -> answer("fresh")).itemIds()).containsExactly(ItemId.of("fresh"));
  }

  @Test
  void failures_propagate_andTheLastGoodAnswerIsKept() {
    cache.get(key("u"), () -> answer("good"));
    cache.invalidateUser("u");
    assertThatThrownBy(() -> cache.get(key("u"), () -> {
      throw new ServiceUnavailableException("down");
    })).isInstanceOf(ServiceUnavailableException.class);
    assertThat(cache.lastGood(key("u"))).hasValueSatisfying(r -> assertThat(r.itemIds()).containsExactly(ItemId.of("good")));
  }

  @Test
  void disabledCache_stillKeepsLastGoodAnswers() {
    RecommendationCache off = new RecommendationCache(CacheSettings.disabled(), ticker, counters);
    off.get(key("u"), () -> answer("a"));
    assertThat(off.get(key("u"), () -> answer("b")).itemIds()).containsExactly(ItemId.of("b"));
    assertThat(off.lastGood(key("u"))).isPresent();
  }
}
