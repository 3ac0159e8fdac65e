package dev.personalize4j.examples.shop;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An application service of an online shop, written the way personalize4j is meant to be used: it
 * depends only on the {@link Recommender} and {@link EventSink} interfaces, so production wires in
 * the AWS adapter and tests wire in the in-memory fakes.
 */
public final class StorefrontService {
  /**
   * Name of the business-rule filter the homepage uses; it must exist in the recommender's
   * configuration with the expression {@code EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("Purchase")}.
   */
  public static final String EXCLUDE_PURCHASED = "exclude-purchased";
  /** How many products a shelf shows unless configured otherwise. */
  public static final int DEFAULT_SHELF_SIZE = 12;

  private final Recommender recommender;
  private final EventSink events;
  private final int shelfSize;

  /** A storefront showing {@link #DEFAULT_SHELF_SIZE} products per shelf. */
  public StorefrontService(Recommender recommender, EventSink events) {
    this(recommender, events, DEFAULT_SHELF_SIZE);
  }

  /**
   * A storefront showing {@code shelfSize} products per shelf.
   *
   * @throws IllegalArgumentException if {@code shelfSize} is not between 1 and 25
   */
  public StorefrontService(Recommender recommender, EventSink events, int shelfSize) {
    this.recommender = Objects.requireNonNull(recommender, "recommender");
    this.events = Objects.requireNonNull(events, "events");
    if (shelfSize < 1 || shelfSize > 25) {
      throw new IllegalArgumentException("shelfSize must be between 1 and 25 but was " + shelfSize);
    }
    this.shelfSize = shelfSize;
  }

  /**
   * A shelf of products shown to a customer, and where it came from.
   *
   * @param kind what the shelf shows
   * @param recommendations the products, with the recommendation id used for attribution
   */
  public record Shelf(Kind kind, Recommendations recommendations) {
    /** What a shelf shows. */
    public enum Kind {
      /** Picked for this customer. */
      FOR_YOU,
      /** Best sellers, shown when nothing personal is left to recommend. */
      POPULAR,
      /** Products related to the product on the page. */
      SIMILAR
    }

    /** The products on the shelf, in display order. */
    public List<ItemId> itemIds() {
      return recommendations.itemIds();
    }
  }

  /**
   * The homepage shelf: personal picks without what the customer already bought, or the best
   * sellers when that leaves nothing.
   */
  public Shelf homepage(UserId customer) {
    Recommendations personal = recommender.forUser(customer,
        RecommendationRequest.builder().limit(shelfSize).filter(EXCLUDE_PURCHASED).build());
    if (!personal.isEmpty()) {
      return new Shelf(Shelf.Kind.FOR_YOU, personal);
    }
    return new Shelf(Shelf.Kind.POPULAR, recommender.popular(RecommendationRequest.ofLimit(shelfSize)));
  }

  /** The "you may also like" shelf of a product page. */
  public Shelf productPage(ItemId product) {
    return new Shelf(Shelf.Kind.SIMILAR, recommender.similarTo(product, RecommendationRequest.ofLimit(shelfSize)));
  }

  /** Records that the customer opened a product page, crediting the shelf they clicked it on. */
  public void productViewed(UserId customer, ItemId product, Shelf clickedOn) {
    events.record(attributed(Interaction.of(customer, product, EventType.VIEW), product, clickedOn));
  }

  /**
   * Records one purchase per basket line. Lines that were on {@code shownShelf} carry its
   * recommendation id and impressions, so Personalize can attribute the sale to the recommendation.
   */
  public void checkout(UserId customer, List<ItemId> basket, Shelf shownShelf) {
    Objects.requireNonNull(shownShelf, "shownShelf");
    if (basket.isEmpty()) {
      throw new IllegalArgumentException("basket must have at least 1 item");
    }
    List<Interaction> purchases = new ArrayList<>(basket.size());
    for (ItemId item : basket) {
      purchases.add(attributed(Interaction.of(customer, item, EventType.PURCHASE), item, shownShelf));
    }
    events.recordAll(purchases);
  }

  private static Interaction attributed(Interaction event, ItemId item, Shelf shelf) {
    return shelf.itemIds().contains(item) ? event.attributedTo(shelf.recommendations()) : event;
  }
}
