package dev.personalize4j.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.Personalize;
import dev.personalize4j.testing.contract.ContractData;
import dev.personalize4j.testing.contract.RecommenderContract;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The recommender contract against {@link AwsPersonalize} over the real SDK and HTTP: every test
 * gets its own dataset group in the emulator, provisioned through the control plane (schemas,
 * datasets, PutItems/PutUsers/PutEvents, filters, and user-personalization, similar-items,
 * personalized-ranking and popularity-count campaigns).
 */
class AwsRecommenderContractTest extends RecommenderContract {
  private static final AtomicInteger GROUPS = new AtomicInteger();
  static PersonalizeEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = PersonalizeEmulator.builder().relaxTrainingMinimums(true).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** No contract test may pass on degraded (stale, fallback or empty) answers. */
  @AfterEach
  void everyAnswerWasLive() {
    AwsPersonalizeStats stats = ((AwsPersonalize) personalize).stats();
    assertThat(stats.staleServed() + stats.fallbackServed() + stats.emptyServed()).as("degraded answers in %s", stats)
        .isZero();
  }

  @Override
  protected Personalize create(ContractData data) {
    EmulatorFixture.Provisioned p = EmulatorFixture.provision(emulator, "contract-" + GROUPS.incrementAndGet(), data);
    return EmulatorFixture.adapter(emulator, p).build();
  }
}
