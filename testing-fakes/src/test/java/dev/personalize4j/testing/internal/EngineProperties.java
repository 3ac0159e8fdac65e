package dev.personalize4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Invariants of the engine and the filter parser on random input. */
class EngineProperties {
  static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

  record Event(int user, int item, boolean purchase, int secondsAgo) {}

  @Provide
  Arbitrary<List<Event>> histories() {
    Arbitrary<Event> event = Combinators.combine(
        Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 29),
        Arbitraries.of(true, false), Arbitraries.integers().between(0, 1_000_000)).as(Event::new);
    return event.list().ofMaxSize(200);
  }

  static Engine engine(List<Event> events) {
    Engine engine = new Engine(Clock.fixed(NOW, ZoneOffset.UTC));
    for (int i = 0; i < 30; i++) {
      engine.putItem(Item.builder(ItemId.of("i" + i)).categoryL1("c" + i % 4).price(i).build());
    }
    for (Event e : events) {
      engine.record(Interaction.builder().userId(UserId.of("u" + e.user())).itemId(ItemId.of("i" + e.item()))
          .eventType(e.purchase() ? EventType.PURCHASE : EventType.VIEW)
          .timestamp(NOW.minusSeconds(e.secondsAgo())).build());
    }
    return engine;
  }

  static void wellFormed(List<ScoredItem> items, int n) {
    assertThat(items.size()).isLessThanOrEqualTo(n);
    assertThat(items.stream().map(ScoredItem::itemId).distinct().count()).isEqualTo(items.size());
    for (int i = 0; i < items.size(); i++) {
      assertThat(items.get(i).score()).isBetween(0.0, 1.0);
      if (i > 0) {
        assertThat(items.get(i).score()).isLessThanOrEqualTo(items.get(i - 1).score());
      }
    }
  }

  @Property(tries = 60)
  void answersAreWellFormed(@ForAll("histories") List<Event> events, @ForAll @IntRange(min = 0, max = 40) int n,
      @ForAll @IntRange(min = 0, max = 16) int user, @ForAll @IntRange(min = 0, max = 29) int item) {
    Engine engine = engine(events);
    List<ScoredItem> forUser = engine.forUser("u" + user, n, ItemFilter.all());
    wellFormed(forUser, n);
    assertThat(forUser).hasSize(Math.min(n, 30));
    List<ScoredItem> similar = engine.similar("i" + item, n, ItemFilter.all());
    wellFormed(similar, n);
    assertThat(similar).extracting(ScoredItem::itemId).doesNotContain("i" + item);
    wellFormed(engine.popular(n, Optional.of("purchase"), ItemFilter.all()), n);
  }

  @Property(tries = 60)
  void rankingSharesSumToOne(@ForAll("histories") List<Event> events,
      @ForAll @IntRange(min = 0, max = 16) int user, @ForAll @IntRange(min = 1, max = 40) int candidates) {
    Engine engine = engine(events);
    List<String> list = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      list.add("i" + (i * 7 % 40));
    }
    List<String> distinct = list.stream().distinct().toList();
    List<ScoredItem> ranked = engine.rank("u" + user, distinct, ItemFilter.all());
    assertThat(ranked).extracting(ScoredItem::itemId).containsExactlyInAnyOrderElementsOf(distinct);
    assertThat(ranked.stream().mapToDouble(ScoredItem::score).sum()).isCloseTo(1.0, within(1e-6));
    int firstUnknown = -1;
    for (int i = 0; i < ranked.size(); i++) {
      boolean known = Integer.parseInt(ranked.get(i).itemId().substring(1)) < 30;
      if (!known && firstUnknown < 0) {
        firstUnknown = i;
      }
      if (known) {
        assertThat(firstUnknown).as("known candidate after an unknown one").isNegative();
      }
    }
  }

  @Property(tries = 40)
  void excludePurchasedHoldsExactly(@ForAll("histories") List<Event> events,
      @ForAll @IntRange(min = 0, max = 14) int user) {
    Engine engine = engine(events);
    Set<String> bought = new HashSet<>();
    for (Event e : events) {
      if (e.user() == user && e.purchase()) {
        bought.add("i" + e.item());
      }
    }
    ItemFilter filter = FilterExpression.parse("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")")
        .bind(engine, Optional.of("u" + user), Optional.empty(), Map.of());
    List<ScoredItem> recs = engine.forUser("u" + user, 30, filter);
    assertThat(recs).allSatisfy(r -> assertThat(bought).doesNotContain(r.itemId()));
    assertThat(recs).hasSize(30 - bought.size());
  }

  @Property(tries = 300)
  void parserFailsOnlyWithIllegalArgument(@ForAll @StringLength(max = 80) String tail) {
    for (String expression : List.of(tail, "INCLUDE ItemID WHERE " + tail, "EXCLUDE ItemID WHERE Items.X IN (" + tail)) {
      try {
        FilterExpression.parse(expression);
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Property(tries = 100)
  void includeChainsUniteAndExcludesSubtract(@ForAll @IntRange(min = 0, max = 3) int a,
      @ForAll @IntRange(min = 0, max = 3) int b, @ForAll @IntRange(min = 0, max = 29) int maxPrice) {
    Engine engine = engine(List.of());
    String inA = "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"c" + a + "\")";
    String inB = "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"c" + b + "\")";
    String exPrice = "EXCLUDE ItemID WHERE Items.PRICE > " + maxPrice;
    ItemFilter union = FilterExpression.parse(inA + " | " + inB).bind(engine, Optional.empty(), Optional.empty(), Map.of());
    ItemFilter difference = FilterExpression.parse(exPrice + " | " + inA)
        .bind(engine, Optional.empty(), Optional.empty(), Map.of());
    for (int i = 0; i < 30; i++) {
      int category = i % 4;
      assertThat(union.test("i" + i)).isEqualTo(category == a || category == b);
      assertThat(difference.test("i" + i)).isEqualTo(category == a && i <= maxPrice);
    }
  }
}
