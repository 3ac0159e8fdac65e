package dev.personalize4j.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.examples.shop.StorefrontService.Shelf;
import dev.personalize4j.testing.InMemoryPersonalize;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storefront against {@link InMemoryPersonalize}: a real (in-memory) engine with real
 * Personalize filter expressions, so the test checks behaviour that scripted answers cannot, such as
 * "what you bought leaves the homepage".
 */
class StorefrontServiceInMemoryTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final ItemId TENT = ItemId.of("tent");
  private static final ItemId SLEEPING_BAG = ItemId.of("sleeping-bag");
  private static final ItemId STOVE = ItemId.of("stove");

  private final Item tent = Item.builder(TENT).price(199).categoryL1("Outdoor").categoryL2("Tents").build();
  private final Item sleepingBag =
      Item.builder(SLEEPING_BAG).price(89).categoryL1("Outdoor").categoryL2("Sleeping Bags").build();
  private final Item stove = Item.builder(STOVE).price(49).categoryL1("Outdoor").categoryL2("Stoves").build();

  @Test
  void checkout_removesWhatWasBoughtFromTheHomepageAndRecordsThePurchase() {
    // README: in-memory fakes begin
    InMemoryPersonalize personalize = InMemoryPersonalize.builder()
        .filter("exclude-purchased", "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")")
        .build();
    personalize.catalog().upsertItems(List.of(tent, sleepingBag, stove));
    StorefrontService storefront = new StorefrontService(personalize.recommender(), personalize.eventSink());

    storefront.checkout(ALICE, List.of(TENT), storefront.homepage(ALICE));

    assertThat(storefront.homepage(ALICE).itemIds()).doesNotContain(TENT);
    assertThat(personalize.recordedEvents()).extracting(Interaction::eventType).containsExactly(EventType.PURCHASE);
    // README: in-memory fakes end
    assertThat(personalize.recordedEvents().get(0).recommendationId()).isPresent();
  }

  @Test
  void homepage_whenEverythingWasBought_showsBestSellers() {
    InMemoryPersonalize personalize = InMemoryPersonalize.builder()
        .clock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
        .filter(StorefrontService.EXCLUDE_PURCHASED, "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")")
        .build();
    personalize.catalog().upsertItems(List.of(tent, sleepingBag, stove));
    personalize.eventSink().record(Interaction.of(BOB, STOVE, EventType.PURCHASE));
    StorefrontService storefront = new StorefrontService(personalize.recommender(), personalize.eventSink());

    storefront.checkout(ALICE, List.of(TENT, SLEEPING_BAG, STOVE), storefront.homepage(ALICE));
    Shelf shelf = storefront.homepage(ALICE);

    assertThat(shelf.kind()).isEqualTo(Shelf.Kind.POPULAR);
    assertThat(shelf.itemIds()).startsWith(STOVE);
  }

  @Test
  void productPage_showsWhatOthersBoughtTogether() {
    InMemoryPersonalize personalize = InMemoryPersonalize.create();
    personalize.catalog().upsertItems(List.of(tent, sleepingBag, stove));
    for (String user : List.of("u1", "u2", "u3")) {
      personalize.eventSink().record(Interaction.of(UserId.of(user), TENT, EventType.PURCHASE));
      personalize.eventSink().record(Interaction.of(UserId.of(user), SLEEPING_BAG, EventType.PURCHASE));
    }
    personalize.eventSink().record(Interaction.of(UserId.of("u4"), STOVE, EventType.PURCHASE));
    StorefrontService storefront = new StorefrontService(personalize.recommender(), personalize.eventSink());

    Shelf shelf = storefront.productPage(TENT);

    assertThat(shelf.kind()).isEqualTo(Shelf.Kind.SIMILAR);
    assertThat(shelf.itemIds()).startsWith(SLEEPING_BAG).doesNotContain(TENT);
  }
}
