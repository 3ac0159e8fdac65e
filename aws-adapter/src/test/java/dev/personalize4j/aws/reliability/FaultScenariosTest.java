package dev.personalize4j.aws.reliability;

import static dev.personalize4j.aws.reliability.EmulatorCampaign.item;
import static dev.personalize4j.aws.reliability.EmulatorCampaign.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.Recommendations;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.AwsPersonalizeStats;
import dev.personalize4j.aws.CacheSettings;
import dev.personalize4j.aws.EventSinkSettings;
import dev.personalize4j.aws.ResilienceSettings;
import dev.personalize4j.testing.FakeTicker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each fault the emulator can inject, against a real {@link AwsPersonalize} over real HTTP: every
 * {@code forUser} answers, without an exception, with a truthful source; every event recorded is
 * accounted for at every moment and, once the fault is over, delivered exactly once by id.
 * Time is a fake ticker and backoffs never really wait (see {@link GatedSleeper}).
 */
class FaultScenariosTest {
  static final Duration TTL = Duration.ofMinutes(1);
  static final Duration OPEN_CIRCUIT_WAIT = Duration.ofMinutes(10);
  /** Comfortably above a warm loopback call, far below the latency fault. */
  static final Duration DEADLINE = Duration.ofSeconds(1);

  @TempDir static Path data;
  static EmulatorCampaign campaign;

  @BeforeAll
  static void provision() {
    campaign = EmulatorCampaign.start(data);
    FakeTicker ticker = FakeTicker.create();
    try (AwsPersonalize warmUp = adapter(ticker, new GatedSleeper(ticker))) {
      for (int u = 0; u < 5; u++) {
        warmUp.recommender().forUser(UserId.of(user(u)));
      }
    }
  }

  @AfterAll
  static void stop() {
    campaign.close();
  }

  @BeforeEach
  void clean() {
    campaign.emulator.faults().clear();
    campaign.emulator.inspection().resetCounters();
  }

