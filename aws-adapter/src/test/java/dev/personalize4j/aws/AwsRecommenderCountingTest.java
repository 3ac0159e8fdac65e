package dev.personalize4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.InvalidRequestException;
import dev.personalize4j.ItemId;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.FakeTicker;
import dev.personalize4j.testing.ScriptedRecommender;
import dev.personalize4j.testing.contract.ContractData;
import dev.personalize4j.testing.emulator.FaultType;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counts what reaches the emulator: single-flight loads, invalidation, retries, and the circuit breaker. */
class AwsRecommenderCountingTest {
  static PersonalizeEmulator emulator;
  static EmulatorFixture.Provisioned p;
  private static final String GET_RECOMMENDATIONS = "GetRecommendations";

  @BeforeAll
  static void start() {
    emulator = PersonalizeEmulator.builder().relaxTrainingMinimums(true).start();
    p = EmulatorFixture.provision(emulator, "counting", ContractData.standard());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void clean() {
    emulator.faults().clear();
    emulator.inspection().resetCounters();
  }

  private int requests() {
    return emulator.inspection().requestCount(GET_RECOMMENDATIONS);
  }

  @Test
  void concurrentMisses_forOneUser_makeExactlyOneBackendCall() throws Exception {
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p).build()) {
      int threads = 50;
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Recommendations>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(pool.submit(() -> {
            ready.countDown();
            go.await();
            return a.recommender().forUser(ContractData.TENT_BUYER, RecommendationRequest.ofLimit(5));
          }));
        }
        ready.await();
        go.countDown();
        List<List<ItemId>> answers = new ArrayList<>();
        for (Future<Recommendations> f : futures) {
          answers.add(f.get(30, TimeUnit.SECONDS).itemIds());
        }
        assertThat(answers).hasSize(threads).allSatisfy(ids -> assertThat(ids).isEqualTo(answers.get(0)));
      } finally {
        pool.shutdownNow();
      }
      assertThat(requests()).isEqualTo(1);
      assertThat(a.stats().cacheLoads()).isEqualTo(1);
      assertThat(a.stats().backendCalls(GET_RECOMMENDATIONS)).isEqualTo(1);
    }
  }

  @Test
  void anEventForOneUser_invalidatesThatUsersEntries_only() {
    UserId u = UserId.of("counting-u");
    UserId v = UserId.of("counting-v");
    RecommendationRequest five = RecommendationRequest.ofLimit(5);
    RecommendationRequest ten = RecommendationRequest.ofLimit(10);
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p).build()) {
      a.recommender().forUser(u, five);
      a.recommender().forUser(u, ten);
      a.recommender().forUser(v, five);
      assertThat(requests()).isEqualTo(3);
      assertThat(a.recommender().forUser(u, five).source()).isEqualTo(Recommendations.Source.CACHED);
      assertThat(a.recommender().forUser(v, five).source()).isEqualTo(Recommendations.Source.CACHED);
      assertThat(requests()).isEqualTo(3);

      a.eventSink().record(Interaction.of(u, ContractData.TENT, EventType.PURCHASE));

      assertThat(a.recommender().forUser(u, five).source()).isEqualTo(Recommendations.Source.LIVE);
      assertThat(a.recommender().forUser(u, ten).source()).isEqualTo(Recommendations.Source.LIVE);
      assertThat(requests()).isEqualTo(5);
      assertThat(a.recommender().forUser(v, five).source()).isEqualTo(Recommendations.Source.CACHED);
      assertThat(a.recommender().similarTo(ContractData.TENT, five).source()).isEqualTo(Recommendations.Source.LIVE);
      assertThat(a.recommender().similarTo(ContractData.TENT, five).source()).isEqualTo(Recommendations.Source.CACHED);
      assertThat(requests()).isEqualTo(6);
    }
  }

  @Test
  void anAnswerFetchedBeforeTheEventIsDelivered_isNotServedFromTheCacheAfterDelivery() {
    UserId u = UserId.of("counting-window");
    RecommendationRequest five = RecommendationRequest.ofLimit(5);
    EventSinkSettings sendOnlyOnFlush = EventSinkSettings.builder().linger(Duration.ofHours(1)).build();
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p).events(sendOnlyOnFlush).build()) {
      a.eventSink().record(Interaction.of(u, ContractData.TENT, EventType.PURCHASE));
      assertThat(emulator.inspection().requestCount("PutEvents")).isZero();
      // Asked in the window between record() and delivery: Personalize does not have the event yet.
      assertThat(a.recommender().forUser(u, five).source()).isEqualTo(Recommendations.Source.LIVE);
      assertThat(a.recommender().forUser(u, five).source()).isEqualTo(Recommendations.Source.CACHED);

      a.eventSink().flush();

      assertThat(emulator.inspection().requestCount("PutEvents")).isEqualTo(1);
      assertThat(a.recommender().forUser(u, five).source()).isEqualTo(Recommendations.Source.LIVE);
      assertThat(requests()).isEqualTo(2);
    }
  }

  /** Our retries are separate SDK invocations (SDK retries are off), so the fault counts requests. */
  @Test
  void throttledTwice_succeedsOnTheThirdAttempt_withExactlyThreeRequests() {
    emulator.faults().failNextCalls(GET_RECOMMENDATIONS, 2, FaultType.THROTTLE);
    List<Duration> backoffs = new CopyOnWriteArrayList<>();
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p).sleeper(backoffs::add).build()) {
      Recommendations r = a.recommender().forUser(ContractData.TENT_BUYER, RecommendationRequest.ofLimit(5));
      assertThat(r.source()).isEqualTo(Recommendations.Source.LIVE);
      assertThat(r.items()).hasSize(5);
      assertThat(requests()).isEqualTo(3);
      assertThat(a.stats().retries()).isEqualTo(2);
      assertThat(backoffs).hasSize(2);
    }
  }

  @Test
  void throttledOnEveryAttempt_givesUpAfterMaxAttempts_andServesTheFallbackChain() {
    emulator.faults().failFirstAttempts(GET_RECOMMENDATIONS, 100, FaultType.THROTTLE);
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p).build()) {
      Recommendations r = a.recommender().forUser(ContractData.TENT_BUYER, RecommendationRequest.ofLimit(5));
      assertThat(r.source()).isEqualTo(Recommendations.Source.FALLBACK);
      assertThat(r.items()).isEmpty();
      assertThat(requests()).isEqualTo(3);
      assertThat(a.stats().emptyServed()).isEqualTo(1);
    }
  }

  @Test
  void invalidInput_isNotRetried_andNotHiddenByTheFallback() {
    RecommendationRequest missingValue = RecommendationRequest.builder().filter(ContractData.IN_CATEGORY).build();
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p).fallback(ScriptedRecommender.create()).build()) {
      assertThatThrownBy(() -> a.recommender().forUser(ContractData.TENT_BUYER, missingValue))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("InvalidInputException");
      assertThat(requests()).isEqualTo(1);
      assertThat(a.stats().retries()).isZero();
    }
  }

  @Test
  void metadataColumnsAndPromotions_travelOverTheWire() {
    RecommendationRequest req = RecommendationRequest.builder().limit(10)
        .addMetadataColumns("CATEGORY_L1", "PRICE")
        .promotion(new dev.personalize4j.Promotion("books", 30, ContractData.IN_CATEGORY,
            java.util.Map.of(ContractData.CATEGORY_PARAMETER, List.of(ContractData.BOOKS))))
        .build();
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p).build()) {
      Recommendations r = a.recommender().forUser(ContractData.TENT_BUYER, req);
      assertThat(r.items()).isNotEmpty().allSatisfy(i -> assertThat(i.metadata()).isNotEmpty());
      assertThat(r.items()).anySatisfy(i -> assertThat(i.promotionName()).contains("books"));
      assertThat(r.items()).filteredOn(i -> i.promotionName().isPresent())
          .allSatisfy(i -> assertThat(ContractData.standard().item(i.itemId()).flatMap(dev.personalize4j.Item::categoryL1))
              .contains(ContractData.BOOKS));
    }
  }

  @Test
  void unknownFilterName_failsBeforeAnyCall() {
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p).build()) {
      assertThatThrownBy(() -> a.recommender().forUser(ContractData.TENT_BUYER,
          RecommendationRequest.builder().filter("nope").build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("unknown filter 'nope'");
      assertThat(requests()).isZero();
    }
  }

  @Test
  void missingArn_failsClearly_namingTheBuilderMethod() {
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator).build()) {
      assertThatThrownBy(() -> a.recommender().popular())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("popularArn");
      assertThatThrownBy(() -> a.recommender().rank(ContractData.TENT_BUYER, List.of(ContractData.TENT)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("rankingArn");
      assertThatThrownBy(() -> a.eventSink().record(Interaction.of(ContractData.TENT_BUYER, ContractData.TENT,
          EventType.VIEW))).isInstanceOf(IllegalStateException.class).hasMessageContaining("trackingId");
      assertThatThrownBy(() -> a.catalog().upsertItems(List.of()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("itemsDatasetArn");
    }
  }

  @Test
  void duringAnOutage_everyCallAnswersWithinItsDeadline_andTheOpenCircuitStopsTheTraffic() {
    FakeTicker ticker = FakeTicker.create();
    Duration deadline = Duration.ofMillis(500);
    ScriptedRecommender fallback = ScriptedRecommender.create().givenPopular(ContractData.BEST_SELLER);
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator, p)
        .ticker(ticker)
        .sleeper(ticker::advance)
        .cache(CacheSettings.builder().ttl(Duration.ofSeconds(1)).build())
        .resilience(ResilienceSettings.builder().deadline(deadline).maxAttempts(3)
            .backoff(Duration.ofMillis(50), 2.0, Duration.ofMillis(400)).circuitWindow(10, 6)
            .waitInOpenState(Duration.ofSeconds(30)).permittedCallsInHalfOpenState(1).build())
        .fallback(new PopularAsFallback(fallback))
        .build()) {
      UserId warm = UserId.of("outage-warm");
      assertThat(a.recommender().forUser(warm).source()).isEqualTo(Recommendations.Source.LIVE);
      ticker.advance(Duration.ofSeconds(2));

      emulator.faults().outage("*");
      List<Recommendations.Source> sources = new ArrayList<>();
      int before = requests();
      for (int k = 0; k < 20; k++) {
        UserId user = k % 2 == 0 ? warm : UserId.of("outage-cold-" + k);
        long start = ticker.read();
        Recommendations r = a.recommender().forUser(user);
        assertThat(Duration.ofNanos(ticker.read() - start)).isLessThanOrEqualTo(deadline);
        sources.add(r.source());
        assertThat(r.source()).isIn(Recommendations.Source.STALE, Recommendations.Source.FALLBACK);
        if (user.equals(warm)) {
          assertThat(r.source()).isEqualTo(Recommendations.Source.STALE);
        } else {
          assertThat(r.itemIds()).containsExactly(ContractData.BEST_SELLER);
        }
      }
      assertThat(a.stats().circuit(p.userCampaign())).isEqualTo(AwsPersonalizeStats.CircuitState.OPEN);
      int whenOpen = requests();
      // the window holds the warm-up success, so 5 failed attempts (3 + 2) reach 6 calls at 83 % failures
      assertThat(whenOpen - before).isEqualTo(5);
      for (int k = 0; k < 50; k++) {
        assertThat(a.recommender().forUser(UserId.of("outage-more-" + k)).source())
            .isEqualTo(Recommendations.Source.FALLBACK);
      }
      assertThat(requests()).isEqualTo(whenOpen);
      assertThat(a.stats().staleServed()).isEqualTo(10);
      assertThat(a.stats().fallbackServed()).isEqualTo(60);

      emulator.faults().endOutage();
      ticker.advance(Duration.ofSeconds(31));
      assertThat(a.recommender().forUser(UserId.of("after-outage")).source()).isEqualTo(Recommendations.Source.LIVE);
      assertThat(a.stats().circuit(p.userCampaign())).isEqualTo(AwsPersonalizeStats.CircuitState.CLOSED);
    }
  }

  /** A fallback that answers every call with the scripted popular items. */
  private record PopularAsFallback(ScriptedRecommender scripted) implements dev.personalize4j.Recommender {
    @Override
    public Recommendations forUser(UserId user, RecommendationRequest request) {
      return scripted.popular(request);
    }

    @Override
    public Recommendations similarTo(ItemId item, RecommendationRequest request) {
      return scripted.popular(request);
    }

    @Override
    public Recommendations popular(RecommendationRequest request) {
      return scripted.popular(request);
    }

    @Override
    public Recommendations rank(dev.personalize4j.RankingRequest request) {
      return scripted.rank(request);
    }
  }
}
