package dev.personalize4j.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.AwsPersonalizeStats;
import dev.personalize4j.aws.EventSinkSettings;
import dev.personalize4j.testing.FakeTicker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When events cannot be delivered before the sink gives up (retries exhausted during an outage that
 * outlasts them), each one reaches the dead-letter handler exactly once, with its id, as a
 * retryable failure; none is silently dropped and none is both delivered and dead-lettered.
 */
class DeadLetterAccountingTest {
  @TempDir static Path data;
  static EmulatorCampaign campaign;

  @BeforeAll
  static void provision() {
    campaign = EmulatorCampaign.start(data);
  }

  @AfterAll
  static void stop() {
    campaign.close();
  }

  @Test
  void everyUndeliverableEventIsDeadLetteredOnceAndTheRestDelivered() {
    campaign.emulator.inspection().resetCounters();
    List<String> deadLettered = Collections.synchronizedList(new ArrayList<>());
    List<Boolean> retryable = Collections.synchronizedList(new ArrayList<>());
    FakeTicker ticker = FakeTicker.create();
    Set<String> recorded = new LinkedHashSet<>();
    AwsPersonalizeStats stats;
    try (AwsPersonalize p = AwsPersonalize.builder()
        .region(campaign.emulator.region())
        .credentialsProvider(EmulatorCampaign.CREDENTIALS)
        .endpointOverride(campaign.endpoint())
        .trackingId(campaign.trackingId)
        .ticker(ticker)
        .sleeper(ticker::advance)
        .events(EventSinkSettings.builder()
            .maxAttempts(3)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
            .deadLetterHandler((events, cause) -> {
              events.forEach(e -> deadLettered.add(e.eventId().orElseThrow()));
              retryable.add(((PersonalizeException) cause).isRetryable());
            })
            .build())
        .build()) {
      record(p, recorded, "before", 30);
      p.eventSink().flush();
      campaign.emulator.faults().outage("PutEvents");
      record(p, recorded, "during", 50);
      p.eventSink().flush();
      AwsPersonalizeStats during = p.stats();
      assertThat(during.eventsRecorded())
          .isEqualTo(during.eventsDelivered() + during.eventsDeadLettered() + during.eventsPending());
      campaign.emulator.faults().endOutage();
      record(p, recorded, "after", 20);
      p.eventSink().flush();
      stats = p.stats();
    } finally {
      campaign.emulator.faults().clear();
    }
    Set<String> delivered = campaign.emulator.inspection().distinctEventIds();
    assertThat(deadLettered).as("dead-lettered once each").doesNotHaveDuplicates();
    assertThat(deadLettered).containsExactlyInAnyOrderElementsOf(recorded.stream().filter(id -> id.startsWith("during"))
        .toList());
    assertThat(retryable).as("an outage is a transient failure").isNotEmpty().containsOnly(true);
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(
        recorded.stream().filter(id -> !id.startsWith("during")).toList());
    assertThat(stats.eventsRecorded()).isEqualTo(100);
    assertThat(stats.eventsDelivered()).isEqualTo(50);
    assertThat(stats.eventsDeadLettered()).isEqualTo(50);
    assertThat(stats.eventsPending()).isZero();
  }

  private static void record(AwsPersonalize p, Set<String> recorded, String phase, int n) {
    for (int i = 0; i < n; i++) {
      String id = phase + "-" + i;
      p.eventSink().record(Interaction.builder()
          .userId(UserId.of(EmulatorCampaign.user(i % 7)))
          .itemId(ItemId.of(EmulatorCampaign.item(i)))
          .eventType(EventType.VIEW)
          .eventId(id)
          .build());
      recorded.add(id);
    }
  }
}