  static AwsPersonalize adapter(FakeTicker ticker, GatedSleeper sleeper) {
    return AwsPersonalize.builder()
        .region(campaign.emulator.region())
        .credentialsProvider(EmulatorCampaign.CREDENTIALS)
        .endpointOverride(campaign.endpoint())
        .forUserArn(campaign.campaignArn)
        .trackingId(campaign.trackingId)
        .ticker(ticker)
        .sleeper(sleeper)
        .cache(CacheSettings.builder().ttl(TTL).build())
        .resilience(ResilienceSettings.builder()
            .deadline(DEADLINE)
            .maxAttempts(3)
            .backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(100))
            .circuitWindow(10, 4)
            .waitInOpenState(OPEN_CIRCUIT_WAIT)
            .build())
        .events(EventSinkSettings.builder()
            .linger(Duration.ofMillis(1))
            .maxAttempts(8)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
            .drainTimeout(Duration.ofSeconds(30))
            .build())
        .fallback(new FixedFallback())
        .build();
  }

  @ParameterizedTest
  @EnumSource(FaultScenario.class)
  void answersStayTruthfulAndNoEventIsLost(FaultScenario scenario) throws InterruptedException {
    run(scenario);
  }

  private void run(FaultScenario scenario) throws InterruptedException {
    FakeTicker ticker = FakeTicker.create();
    GatedSleeper sleeper = new GatedSleeper(ticker);
    AnswerOracle oracle = new AnswerOracle(EmulatorCampaign.allItems());
    Set<String> recorded = new LinkedHashSet<>();
    try (AwsPersonalize p = adapter(ticker, sleeper)) {
      // Healthy: live answers, then cached ones, then live again for users who acted.
      for (int u = 0; u < 10; u++) {
        assertThat(ask(p, oracle, u).source()).isEqualTo(Recommendations.Source.LIVE);
      }
      for (int u = 0; u < 10; u++) {
        assertThat(ask(p, oracle, u).source()).isEqualTo(Recommendations.Source.CACHED);
      }
      for (int u = 0; u < 5; u++) {
        record(p, oracle, recorded, scenario, u, 0);
      }
      for (int u = 0; u < 5; u++) {
        assertThat(ask(p, oracle, u).source()).isEqualTo(Recommendations.Source.LIVE);
      }
      int healthyCalls = campaign.emulator.inspection().requestCount("GetRecommendations");

      // The fault: cached answers expire, so every answer needs the backend.
      scenario.apply(campaign.emulator.faults());
      sleeper.faultStarted();
      ticker.advance(TTL.plusSeconds(1));
      for (int round = 1; round <= 3; round++) {
        for (int u = 0; u < 20; u++) {
          Recommendations r = ask(p, oracle, u);
          if (scenario.total) {
            assertThat(r.source()).as("%s during %s", user(u), scenario)
                .isEqualTo(u < 10 ? Recommendations.Source.STALE : Recommendations.Source.FALLBACK);
          }
          if (u % 2 == round % 2) {
            record(p, oracle, recorded, scenario, u, round);
          }
        }
      }
      assertThat(campaign.emulator.inspection().requestCount("GetRecommendations"))
          .as("the backend was asked during the fault").isGreaterThan(healthyCalls);
      if (scenario.eventsFail) {
        ticker.advance(Duration.ofSeconds(1));
        assertThat(sleeper.awaitBackgroundBackoff(Duration.ofMinutes(1)))
            .as("the event sender met the fault (it backed off) before the fault ended").isTrue();
      }
      if (scenario.total) {
        assertThat(oracle.count(Recommendations.Source.STALE)).isEqualTo(30);
        assertThat(oracle.count(Recommendations.Source.FALLBACK)).isEqualTo(30);
      }

      // The fault ends: backoffs resume, the circuit may close again, events drain.
      campaign.emulator.faults().clear();
      sleeper.faultEnded();
      ticker.advance(OPEN_CIRCUIT_WAIT.plus(TTL));
      p.eventSink().flush();
      AwsPersonalizeStats s = accounted(p);
      assertThat(s.eventsPending()).isZero();
      assertThat(s.eventsDeadLettered()).as("events dead-lettered in %s", scenario).isZero();
      assertThat(s.eventsDelivered()).isEqualTo(recorded.size());
      assertThat(campaign.emulator.inspection().distinctEventIds())
          .as("event ids the emulator received after %s", scenario)
          .containsExactlyInAnyOrderElementsOf(recorded);

      for (int u = 0; u < 20; u++) {
        assertThat(ask(p, oracle, u).source()).as("%s after %s", user(u), scenario)
            .isEqualTo(Recommendations.Source.LIVE);
      }
    } finally {
      sleeper.faultEnded();
    }
  }

  private static Recommendations ask(AwsPersonalize p, AnswerOracle oracle, int u) {
    Recommendations r = assertDoesNotThrow(() -> p.recommender().forUser(UserId.of(user(u))));
    oracle.check(user(u), r);
    return r;
  }

  private static void record(AwsPersonalize p, AnswerOracle oracle, Set<String> recorded, FaultScenario scenario,
      int u, int round) {
    String id = scenario + "-" + round + "-" + u;
    Interaction event = Interaction.builder()
        .userId(UserId.of(user(u)))
        .itemId(ItemId.of(item((u * 7 + round) % EmulatorCampaign.ITEMS)))
        .eventType(EventType.VIEW)
        .eventId(id)
        .putProperties("DEVICE", AttributeValue.categorical(round % 2 == 0 ? "mobile" : "desktop"))
        .build();
    assertDoesNotThrow(() -> p.eventSink().record(event));
    recorded.add(id);
    oracle.acted(user(u));
    AwsPersonalizeStats s = accounted(p);
    assertThat(s.eventsRecorded()).isEqualTo(recorded.size());
  }

  /** The sink's books balance in every snapshot. */
  private static AwsPersonalizeStats accounted(AwsPersonalize p) {
    AwsPersonalizeStats s = p.stats();
    assertThat(s.eventsRecorded()).as("recorded = delivered + deadLettered + pending in %s", s)
        .isEqualTo(s.eventsDelivered() + s.eventsDeadLettered() + s.eventsPending());
    return s;
  }
}
