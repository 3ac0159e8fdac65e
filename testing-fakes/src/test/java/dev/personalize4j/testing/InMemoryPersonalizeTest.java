package dev.personalize4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.InvalidRequestException;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.Promotion;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryPersonalizeTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final UserId ALICE = UserId.of("alice");
  final MutableClock clock = MutableClock.of(T0);
  InMemoryPersonalize p;

  @BeforeEach
  void setUp() {
    p = InMemoryPersonalize.builder().clock(clock)
        .filter("cheap", "INCLUDE ItemID WHERE Items.PRICE <= $PRICE")
        .filter("books", "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"Books\")")
        .filter("no-purchases", "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")")
        .build();
    for (int i = 0; i < 10; i++) {
      p.catalog().upsertItem(Item.builder(ItemId.of("book-" + i)).categoryL1("Books").price(10 + i).build());
      p.catalog().upsertItem(Item.builder(ItemId.of("tool-" + i)).categoryL1("Tools").price(50 + i).build());
    }
    for (int u = 0; u < 5; u++) {
      p.eventSink().record(Interaction.of(UserId.of("u" + u), ItemId.of("tool-" + u % 2), EventType.PURCHASE));
    }
  }

  @Test
  @DisplayName("stamps recorded events from the clock with an event id, and keeps them in order")
  void recording() {
    clock.advance(Duration.ofMinutes(1));
    p.eventSink().record(Interaction.of(ALICE, ItemId.of("book-1"), EventType.VIEW));
    List<Interaction> events = p.recordedEvents();
    assertThat(events).hasSize(6);
    Interaction last = events.get(5);
    assertThat(last.timestamp()).contains(T0.plusSeconds(60));
    assertThat(last.eventId()).isPresent();
    assertThat(events.stream().map(e -> e.eventId().orElseThrow()).distinct()).hasSize(6);
    assertThatThrownBy(() -> events.add(last)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("answers are LIVE, served at the clock's time, with increasing rid- ids")
  void answers() {
    Recommendations first = p.recommender().popular();
    clock.advance(Duration.ofSeconds(1));
    Recommendations second = p.recommender().forUser(ALICE);
    assertThat(first.source()).isEqualTo(Recommendations.Source.LIVE);
    assertThat(first.servedAt()).isEqualTo(T0);
    assertThat(second.servedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(first.recommendationId()).contains("rid-1");
    assertThat(second.recommendationId()).contains("rid-2");
  }

  @Test
  @DisplayName("applies named filters with values")
  void filters() {
    RecommendationRequest cheap = RecommendationRequest.builder().limit(20).filter("cheap", "PRICE", "12").build();
    assertThat(p.recommender().forUser(ALICE, cheap).itemIds()).extracting(ItemId::value)
        .containsExactlyInAnyOrder("book-0", "book-1", "book-2");
    assertThat(p.recommender().popular(RecommendationRequest.builder().limit(20).filter("books").build()).itemIds())
        .hasSize(10).allSatisfy(id -> assertThat(id.value()).startsWith("book-"));
    assertThat(p.filterNames()).containsExactly("cheap", "books", "no-purchases");
  }

  @Test
  @DisplayName("an unknown filter or a missing INCLUDE value is an InvalidRequestException")
  void badFilterUse() {
    assertThatThrownBy(() -> p.recommender().forUser(ALICE, RecommendationRequest.builder().filter("nope").build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nope").hasMessageContaining("cheap");
    assertThatThrownBy(() -> p.recommender().popular(RecommendationRequest.builder().filter("cheap").build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("$PRICE");
  }

  @Test
  @DisplayName("an invalid filter expression fails at build time, naming the filter")
  void badExpression() {
    assertThatThrownBy(() -> InMemoryPersonalize.builder().filter("broken", "INCLUDE ItemID WHERE (Items.PRICE > 1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken")
        .hasMessageContaining("unbalanced parentheses");
  }

  @Test
  @DisplayName("a recorded purchase is excluded at once by an EXCLUDE filter")
  void realTimeFilter() {
    RecommendationRequest req = RecommendationRequest.builder().limit(50).filter("no-purchases").build();
    assertThat(p.recommender().forUser(ALICE, req).itemIds()).contains(ItemId.of("tool-0"));
    p.eventSink().record(Interaction.of(ALICE, ItemId.of("tool-0"), EventType.PURCHASE));
    assertThat(p.recommender().forUser(ALICE, req).itemIds()).doesNotContain(ItemId.of("tool-0")).hasSize(19);
  }

  @Test
  @DisplayName("scripted answers override the engine for one user only, until cleared")
  void scripted() {
    p.givenRecommendations(ALICE, ItemId.of("book-9"), ItemId.of("book-8"));
    assertThat(p.recommender().forUser(ALICE).itemIds()).extracting(ItemId::value).containsExactly("book-9", "book-8");
    assertThat(p.recommender().forUser(UserId.of("bob")).itemIds()).hasSizeGreaterThan(2);
    p.givenSimilarItems(ItemId.of("tool-0"), ItemId.of("book-3"));
    assertThat(p.recommender().similarTo(ItemId.of("tool-0")).itemIds()).extracting(ItemId::value).containsExactly("book-3");
    p.clearScripts();
    assertThat(p.recommender().forUser(ALICE).itemIds()).hasSizeGreaterThan(2);
  }

  @Test
  @DisplayName("returns requested metadata columns")
  void metadata() {
    Recommendations r = p.recommender().popular(RecommendationRequest.builder().limit(2)
        .addMetadataColumns("PRICE", "CATEGORY_L1").build());
    Recommendation top = r.items().get(0);
    assertThat(top.itemId()).isEqualTo(ItemId.of("tool-0"));
    assertThat(top.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("PRICE", "50", "CATEGORY_L1", "Tools"));
  }

  @Test
  @DisplayName("promotes the requested share of items matching the promotion filter, in place")
  void promotion() {
    RecommendationRequest req = RecommendationRequest.builder().limit(10)
        .promotion(Promotion.of("reading", 20, "books")).build();
    Recommendations r = p.recommender().forUser(ALICE, req);
    assertThat(r.items()).hasSize(10);
    List<Recommendation> promoted = r.items().stream().filter(i -> i.promotionName().isPresent()).toList();
    assertThat(promoted).hasSize(2).allSatisfy(i -> {
      assertThat(i.promotionName()).contains("reading");
      assertThat(i.itemId().value()).startsWith("book-");
    });
    assertThat(r.itemIds()).doesNotHaveDuplicates();
    assertThat(r.items().get(0).promotionName()).isEmpty();
  }

  @Test
  @DisplayName("bulk loads count what they load; users are stored with their attributes")
  void catalog() {
    long n = p.catalog().bulkLoadItems(IntStream.range(0, 3000)
        .mapToObj(i -> Item.builder(ItemId.of("bulk-" + i)).categoryL1("Bulk").price(1).build()));
    assertThat(n).isEqualTo(3000);
    assertThat(p.storedItem(ItemId.of("bulk-2999"))).isPresent();
    User bob = User.builder(UserId.of("bob")).numeric("AGE", 40).build();
    assertThat(p.catalog().bulkLoadUsers(java.util.stream.Stream.of(bob))).isEqualTo(1);
    assertThat(p.storedUser(UserId.of("bob"))).contains(bob);
  }

  @Test
  @DisplayName("reset forgets items, events and scripts but keeps the filters")
  void reset() {
    p.givenRecommendations(ALICE, ItemId.of("book-1"));
    p.reset();
    assertThat(p.recordedEvents()).isEmpty();
    assertThat(p.storedItem(ItemId.of("book-1"))).isEmpty();
    assertThat(p.recommender().forUser(ALICE).items()).isEmpty();
    assertThat(p.filterNames()).contains("cheap");
    p.eventSink().record(Interaction.of(ALICE, ItemId.of("new"), EventType.VIEW));
    assertThat(p.recommender().popular().itemIds()).containsExactly(ItemId.of("new"));
  }

  @Test
  @DisplayName("close stops the event sink but not the recommender")
  void close() {
    p.close();
    assertThatThrownBy(() -> p.eventSink().record(Interaction.of(ALICE, ItemId.of("book-1"), EventType.VIEW)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(p.recommender().popular().items()).isNotEmpty();
  }
}
