package dev.personalize4j.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.examples.shop.StorefrontService.Shelf;
import dev.personalize4j.testing.RecordingEventSink;
import dev.personalize4j.testing.ScriptedRecommender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pattern to copy for testing an application service: script the recommender, run the
 * service, verify what it recorded with the recording sink.
 */
class StorefrontServiceTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final ItemId TENT = ItemId.of("tent");
  private static final ItemId SLEEPING_BAG = ItemId.of("sleeping-bag");
  private static final ItemId STOVE = ItemId.of("stove");
  private static final ItemId LAMP = ItemId.of("lamp");

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private final ScriptedRecommender recommender = ScriptedRecommender.builder().clock(clock).build();
  private final RecordingEventSink events = RecordingEventSink.create(clock);
  private final StorefrontService storefront = new StorefrontService(recommender, events, 3);

  @Test
  void homepage_whenPersonalPicksExist_showsThemForYou() {
    recommender.givenForUser(ALICE, TENT, SLEEPING_BAG, STOVE, LAMP);

    Shelf shelf = storefront.homepage(ALICE);

    assertThat(shelf.kind()).isEqualTo(Shelf.Kind.FOR_YOU);
    assertThat(shelf.itemIds()).containsExactly(TENT, SLEEPING_BAG, STOVE);
  }

  @Test
  void homepage_whenNothingPersonalIsLeft_fallsBackToBestSellers() {
    recommender.givenPopular(LAMP, STOVE);

    Shelf shelf = storefront.homepage(ALICE);

    assertThat(shelf.kind()).isEqualTo(Shelf.Kind.POPULAR);
    assertThat(shelf.itemIds()).containsExactly(LAMP, STOVE);
  }

  @Test
  void productPage_showsSimilarProducts() {
    recommender.givenSimilarTo(TENT, SLEEPING_BAG, STOVE);

    Shelf shelf = storefront.productPage(TENT);

    assertThat(shelf.kind()).isEqualTo(Shelf.Kind.SIMILAR);
    assertThat(shelf.itemIds()).containsExactly(SLEEPING_BAG, STOVE);
  }

  @Test
  void checkout_recordsOnePurchasePerLineAttributingThoseFromTheShelf() {
    recommender.givenForUser(ALICE, TENT, SLEEPING_BAG);
    Shelf shelf = storefront.homepage(ALICE);

    // README: recording sink begin
    storefront.checkout(ALICE, List.of(SLEEPING_BAG, LAMP), shelf);

    events.assertThat()
        .hasSize(2)
        .allStamped()
        .containsExactlyItems(SLEEPING_BAG, LAMP)
        .containsExactlyEventTypes(EventType.PURCHASE, EventType.PURCHASE);
    // README: recording sink end
    Interaction fromShelf = events.takeEvent();
    Interaction notFromShelf = events.takeEvent();
    assertThat(fromShelf.recommendationId()).isEqualTo(shelf.recommendations().recommendationId());
    assertThat(fromShelf.impressions()).containsExactly(TENT, SLEEPING_BAG);
    assertThat(fromShelf.timestamp()).contains(clock.instant());
    assertThat(notFromShelf.recommendationId()).isEmpty();
    assertThat(notFromShelf.impressions()).isEmpty();
  }

  @Test
  void productViewed_creditsTheShelfTheProductWasClickedOn() {
    recommender.givenSimilarTo(TENT, SLEEPING_BAG);
    Shelf shelf = storefront.productPage(TENT);

    storefront.productViewed(ALICE, SLEEPING_BAG, shelf);

    events.assertThat().hasSize(1).containsEventFor(ALICE, SLEEPING_BAG, EventType.VIEW);
    assertThat(events.takeEvent().recommendationId()).isEqualTo(shelf.recommendations().recommendationId());
  }

  @Test
  void checkout_whenBasketIsEmpty_recordsNothingAndSaysWhy() {
    Shelf shelf = storefront.homepage(ALICE);

    assertThatThrownBy(() -> storefront.checkout(ALICE, List.of(), shelf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("basket must have at least 1 item");
    events.assertThat().isEmpty();
  }

  @Test
  void constructor_rejectsShelvesLargerThanAPageCanShow() {
    assertThatThrownBy(() -> new StorefrontService(recommender, events, 26))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shelfSize must be between 1 and 25 but was 26");
  }
}
