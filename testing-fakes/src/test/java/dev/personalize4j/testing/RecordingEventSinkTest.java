package dev.personalize4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordingEventSinkTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final ItemId TENT = ItemId.of("tent");
  static final ItemId STOVE = ItemId.of("stove");

  final MutableClock clock = MutableClock.of(T0);
  final RecordingEventSink sink = RecordingEventSink.create(clock);

  void recordThree() {
    sink.record(Interaction.of(ALICE, TENT, EventType.VIEW));
    sink.record(Interaction.of(ALICE, TENT, EventType.PURCHASE));
    sink.record(Interaction.of(BOB, STOVE, EventType.VIEW));
  }

  @Nested
  @DisplayName("recording")
  class Recording {
    @Test
    @DisplayName("keeps events in arrival order, stamped from the clock with distinct ids")
    void stamps() {
      sink.record(Interaction.of(ALICE, TENT, EventType.VIEW));
      clock.advance(Duration.ofSeconds(5));
      sink.record(Interaction.of(ALICE, STOVE, EventType.VIEW));
      List<Interaction> got = sink.recorded();
      assertThat(got).extracting(Interaction::itemId).containsExactly(TENT, STOVE);
      assertThat(got.get(0).timestamp()).contains(T0);
      assertThat(got.get(1).timestamp()).contains(T0.plusSeconds(5));
      assertThat(got.get(0).eventId()).isPresent().isNotEqualTo(got.get(1).eventId());
    }

    @Test
    @DisplayName("keeps a timestamp and event id given by the caller")
    void keeps() {
      Instant when = Instant.parse("2020-02-02T02:02:02Z");
      sink.record(Interaction.builder().userId(ALICE).itemId(TENT).eventType(EventType.VIEW)
          .timestamp(when).eventId("mine").build());
      assertThat(sink.takeEvent().timestamp()).contains(when);
      assertThat(sink.recorded().get(0).eventId()).contains("mine");
    }

    @Test
    @DisplayName("returns immutable snapshots")
    void snapshots() {
      recordThree();
      List<Interaction> snapshot = sink.recorded();
      sink.record(Interaction.of(BOB, TENT, EventType.VIEW));
      assertThat(snapshot).hasSize(3);
      assertThat(sink.size()).isEqualTo(4);
      assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("forwards stamped events to the delegate, in order, and flushes and closes it")
    void delegate() {
      RecordingEventSink backend = RecordingEventSink.create(clock);
      RecordingEventSink front = RecordingEventSink.builder().clock(clock).delegate(backend).build();
      front.record(Interaction.of(ALICE, TENT, EventType.VIEW));
      front.record(Interaction.of(BOB, STOVE, EventType.CLICK));
      front.flush();
      assertThat(backend.recorded()).isEqualTo(front.recorded());
      front.close();
      assertThat(backend.isClosed()).isTrue();
    }

    @Test
    @DisplayName("keeps nothing the delegate rejected")
    void delegateRejects() {
      EventSink failing = new EventSink() {
        @Override
        public void record(Interaction interaction) {
          throw new IllegalStateException("backend full");
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
      RecordingEventSink front = RecordingEventSink.builder().delegate(failing).build();
      assertThatThrownBy(() -> front.record(Interaction.of(ALICE, TENT, EventType.VIEW)))
          .hasMessageContaining("backend full");
      assertThat(front.recorded()).isEmpty();
    }

    @Test
    @DisplayName("rejects events after close")
    void closed() {
      sink.close();
      sink.close();
      assertThat(sink.isClosed()).isTrue();
      assertThatThrownBy(() -> sink.record(Interaction.of(ALICE, TENT, EventType.VIEW)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    @DisplayName("clear forgets the events and restarts takeEvent")
    void clear() {
      recordThree();
      sink.takeEvent();
      sink.clear();
      assertThat(sink.recorded()).isEmpty();
      sink.record(Interaction.of(BOB, STOVE, EventType.VIEW));
      assertThat(sink.takeEvent().itemId()).isEqualTo(STOVE);
    }
  }

  @Nested
  @DisplayName("taking events")
  class Taking {
    @Test
    @DisplayName("takeEvent walks the events in order and fails clearly when none is left")
    void take() {
      recordThree();
      assertThat(sink.takeEvent().eventType()).isEqualTo(EventType.VIEW);
      assertThat(sink.takeEvent().eventType()).isEqualTo(EventType.PURCHASE);
      assertThat(sink.takeEvent().userId()).contains(BOB);
      assertThatThrownBy(sink::takeEvent).isInstanceOf(AssertionError.class)
          .hasMessageContaining("all 3 recorded events were already taken");
    }

    @Test
    @DisplayName("pollEvent waits for an event recorded by another thread")
    void poll() throws Exception {
      CountDownLatch polling = new CountDownLatch(1);
      Thread producer = new Thread(() -> {
        try {
          polling.await();
          sink.record(Interaction.of(ALICE, TENT, EventType.VIEW));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      producer.start();
      polling.countDown();
      Optional<Interaction> got = sink.pollEvent(Duration.ofSeconds(30));
      producer.join();
      assertThat(got).map(Interaction::itemId).contains(TENT);
    }

    @Test
    @DisplayName("pollEvent returns empty when nothing arrives in time")
    void pollTimesOut() throws Exception {
      assertThat(sink.pollEvent(Duration.ZERO)).isEmpty();
    }
  }

  @Nested
  @DisplayName("assertions")
  class Assertions {
    @Test
    @DisplayName("pass on what was recorded and chain")
    void pass() {
      recordThree();
      sink.assertThat()
          .hasSize(3)
          .containsEventFor(ALICE, TENT, EventType.PURCHASE)
          .containsEventFor(BOB, STOVE)
          .doesNotContainEventFor(BOB, TENT, EventType.VIEW)
          .containsExactlyItems(TENT, TENT, STOVE)
          .containsExactlyEventTypes(EventType.VIEW, EventType.PURCHASE, EventType.VIEW)
          .allStamped()
          .anyMatch(e -> e.userId().equals(Optional.of(BOB)), "an event of bob");
      sink.assertThat().forUser(ALICE).hasSize(2).containsExactlyItems(TENT, TENT);
      RecordingEventSink.create().assertThat().isEmpty();
    }

    @Test
    @DisplayName("fail with a message naming the expectation and listing the events")
    void fail() {
      recordThree();
      List<Runnable> failing = new ArrayList<>();
      failing.add(() -> sink.assertThat().hasSize(2));
      failing.add(() -> sink.assertThat().isEmpty());
      failing.add(() -> sink.assertThat().containsEventFor(BOB, STOVE, EventType.PURCHASE));
      failing.add(() -> sink.assertThat().containsEventFor(BOB, TENT));
      failing.add(() -> sink.assertThat().doesNotContainEventFor(ALICE, TENT, EventType.VIEW));
      failing.add(() -> sink.assertThat().containsExactlyItems(TENT, STOVE));
      failing.add(() -> sink.assertThat().containsExactlyEventTypes(EventType.VIEW));
      failing.add(() -> sink.assertThat().anyMatch(e -> false, "nothing"));
      failing.add(() -> sink.assertThat().forUser(BOB).hasSize(3));
      for (Runnable r : failing) {
        assertThatThrownBy(r::run).isInstanceOf(AssertionError.class)
            .hasMessageContaining("expected")
            .hasMessageContaining("item=stove");
      }
      assertThatThrownBy(() -> sink.assertThat().containsEventFor(BOB, STOVE, EventType.PURCHASE))
          .hasMessageContaining("Purchase event of user bob on item stove");
      assertThatThrownBy(() -> sink.assertThat().hasSize(2)).hasMessageContaining("expected 2 recorded events but found 3");
    }
  }
}
