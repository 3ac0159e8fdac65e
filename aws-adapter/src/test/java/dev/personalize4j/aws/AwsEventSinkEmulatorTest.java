package dev.personalize4j.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event sink against the emulator: delivery under throttling, close, and the durable spool. */
class AwsEventSinkEmulatorTest {
  private PersonalizeEmulator emulator;
  private String trackingId;
  private final List<Interaction> deadLettered = new CopyOnWriteArrayList<>();
  private final DeadLetterHandler collect = (events, cause) -> deadLettered.addAll(events);

  @BeforeEach
  void start() {
    emulator = PersonalizeEmulator.builder().seed(7).start();
    trackingId = EmulatorFixture.tracker(emulator, "sink");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static Interaction event(int n) {
    return Interaction.of(UserId.of("user-" + (n % 250)), ItemId.of("item-" + (n % 997)), EventType.VIEW);
  }

  @Test
  void tenThousandEvents_throughThirtyPercentThrottling_allArrive_exactlyOnce_noneDeadLettered() {
    emulator.faults().throttle("PutEvents", 0.3);
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator).trackingId(trackingId)
        .events(EventSinkSettings.builder().maxAttempts(30).bufferCapacity(20_000)
            .deadLetterHandler(collect).build())
        .build()) {
      for (int n = 0; n < 10_000; n++) {
        a.eventSink().record(event(n));
      }
      a.eventSink().flush();
      AwsPersonalizeStats s = a.stats();
      assertThat(emulator.inspection().distinctEventIds()).hasSize(10_000);
      assertThat(deadLettered).isEmpty();
      assertThat(s.eventsDeadLettered()).isZero();
      assertThat(s.eventsRecorded()).isEqualTo(10_000);
      assertThat(s.eventsDelivered()).isEqualTo(10_000);
      assertThat(s.eventsPending()).isZero();
      assertThat(s.eventsRetried()).isPositive();
      int puts = emulator.inspection().requestCount("PutEvents");
      assertThat((long) puts).isEqualTo(s.backendCalls("PutEvents"));
      assertThat(emulator.inspection().receivedEvents()).hasSize(10_000);
    }
  }

  @Test
  void close_deliversPendingEvents() {
    AwsPersonalize a = EmulatorFixture.adapter(emulator).trackingId(trackingId)
        .events(EventSinkSettings.builder().linger(Duration.ofHours(1)).deadLetterHandler(collect).build())
        .build();
    for (int n = 0; n < 37; n++) {
      a.eventSink().record(event(n));
    }
    a.close();
    assertThat(emulator.inspection().distinctEventIds()).hasSize(37);
    assertThat(a.stats().eventsDelivered()).isEqualTo(37);
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void invalidEvents_areDeadLettered_withTheReason_andTheRestDelivered() {
    List<PersonalizeException> causes = new CopyOnWriteArrayList<>();
    try (AwsPersonalize a = EmulatorFixture.adapter(emulator).trackingId("no-such-tracker")
        .events(EventSinkSettings.builder().deadLetterHandler((events, cause) -> {
          deadLettered.addAll(events);
          causes.add(cause);
        }).build())
        .build()) {
      a.eventSink().record(event(1));
      a.eventSink().flush();
      assertThat(deadLettered).hasSize(1);
      assertThat(causes).singleElement().satisfies(c -> assertThat(c.isRetryable()).isFalse());
      assertThat(a.stats().eventsDeadLettered()).isEqualTo(1);
      assertThat(emulator.inspection().requestCount("PutEvents")).isEqualTo(1);
    }
  }

  @Test
  void durableSpool_resendsUndeliveredEvents_withTheirOriginalIds(@TempDir Path spool) {
    emulator.faults().outage("PutEvents");
    List<String> ids = new ArrayList<>();
    AwsPersonalize first = EmulatorFixture.adapter(emulator).trackingId(trackingId)
        .events(EventSinkSettings.builder().durableSpool(spool).maxAttempts(2).drainTimeout(Duration.ZERO)
            .deadLetterHandler(collect).build())
        .build();
    for (int n = 0; n < 25; n++) {
      Interaction i = event(n).stampedIfAbsent(java.time.Instant.parse("2026-12-04T12:00:00Z"), "spooled-" + n);
      ids.add(i.eventId().orElseThrow());
      first.eventSink().record(i);
    }
    first.eventSink().flush();
    first.close();
    assertThat(emulator.inspection().distinctEventIds()).isEmpty();

    // The events were dead-lettered by the first sink (handler owns them), so a restart must not resend them.
    emulator.faults().clear();
    try (AwsPersonalize second = EmulatorFixture.adapter(emulator).trackingId(trackingId)
        .events(EventSinkSettings.builder().durableSpool(spool).build()).build()) {
      second.eventSink().flush();
      assertThat(second.stats().eventsRecorded()).isZero();
    }
    assertThat(deadLettered).hasSize(25);
    assertThat(emulator.inspection().distinctEventIds()).isEmpty();
  }

  @Test
  void durableSpool_usedByTwoSinksAtOnce_failsClearly(@TempDir Path spool) {
    try (AwsPersonalize first = EmulatorFixture.adapter(emulator).trackingId(trackingId)
        .events(EventSinkSettings.builder().durableSpool(spool).build()).build()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmulatorFixture.adapter(emulator).trackingId(trackingId)
              .events(EventSinkSettings.builder().durableSpool(spool).build()).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is in use by another sink");
      first.eventSink().record(event(1));
      first.eventSink().flush();
    }
    assertThat(emulator.inspection().distinctEventIds()).hasSize(1);
  }

  @Test
  void durableSpool_afterACrash_theNextSinkDeliversEverythingOnce(@TempDir Path spool) throws Exception {
    // Simulate a crash: write the journal as a sink does, without marking anything done.
    List<Interaction> recorded = new ArrayList<>();
    try (dev.personalize4j.aws.internal.EventSpool journal = new dev.personalize4j.aws.internal.EventSpool(spool)) {
      for (int n = 0; n < 42; n++) {
        Interaction i = event(n).stampedIfAbsent(java.time.Instant.parse("2026-12-04T12:00:00Z"), "crash-" + n);
        journal.append(i);
        recorded.add(i);
      }
      journal.markDone(recorded.subList(0, 2));
    }
    try (AwsPersonalize next = EmulatorFixture.adapter(emulator).trackingId(trackingId)
        .events(EventSinkSettings.builder().durableSpool(spool).build()).build()) {
      next.eventSink().flush();
      assertThat(next.stats().eventsRecorded()).isEqualTo(40);
      assertThat(next.stats().eventsDelivered()).isEqualTo(40);
    }
    Set<String> arrived = emulator.inspection().distinctEventIds();
    assertThat(arrived).hasSize(40).contains("crash-2", "crash-41").doesNotContain("crash-0", "crash-1");
    try (AwsPersonalize again = EmulatorFixture.adapter(emulator).trackingId(trackingId)
        .events(EventSinkSettings.builder().durableSpool(spool).build()).build()) {
      assertThat(again.stats().eventsRecorded()).isZero();
    }
  }
}
