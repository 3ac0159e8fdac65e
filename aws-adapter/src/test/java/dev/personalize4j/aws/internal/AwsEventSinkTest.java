package dev.personalize4j.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.SessionId;
import dev.personalize4j.Ticker;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.EventSinkSettings;
import dev.personalize4j.aws.Sleeper;
import dev.personalize4j.testing.FakeTicker;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;

class AwsEventSinkTest {
  private static final Sleeper NO_SLEEP = d -> {};
  private final FakeEventsClient client = new FakeEventsClient();
  private final List<String> invalidated = new CopyOnWriteArrayList<>();
  private final List<Interaction> deadLettered = new CopyOnWriteArrayList<>();
  private final List<PersonalizeException> deadLetterCauses = new CopyOnWriteArrayList<>();
  private AwsEventSink sink;

  private AwsEventSink sink(EventSinkSettings.Builder settings) {
    sink = new AwsEventSink(client, "tid", settings.deadLetterHandler((i, c) -> {
      deadLettered.addAll(i);
      deadLetterCauses.add(c);
    }).build(), java.time.Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC), Ticker.system(), NO_SLEEP,
        new Counters(), invalidated::add);
    return sink;
  }

  @AfterEach
  void close() {
    if (sink != null) {
      sink.close();
    }
  }

  private static Interaction event(String user, String session, String item) {
    Interaction.Builder b = Interaction.builder().userId(UserId.of(user)).itemId(ItemId.of(item))
        .eventType(EventType.VIEW);
    if (session != null) {
      b.sessionId(SessionId.of(session));
    }
    return b.build();
  }

  @Test
  void linger_isMeasuredOnTheInjectedTicker() throws InterruptedException {
    FakeTicker ticker = FakeTicker.create();
    CountDownLatch sent = new CountDownLatch(1);
    client.failWith(r -> {
      sent.countDown();
      return null;
    });
    sink = new AwsEventSink(client, "tid", EventSinkSettings.builder().linger(Duration.ofSeconds(1)).build(),
        java.time.Clock.systemUTC(), ticker, NO_SLEEP, new Counters(), invalidated::add);
    sink.record(event("u1", null, "i1"));

    assertThat(sent.await(100, TimeUnit.MILLISECONDS)).as("sent before the linger elapsed on the ticker").isFalse();
    ticker.advance(Duration.ofSeconds(1));

    assertThat(sent.await(30, TimeUnit.SECONDS)).as("sent once the ticker passed the linger").isTrue();
    assertThat(client.requests()).singleElement().satisfies(r -> assertThat(r.eventList()).hasSize(1));
  }

  @Test
  void flush_groupsByUserAndSession_inBatchesOfAtMostTen() {
    AwsEventSink s = sink(EventSinkSettings.builder().linger(Duration.ofSeconds(10)));
    for (int k = 0; k < 25; k++) {
      s.record(event("u1", null, "i" + k));
    }
    for (int k = 0; k < 3; k++) {
      s.record(event("u1", "s9", "j" + k));
      s.record(event("u2", null, "k" + k));
    }
    s.flush();
    List<PutEventsRequest> requests = client.requests();
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.eventList()).hasSizeBetween(1, 10);
      assertThat(r.trackingId()).isEqualTo("tid");
    });
    assertThat(requests.stream().mapToInt(r -> r.eventList().size()).sum()).isEqualTo(31);
    assertThat(requests).filteredOn(r -> r.sessionId().equals("u1") && r.userId().equals("u1"))
        .extracting(r -> r.eventList().size()).containsExactly(10, 10, 5);
    assertThat(requests).filteredOn(r -> r.sessionId().equals("s9"))
        .singleElement().satisfies(r -> assertThat(r.userId()).isEqualTo("u1"));
    assertThat(requests).filteredOn(r -> "u2".equals(r.userId()))
        .singleElement().satisfies(r -> assertThat(r.sessionId()).isEqualTo("u2"));
    assertThat(s.counters()).isEqualTo(new SinkCounters.Snapshot(31, 31, 0, 0, 0));
    assertThat(invalidated).contains("u1", "u2");
  }

  @Test
  void record_stampsTimestampAndUniqueEventIdOnce() {
    AwsEventSink s = sink(EventSinkSettings.builder());
    for (int k = 0; k < 20; k++) {
      s.record(event("u" + k, null, "i"));
    }
    s.record(event("u", null, "i").stampedIfAbsent(Instant.EPOCH, "given-id"));
    s.flush();
    List<Event> events = client.requests().stream().flatMap(r -> r.eventList().stream()).toList();
    assertThat(events).extracting(Event::eventId).doesNotHaveDuplicates().hasSize(21).contains("given-id");
    assertThat(events).filteredOn(e -> !e.eventId().equals("given-id"))
        .allSatisfy(e -> assertThat(e.sentAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z")));
  }

  @Test
  void retryableFailures_areRetriedWithTheSameEventIds() {
    int[] calls = {0};
    client.failWith(r -> ++calls[0] <= 2 ? FakeEventsClient.error(400, "ThrottlingException") : null);
    AwsEventSink s = sink(EventSinkSettings.builder());
    s.record(event("u", null, "i1"));
    s.record(event("u", null, "i2"));
    s.flush();
    List<PutEventsRequest> requests = client.requests();
    assertThat(requests).hasSize(3);
    assertThat(requests).extracting(r -> r.eventList().stream().map(Event::eventId).toList())
        .containsOnly(requests.get(0).eventList().stream().map(Event::eventId).toList());
    assertThat(s.counters()).isEqualTo(new SinkCounters.Snapshot(2, 2, 4, 0, 0));
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void exhaustedRetries_deadLetterTheBatch_withARetryableCause() {
    client.failWith(r -> FakeEventsClient.error(503, "ServiceUnavailable"));
    AwsEventSink s = sink(EventSinkSettings.builder().maxAttempts(3));
    s.record(event("u", null, "i1"));
    s.flush();
    assertThat(client.requests()).hasSize(3);
    assertThat(deadLettered).hasSize(1);
    assertThat(deadLetterCauses).singleElement().satisfies(c -> {
      assertThat(c.isRetryable()).isTrue();
      assertThat(c.getMessage()).contains("after 3 attempts");
    });
    assertThat(s.counters()).isEqualTo(new SinkCounters.Snapshot(1, 0, 2, 1, 0));
  }

  @Test
  void invalidBatch_isSplit_soOnlyTheInvalidEventIsDeadLettered() {
    client.failWith(r -> r.eventList().stream().anyMatch(e -> e.itemId().equals("bad"))
        ? FakeEventsClient.error(400, "InvalidInputException") : null);
    AwsEventSink s = sink(EventSinkSettings.builder().linger(Duration.ofSeconds(10)));
    s.record(event("u", null, "ok1"));
    s.record(event("u", null, "bad"));
    s.record(event("u", null, "ok2"));
    s.flush();
    assertThat(deadLettered).extracting(i -> i.itemId().value()).containsExactly("bad");
    assertThat(deadLetterCauses).singleElement().satisfies(c -> assertThat(c.isRetryable()).isFalse());
    assertThat(s.counters()).isEqualTo(new SinkCounters.Snapshot(3, 2, 0, 1, 0));
  }

  @Test
  void rejectPolicy_throwsAtOnceWhenFull_andTheEventIsNotCounted() throws Exception {
    CountDownLatch inCall = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    client.failWith(r -> {
      inCall.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    AwsEventSink s = sink(EventSinkSettings.builder().bufferCapacity(2).rejectWhenFull().maxBatchSize(1));
    s.record(event("u", null, "i0"));
    assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();
    s.record(event("u", null, "i1"));
    s.record(event("u", null, "i2"));
    assertThatThrownBy(() -> s.record(event("u", null, "i3")))
        .isInstanceOf(PersonalizeException.class)
        .hasMessageContaining("buffer is full (capacity 2");
    SinkCounters.Snapshot during = s.counters();
    assertThat(during.recorded()).isEqualTo(during.delivered() + during.deadLettered() + during.pending());
    assertThat(during.recorded()).isEqualTo(3);
    release.countDown();
    s.flush();
    assertThat(s.counters()).isEqualTo(new SinkCounters.Snapshot(3, 3, 0, 0, 0));
  }

  @Test
  void blockPolicy_waitsForRoom_thenThrows_withoutCountingTheEvent() throws Exception {
    CountDownLatch inCall = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    client.failWith(r -> {
      inCall.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    AwsEventSink s = sink(EventSinkSettings.builder().bufferCapacity(1).blockWhenFull(Duration.ofMillis(20))
        .maxBatchSize(1));
    s.record(event("u", null, "i0"));
    assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();
    s.record(event("u", null, "i1"));
    assertThatThrownBy(() -> s.record(event("u", null, "i2")))
        .isInstanceOf(PersonalizeException.class)
        .hasMessageContaining("buffer is full (capacity 1, waited PT0.02S)")
        .satisfies(e -> assertThat(((PersonalizeException) e).isRetryable()).isTrue());
    release.countDown();
    s.flush();
    assertThat(s.counters()).isEqualTo(new SinkCounters.Snapshot(2, 2, 0, 0, 0));
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void close_deliversPendingEvents_thenRecordFails() {
    AwsEventSink s = sink(EventSinkSettings.builder().linger(Duration.ofSeconds(30)));
    for (int k = 0; k < 7; k++) {
      s.record(event("u" + (k % 3), null, "i" + k));
    }
    s.close();
    assertThat(client.requests().stream().mapToInt(r -> r.eventList().size()).sum()).isEqualTo(7);
    assertThat(s.counters()).isEqualTo(new SinkCounters.Snapshot(7, 7, 0, 0, 0));
    assertThatThrownBy(() -> s.record(event("u", null, "late")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  @Timeout(60)
  void close_afterDrainTimeout_deadLettersWhatIsLeft() {
    client.failWith(r -> FakeEventsClient.error(500, "InternalFailure"));
    // The backoff never ends by itself: only close() interrupting the sender can end it.
    Sleeper endlessBackoff = d -> new CountDownLatch(1).await();
    AwsEventSink s = new AwsEventSink(client, "tid", EventSinkSettings.builder()
        .maxAttempts(100)
        .drainTimeout(Duration.ofMillis(50))
        .deadLetterHandler((i, c) -> deadLettered.addAll(i))
        .build(), java.time.Clock.systemUTC(), Ticker.system(), endlessBackoff, new Counters(), u -> {});
    s.record(event("u", null, "i1"));
    s.record(event("v", null, "i2"));
    s.close();
    assertThat(deadLettered).hasSize(2);
    assertThat(s.counters().pending()).isZero();
    assertThat(s.counters().deadLettered()).isEqualTo(2);
  }

  @Test
  void accountingIdentity_holdsAtEveryMoment_underConcurrentRecordingAndFailures() throws Exception {
    client.failWith(r -> Math.floorMod(r.eventList().get(0).eventId().hashCode(), 4) == 0
        ? FakeEventsClient.error(400, "InvalidInputException")
        : Math.floorMod(r.hashCode(), 3) == 0 ? FakeEventsClient.error(400, "ThrottlingException") : null);
    AwsEventSink s = sink(EventSinkSettings.builder().linger(Duration.ZERO));
    AtomicBoolean stop = new AtomicBoolean();
    List<SinkCounters.Snapshot> violations = Collections.synchronizedList(new ArrayList<>());
    Thread watcher = new Thread(() -> {
      while (!stop.get()) {
        SinkCounters.Snapshot c = s.counters();
        if (c.recorded() != c.delivered() + c.deadLettered() + c.pending() || c.pending() < 0) {
          violations.add(c);
        }
      }
    });
    watcher.start();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        for (int k = 0; k < 500; k++) {
          s.record(event("u" + id + "-" + (k % 7), null, "i" + k));
        }
      });
      writers.add(w);
      w.start();
    }
    for (Thread w : writers) {
      w.join();
    }
    s.flush();
    stop.set(true);
    watcher.join();
    assertThat(violations).isEmpty();
    SinkCounters.Snapshot end = s.counters();
    assertThat(end.recorded()).isEqualTo(2000);
    assertThat(end.pending()).isZero();
    assertThat(end.delivered() + end.deadLettered()).isEqualTo(2000);
    assertThat(deadLettered).hasSize((int) end.deadLettered());
  }
}
