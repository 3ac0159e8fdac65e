package dev.personalize4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.SessionId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EngineTest {
  static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  Engine engine;
  int minute;

  @BeforeEach
  void setUp() {
    engine = new Engine(clock);
    minute = 0;
  }

  void item(String id, String category, double price) {
    engine.putItem(Item.builder(ItemId.of(id)).categoryL1(category).price(price).build());
  }

  void event(String user, String item, EventType type) {
    event(user, item, type, NOW.minus(Duration.ofDays(1)).plusSeconds(60L * minute++));
  }

  void event(String user, String item, EventType type, Instant at) {
    engine.record(Interaction.builder().userId(UserId.of(user)).itemId(ItemId.of(item))
        .eventType(type).timestamp(at).build());
  }

  static List<String> ids(List<ScoredItem> items) {
    return items.stream().map(ScoredItem::itemId).toList();
  }

  static void assertWellFormed(List<ScoredItem> items, int n) {
    assertThat(items.size()).isLessThanOrEqualTo(n);
    assertThat(ids(items)).doesNotHaveDuplicates();
    for (int i = 0; i < items.size(); i++) {
      assertThat(items.get(i).score()).isBetween(0.0, 1.0);
      if (i > 0) {
        assertThat(items.get(i).score()).isLessThanOrEqualTo(items.get(i - 1).score());
      }
    }
  }

  /** Tent buyers buy the sleeping bag; everybody views the phone; a few buy books. */
  void outdoorStore() {
    item("tent", "outdoor", 200);
    item("sleeping-bag", "outdoor", 80);
    item("stove", "outdoor", 60);
    item("phone", "electronics", 500);
    item("charger", "electronics", 20);
    item("novel", "books", 15);
    item("atlas", "books", 30);
    for (int u = 0; u < 5; u++) {
      event("camper" + u, "tent", EventType.PURCHASE);
      event("camper" + u, "sleeping-bag", EventType.PURCHASE);
    }
    for (int u = 0; u < 20; u++) {
      event("shopper" + u, "phone", EventType.PURCHASE);
      if (u % 2 == 0) {
        event("shopper" + u, "charger", EventType.PURCHASE);
      }
    }
    event("reader", "novel", EventType.PURCHASE);
    event("reader", "atlas", EventType.VIEW);
  }

  @Nested
  @DisplayName("bookkeeping")
  class Bookkeeping {
    @Test
    @DisplayName("items are upserted and listed in id order")
    void items() {
      item("b", "x", 1);
      item("a", "x", 1);
      item("b", "y", 2);
      assertThat(engine.items()).extracting(i -> i.id().value()).containsExactly("a", "b");
      assertThat(engine.item("b").orElseThrow().categoryL1()).contains("y");
      assertThat(engine.item("zzz")).isEmpty();
    }

    @Test
    @DisplayName("users are upserted")
    void users() {
      engine.putUser(User.builder(UserId.of("u")).numeric("AGE", 30).build());
      engine.putUser(User.builder(UserId.of("u")).numeric("AGE", 31).build());
      assertThat(engine.user("u").orElseThrow().numeric("AGE")).hasValue(31);
      assertThat(engine.user("v")).isEmpty();
    }

    @Test
    @DisplayName("a record without a timestamp is rejected")
    void timestampRequired() {
      assertThatThrownBy(() -> engine.record(Interaction.of(UserId.of("u"), ItemId.of("i"), EventType.VIEW)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp");
    }

    @Test
    @DisplayName("counts interactions, users, event types; anonymous events key by session")
    void counts() {
      event("u1", "a", EventType.VIEW);
      event("u1", "b", EventType.of("view"));
      event("u2", "a", EventType.PURCHASE);
      engine.record(Interaction.builder().sessionId(SessionId.of("s1")).itemId(ItemId.of("c"))
          .eventType(EventType.CLICK).timestamp(NOW).build());
      assertThat(engine.interactionCount()).isEqualTo(4);
      assertThat(engine.userCount()).isEqualTo(3);
      assertThat(engine.usersWithAtLeast(2)).isEqualTo(1);
      assertThat(engine.eventTypes()).containsExactly("View", "view", "Purchase", "Click");
      assertThat(engine.history("s1", Optional.empty(), 100)).containsExactly("c");
    }

    @Test
    @DisplayName("history is most recent first, distinct, per type capped, type case-insensitive")
    void history() {
      event("u", "a", EventType.VIEW, NOW.minusSeconds(50));
      event("u", "b", EventType.PURCHASE, NOW.minusSeconds(40));
      event("u", "c", EventType.VIEW, NOW.minusSeconds(30));
      event("u", "a", EventType.VIEW, NOW.minusSeconds(20));
      event("u", "z", EventType.VIEW, NOW.minusSeconds(100)); // recorded late, happened first
      assertThat(engine.history("u", Optional.empty(), 100)).containsExactly("a", "c", "b", "z");
      assertThat(engine.history("u", Optional.of("purchase"), 100)).containsExactly("b");
      assertThat(engine.history("u", Optional.of("VIEW"), 2)).containsExactly("a", "c");
      assertThat(engine.history("u", Optional.empty(), 1)).containsExactly("a", "b");
      assertThat(engine.history("nobody", Optional.empty(), 100)).isEmpty();
    }

    @Test
    @DisplayName("clear forgets everything")
    void clear() {
      outdoorStore();
      engine.clear();
      assertThat(engine.items()).isEmpty();
      assertThat(engine.interactionCount()).isZero();
      assertThat(engine.popular(10, Optional.empty(), ItemFilter.all())).isEmpty();
    }
  }

  @Nested
  @DisplayName("popularity")
  class Popularity {
    @Test
    @DisplayName("orders by event count, ties by id, and respects n and the filter")
    void counts() {
      outdoorStore();
      List<ScoredItem> top = engine.popular(3, Optional.empty(), ItemFilter.all());
      assertThat(ids(top)).containsExactly("phone", "charger", "sleeping-bag");
      assertWellFormed(top, 3);
      assertThat(ids(engine.popular(2, Optional.empty(), id -> !id.equals("phone"))))
          .containsExactly("charger", "sleeping-bag");
    }

    @Test
    @DisplayName("fills up with items nobody interacted with, after the popular ones")
    void fills() {
      outdoorStore();
      item("unsold", "books", 3);
      List<ScoredItem> all = engine.popular(100, Optional.empty(), ItemFilter.all());
      assertThat(all).hasSize(8);
      assertThat(all.get(7)).isEqualTo(new ScoredItem("unsold", 0.0));
      assertThat(all.stream().mapToDouble(ScoredItem::score).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("counts only the given event type, matched case-insensitively")
    void byType() {
      outdoorStore();
      for (int u = 0; u < 30; u++) {
        event("viewer" + u, "atlas", EventType.VIEW);
      }
      assertThat(ids(engine.popular(1, Optional.empty(), ItemFilter.all()))).containsExactly("atlas");
      assertThat(ids(engine.popular(1, Optional.of("PURCHASE"), ItemFilter.all()))).containsExactly("phone");
      assertThat(ids(engine.popular(1, Optional.of("view"), ItemFilter.all()))).containsExactly("atlas");
    }

    @Test
    @DisplayName("recent events weigh more than old ones")
    void recency() {
      item("old", "x", 1);
      item("new", "x", 1);
      event("u1", "old", EventType.VIEW, NOW.minus(Duration.ofDays(200)));
      event("u2", "old", EventType.VIEW, NOW.minus(Duration.ofDays(200)));
      event("u3", "new", EventType.VIEW, NOW.minus(Duration.ofDays(1)));
      assertThat(ids(engine.popular(2, Optional.empty(), ItemFilter.all()))).containsExactly("new", "old");
    }
  }

  @Nested
  @DisplayName("related items")
  class Related {
    @Test
    @DisplayName("are the items bought together, never the item itself")
    void cooccurrence() {
      outdoorStore();
      List<ScoredItem> similar = engine.similar("tent", 10, ItemFilter.all());
      assertThat(similar.get(0).itemId()).isEqualTo("sleeping-bag");
      assertThat(ids(similar)).doesNotContain("tent").hasSize(6);
      assertWellFormed(similar, 10);
    }

    @Test
    @DisplayName("fall back to the same category, then popularity, when nothing co-occurs")
    void fallback() {
      outdoorStore();
      List<String> similar = ids(engine.similar("stove", 6, ItemFilter.all()));
      assertThat(similar.subList(0, 2)).containsExactly("sleeping-bag", "tent");
      assertThat(similar.get(2)).isEqualTo("phone");
      assertThat(similar).doesNotContain("stove");
      assertThat(ids(engine.similar("unknown-item", 2, ItemFilter.all()))).containsExactly("phone", "charger");
    }
  }

  @Nested
  @DisplayName("personalization")
  class Personal {
    @Test
    @DisplayName("a tent buyer gets the sleeping bag ahead of the more popular phone")
    void knn() {
      outdoorStore();
      event("newcamper", "tent", EventType.PURCHASE);
      List<ScoredItem> recs = engine.forUser("newcamper", 5, ItemFilter.all());
      assertThat(recs.get(0).itemId()).isEqualTo("sleeping-bag");
      assertThat(ids(recs).indexOf("sleeping-bag")).isLessThan(ids(recs).indexOf("phone"));
      assertWellFormed(recs, 5);
    }

    @Test
    @DisplayName("a user who buys in a category gets that category")
    void category() {
      outdoorStore();
      event("bookworm", "atlas", EventType.PURCHASE);
      List<String> recs = ids(engine.forUser("bookworm", 3, ItemFilter.all()));
      assertThat(recs).contains("novel");
    }

    @Test
    @DisplayName("a recorded event changes the user's next answer at once")
    void realTime() {
      outdoorStore();
      List<String> before = ids(engine.forUser("fresh", 3, ItemFilter.all()));
      event("fresh", "novel", EventType.PURCHASE);
      List<String> after = ids(engine.forUser("fresh", 3, ItemFilter.all()));
      assertThat(after).isNotEqualTo(before).contains("atlas");
    }

    @Test
    @DisplayName("an unknown user without attributes gets popular items")
    void unknown() {
      outdoorStore();
      assertThat(ids(engine.forUser("stranger", 3, ItemFilter.all())))
          .isEqualTo(ids(engine.popular(3, Optional.empty(), ItemFilter.all())));
    }

    @Test
    @DisplayName("an unknown user with attributes gets what similar users favour")
    void demographic() {
      outdoorStore();
      for (int u = 0; u < 5; u++) {
        engine.putUser(User.builder(UserId.of("camper" + u)).numeric("AGE", 21 + u).categorical("GENDER", "F").build());
      }
      for (int u = 0; u < 20; u++) {
        engine.putUser(User.builder(UserId.of("shopper" + u)).numeric("AGE", 45).categorical("GENDER", "M").build());
      }
      engine.putUser(User.builder(UserId.of("young")).numeric("AGE", 28).categorical("GENDER", "F").build());
      engine.putUser(User.builder(UserId.of("older")).numeric("AGE", 47).categorical("GENDER", "M").build());
      engine.putUser(User.builder(UserId.of("alien")).categorical("PLANET", "Mars").build());
      assertThat(ids(engine.forUser("young", 2, ItemFilter.all()))).containsExactlyInAnyOrder("tent", "sleeping-bag");
      assertThat(ids(engine.forUser("older", 2, ItemFilter.all()))).containsExactly("phone", "charger");
      assertThat(ids(engine.forUser("alien", 3, ItemFilter.all())))
          .isEqualTo(ids(engine.popular(3, Optional.empty(), ItemFilter.all())));
    }

    @Test
    @DisplayName("purchased items are not excluded by default; a filter excludes them")
    void noImplicitExclusion() {
      outdoorStore();
      assertThat(ids(engine.forUser("camper0", 10, ItemFilter.all()))).contains("tent", "sleeping-bag");
      assertThat(ids(engine.forUser("camper0", 10, id -> !id.equals("tent")))).doesNotContain("tent");
    }

    @Test
    @DisplayName("the same input gives the same answer")
    void deterministic() {
      outdoorStore();
      List<String> first = ids(engine.forUser("camper1", 7, ItemFilter.all()));
      assertThat(first).isEqualTo(ids(engine.forUser("camper1", 7, ItemFilter.all())));
      assertThat(engine.forUser("camper1", 7, ItemFilter.all())).isEqualTo(engine.forUser("camper1", 7, ItemFilter.all()));
    }
  }

  @Nested
  @DisplayName("ranking")
  class Ranking {
    @Test
    @DisplayName("returns every candidate, best first, scores summing to 1, unknown ones last")
    void rank() {
      outdoorStore();
      event("newcamper", "tent", EventType.PURCHASE);
      List<ScoredItem> ranked = engine.rank("newcamper", List.of("mystery", "phone", "sleeping-bag", "novel"), ItemFilter.all());
      assertThat(ids(ranked)).containsExactly("sleeping-bag", "phone", "novel", "mystery");
      assertThat(ranked.stream().mapToDouble(ScoredItem::score).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(ranked.get(3).score()).isZero();
      assertThat(ranked).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
    }

    @Test
    @DisplayName("drops candidates the filter rejects; all-unknown candidates share equally")
    void filterAndUnknown() {
      outdoorStore();
      assertThat(ids(engine.rank("camper0", List.of("phone", "tent"), id -> !id.equals("tent")))).containsExactly("phone");
      List<ScoredItem> unknown = engine.rank("camper0", List.of("x", "y"), ItemFilter.all());
      assertThat(unknown).containsExactly(new ScoredItem("x", 0.5), new ScoredItem("y", 0.5));
    }
  }

  @Test
  @DisplayName("handles thousands of items and 100k interactions")
  void scale() {
    Random random = new Random(42);
    for (int i = 0; i < 3000; i++) {
      item("item" + i, "cat" + (i % 20), i % 100);
    }
    for (int e = 0; e < 100_000; e++) {
      int user = random.nextInt(2000);
      int item = (int) Math.min(2999, Math.abs(random.nextGaussian()) * 400 + (user % 20));
      event("user" + user, "item" + item, e % 5 == 0 ? EventType.PURCHASE : EventType.VIEW,
          NOW.minusSeconds(100_000 - e));
    }
    assertThat(engine.interactionCount()).isEqualTo(100_000);
    for (int q = 0; q < 20; q++) {
      assertWellFormed(engine.forUser("user" + q, 25, ItemFilter.all()), 25);
      assertWellFormed(engine.similar("item" + q, 25, ItemFilter.all()), 25);
    }
    assertThat(engine.popular(25, Optional.of("Purchase"), ItemFilter.all())).hasSize(25);
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      candidates.add("item" + i);
    }
    assertThat(engine.rank("user1", candidates, ItemFilter.all())).hasSize(500);
  }

  @Test
  @DisplayName("answers do not depend on which questions were asked before (cache invalidation is exact)")
  void cacheIsInvisible() {
    Engine warm = new Engine(clock);
    Engine cold = new Engine(clock);
    Random random = new Random(7);
    for (int i = 0; i < 120; i++) {
      Item it = Item.builder(ItemId.of("i" + i)).categoryL1("c" + i % 6).price(i).build();
      warm.putItem(it);
      cold.putItem(it);
    }
    for (int e = 0; e < 3000; e++) {
      String user = "u" + random.nextInt(150);
      String item = "i" + Math.min(119, (int) Math.abs(random.nextGaussian() * 30));
      Interaction in = Interaction.builder().userId(UserId.of(user)).itemId(ItemId.of(item))
          .eventType(e % 4 == 0 ? EventType.PURCHASE : EventType.VIEW).timestamp(NOW.minusSeconds(5000 - e)).build();
      warm.record(in);
      cold.record(in);
      if (e % 7 == 0) {
        warm.forUser(user, 10, ItemFilter.all());
        warm.similar("i" + random.nextInt(120), 10, ItemFilter.all());
      }
    }
    for (int u = 0; u < 150; u++) {
      assertThat(warm.forUser("u" + u, 20, ItemFilter.all())).isEqualTo(cold.forUser("u" + u, 20, ItemFilter.all()));
    }
    for (int i = 0; i < 120; i++) {
      assertThat(warm.similar("i" + i, 20, ItemFilter.all())).isEqualTo(cold.similar("i" + i, 20, ItemFilter.all()));
    }
  }

  @Test
  @DisplayName("concurrent recording and querying neither fails nor loses events")
  void concurrent() throws Exception {
    outdoorStore();
    long before = engine.interactionCount();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < 200; i++) {
            engine.record(Interaction.builder().userId(UserId.of("t" + id)).itemId(ItemId.of("novel"))
                .eventType(EventType.VIEW).timestamp(NOW).build());
            assertThat(engine.forUser("t" + id, 5, ItemFilter.all())).isNotEmpty();
          }
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
    assertThat(engine.interactionCount()).isEqualTo(before + threads * 200L);
  }
}
