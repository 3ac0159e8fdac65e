package dev.personalize4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.SessionId;
import dev.personalize4j.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventSink} implementation must show, as JUnit 5 tests: extend this
 * class, return a fresh sink from {@link #createSink()} and what reached the backend from {@link
 * #delivered()}. Each test creates its own sink and closes it afterwards.
 */
public abstract class EventSinkContract {
  /** The sink under test, created before each test. */
  protected EventSink sink;

  /** Returns a new, open sink whose deliveries {@link #delivered()} reports. */
  protected abstract EventSink createSink();

  /**
   * Every interaction the backend received from the current sink so far, in arrival order; called
   * after {@link EventSink#flush()} or {@link EventSink#close()}.
   */
  protected abstract List<Interaction> delivered();

  @BeforeEach
  void createTheSink() {
    sink = createSink();
  }

  @AfterEach
  void closeTheSink() {
    if (sink != null) {
      sink.close();
    }
  }

  private static Interaction event(String user, String item, EventType type) {
    return Interaction.of(UserId.of(user), ItemId.of(item), type);
  }

  private static List<String> items(List<Interaction> events) {
    return events.stream().map(e -> e.itemId().value()).toList();
  }

  @Nested
  @DisplayName("Delivery")
  class Delivery {
    @Test
    @DisplayName("flush delivers a recorded event with its user, item and type")
    void single() {
      sink.record(event("alice", "tent", EventType.PURCHASE));
      sink.flush();
      assertThat(delivered()).singleElement().satisfies(e -> {
        assertThat(e.userId()).contains(UserId.of("alice"));
        assertThat(e.itemId()).isEqualTo(ItemId.of("tent"));
        assertThat(e.eventType()).isEqualTo(EventType.PURCHASE);
      });
    }

    @Test
    @DisplayName("flush delivers every event recorded before it")
    void flushDeliversAll() {
      for (int i = 0; i < 57; i++) {
        sink.record(event("user-" + (i % 5), "item-" + i, EventType.VIEW));
      }
      sink.flush();
      assertThat(delivered()).hasSize(57);
      assertThat(items(delivered())).containsExactlyInAnyOrderElementsOf(
          java.util.stream.IntStream.range(0, 57).mapToObj(i -> "item-" + i).toList());
    }

    @Test
    @DisplayName("each user's events arrive in the order they were recorded")
    void orderPerUser() {
      for (int i = 0; i < 30; i++) {
        sink.record(event("alice", "a-" + i, EventType.VIEW));
        sink.record(event("bob", "b-" + i, EventType.CLICK));
      }
      sink.flush();
      List<String> alice = items(delivered().stream()
          .filter(e -> e.userId().equals(Optional.of(UserId.of("alice")))).toList());
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        expected.add("a-" + i);
      }
      assertThat(alice).isEqualTo(expected);
    }

    @Test
    @DisplayName("recordAll delivers every event, in order")
    void recordAll() {
      sink.recordAll(List.of(event("carol", "x", EventType.VIEW), event("carol", "y", EventType.ADD_TO_CART),
          event("carol", "z", EventType.PURCHASE)));
      sink.flush();
      assertThat(items(delivered())).containsExactly("x", "y", "z");
    }

    @Test
    @DisplayName("an anonymous event arrives with its session id")
    void anonymous() {
      sink.record(Interaction.builder().sessionId(SessionId.of("session-9")).itemId(ItemId.of("tent"))
          .eventType(EventType.VIEW).build());
      sink.flush();
      assertThat(delivered()).singleElement()
          .satisfies(e -> assertThat(e.sessionId()).contains(SessionId.of("session-9")));
    }

    @Test
    @DisplayName("event value, recommendation id and impressions arrive unchanged")
    void optionalFields() {
      sink.record(Interaction.builder().userId(UserId.of("dave")).itemId(ItemId.of("tent"))
          .eventType(EventType.PURCHASE).eventValue(249.0).recommendationId("rid-42")
          .addImpressions(ItemId.of("tent"), ItemId.of("stove")).build());
      sink.flush();
      assertThat(delivered()).singleElement().satisfies(e -> {
        assertThat(e.eventValue()).hasValue(249.0);
        assertThat(e.recommendationId()).contains("rid-42");
        assertThat(e.impressions()).containsExactly(ItemId.of("tent"), ItemId.of("stove"));
      });
    }
  }

  @Nested
  @DisplayName("Stamping")
  class Stamping {
    @Test
    @DisplayName("an event without an id gets one, unique per event")
    void eventIdAssigned() {
      for (int i = 0; i < 20; i++) {
        sink.record(event("erin", "item-" + i, EventType.VIEW));
      }
      sink.flush();
      List<Interaction> got = delivered();
      assertThat(got).hasSize(20).allSatisfy(e -> assertThat(e.eventId()).isPresent());
      assertThat(got.stream().map(e -> e.eventId().orElseThrow()).distinct().count()).isEqualTo(20);
    }

    @Test
    @DisplayName("an event id given by the caller is kept")
    void eventIdKept() {
      sink.record(Interaction.builder().userId(UserId.of("frank")).itemId(ItemId.of("tent"))
          .eventType(EventType.VIEW).eventId("my-own-id").build());
      sink.flush();
      assertThat(delivered()).singleElement().satisfies(e -> assertThat(e.eventId()).contains("my-own-id"));
    }

    @Test
    @DisplayName("an event without a timestamp is stamped")
    void timestampStamped() {
      sink.record(event("gina", "tent", EventType.VIEW));
      sink.flush();
      assertThat(delivered()).singleElement().satisfies(e -> assertThat(e.timestamp()).isPresent());
    }

    @Test
    @DisplayName("a timestamp given by the caller is kept, to the second")
    void timestampKept() {
      Instant when = Instant.parse("2025-06-02T08:15:30Z");
      sink.record(Interaction.builder().userId(UserId.of("hank")).itemId(ItemId.of("tent"))
          .eventType(EventType.VIEW).timestamp(when).build());
      sink.flush();
      assertThat(delivered()).singleElement().satisfies(e -> assertThat(e.timestamp()).contains(when));
    }
  }

  @Nested
  @DisplayName("Closing")
  class Closing {
    @Test
    @DisplayName("close delivers pending events")
    void closeDelivers() {
      for (int i = 0; i < 15; i++) {
        sink.record(event("ivy", "item-" + i, EventType.VIEW));
      }
      sink.close();
      assertThat(delivered()).hasSize(15);
    }

    @Test
    @DisplayName("recording after close fails with IllegalStateException")
    void recordAfterClose() {
      sink.close();
      assertThatThrownBy(() -> sink.record(event("jack", "tent", EventType.VIEW)))
          .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("closing twice is harmless")
    void closeTwice() {
      sink.close();
      assertThatCode(() -> sink.close()).doesNotThrowAnyException();
    }
  }

  @Nested
  @DisplayName("Concurrent use")
  class Concurrency {
    @Test
    @DisplayName("events recorded from many threads at once are all delivered, exactly once")
    void manyThreads() throws Exception {
      int threads = 8;
      int perThread = 40;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          futures.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < perThread; i++) {
              sink.record(event("thread-" + id, "t" + id + "-" + i, EventType.VIEW));
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : futures) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      sink.flush();
      List<Interaction> got = delivered();
      assertThat(got).hasSize(threads * perThread);
      Set<String> ids = new HashSet<>(items(got));
      assertThat(ids).hasSize(threads * perThread);
      for (int t = 0; t < threads; t++) {
        String user = "thread-" + t;
        List<String> own = items(got.stream().filter(e -> e.userId().equals(Optional.of(UserId.of(user)))).toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          expected.add("t" + t + "-" + i);
        }
        assertThat(own).as("order of %s", user).isEqualTo(expected);
      }
    }
  }

  @Nested
  @DisplayName("Validation")
  class Validation {
    @Test
    @DisplayName("an event without user and session fails when it is built")
    void noUserOrSession() {
      assertThatThrownBy(() -> Interaction.builder().itemId(ItemId.of("tent")).eventType(EventType.VIEW).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userId");
    }

    @Test
    @DisplayName("more than 25 impressions fail when the event is built")
    void tooManyImpressions() {
      List<ItemId> shown = new ArrayList<>();
      for (int i = 0; i < 26; i++) {
        shown.add(ItemId.of("shown-" + i));
      }
      assertThatThrownBy(() -> Interaction.builder().userId(UserId.of("kim")).itemId(ItemId.of("tent"))
          .eventType(EventType.VIEW).addAllImpressions(shown).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("impressions");
    }

    @Test
    @DisplayName("a recommendation id over 40 characters fails when the event is built")
    void longRecommendationId() {
      assertThatThrownBy(() -> Interaction.builder().userId(UserId.of("kim")).itemId(ItemId.of("tent"))
          .eventType(EventType.VIEW).recommendationId("r".repeat(41)).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recommendationId");
    }

    @Test
    @DisplayName("recording null fails with NullPointerException and delivers nothing")
    void nullRejected() {
      assertThatThrownBy(() -> sink.record(null)).isInstanceOf(NullPointerException.class);
      sink.flush();
      assertThat(delivered()).isEmpty();
    }
  }
}
