package dev.personalize4j.examples;

import dev.personalize4j.ItemId;
import dev.personalize4j.Recommendation;
import dev.personalize4j.Recommendations;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import dev.personalize4j.examples.RetailData.Product;
import dev.personalize4j.examples.RetailData.Segment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * What one run of {@link RetailDemo} showed, section by section, so that tests can check that the
 * recommendations follow the structure of the generated data.
 *
 * @param customer the existing customer of sections 1, 5 and 6
 * @param recentPurchases the customer's most recent purchases, most recent first
 * @param forCustomer the customer's top recommendations
 * @param newCustomer the cold-start customer, known only by demographics
 * @param newCustomerSegment that customer's demographic segment, if the demographics map to one
 * @param coldStart the cold-start customer's recommendations before any event
 * @param liveEvents the products the cold-start customer then viewed or bought, in order
 * @param afterEvents the cold-start customer's recommendations right after those events
 * @param similarAnchor the product of section 4
 * @param similar products similar to the anchor
 * @param ranked the ranking of section 5, best first, with scores
 * @param unfiltered the customer's recommendations without a filter (section 6)
 * @param excludePurchased the same with the exclude-purchased filter
 * @param onlyCategory the category of the one-category filter
 * @param inCategory the customer's recommendations restricted to that category
 * @param promoted the customer's recommendations with a promotion
 * @param figures what the library and the backend did during the run
 */
public record DemoResult(
    UserId customer,
    List<Shown> recentPurchases,
    List<Shown> forCustomer,
    User newCustomer,
    Optional<Segment> newCustomerSegment,
    List<Shown> coldStart,
    List<Shown> liveEvents,
    List<Shown> afterEvents,
    Shown similarAnchor,
    List<Shown> similar,
    List<Shown> ranked,
    List<Shown> unfiltered,
    List<Shown> excludePurchased,
    Optional<String> onlyCategory,
    List<Shown> inCategory,
    List<Shown> promoted,
    Figures figures) {

  /**
   * One product as shown on screen.
   *
   * @param id the item id
   * @param product the product in the generated shop, if the id is one of its products
   * @param score the score or likelihood, when the backend gave one
   * @param promotion the promotion that placed the item, if any
   */
  public record Shown(ItemId id, Optional<Product> product, OptionalDouble score, Optional<String> promotion) {
    /** The product's department, or {@code ?} if it is not a product of the generated shop. */
    public String category() {
      return product.map(Product::categoryL1).orElse("?");
    }

    /** The product's name, or its id if it is not a product of the generated shop. */
    public String name() {
      return product.map(Product::name).orElse(id.value());
    }

    static Shown of(Recommendation r, RetailData data) {
      return new Shown(r.itemId(), data.product(r.itemId()), r.score(), r.promotionName());
    }

    static Shown of(ItemId id, RetailData data) {
      return new Shown(id, data.product(id), OptionalDouble.empty(), Optional.empty());
    }

    static List<Shown> all(Recommendations recs, RetailData data) {
      return recs.items().stream().map(r -> of(r, data)).toList();
    }
  }

  /**
   * Real figures of the run, from {@code AwsPersonalize.stats()} and, in embedded mode, the
   * emulator's request counts.
   *
   * @param cacheHits answers served from the cache
   * @param cacheMisses calls that found no fresh cached answer
   * @param backendCalls requests the library sent, per operation
   * @param retries retries of failed calls
   * @param staleServed answers served STALE because the backend failed
   * @param fallbackServed answers served by the fallback because the backend failed
   * @param eventsRecorded events recorded through the event sink
   * @param eventsDelivered events PutEvents accepted
   * @param usersUpserted users PutUsers accepted
   * @param emulatorRequests requests the emulator received, per operation (empty against AWS)
   * @param elapsed wall time of the whole run
   */
  public record Figures(
      long cacheHits,
      long cacheMisses,
      Map<String, Long> backendCalls,
      long retries,
      long staleServed,
      long fallbackServed,
      long eventsRecorded,
      long eventsDelivered,
      long usersUpserted,
      Map<String, Integer> emulatorRequests,
      Duration elapsed) {

    /** Copies the maps. */
    public Figures {
      backendCalls = Map.copyOf(backendCalls);
      emulatorRequests = Map.copyOf(emulatorRequests);
    }

    /** Requests sent to the backend, all operations together. */
    public long totalBackendCalls() {
      return backendCalls.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** How many of {@code shown} fall into each department, most first. */
  public static Map<String, Long> byCategory(List<Shown> shown) {
    Map<String, Long> counts = shown.stream()
        .collect(Collectors.groupingBy(Shown::category, LinkedHashMap::new, Collectors.counting()));
    return RetailData.sortedByCount(counts);
  }
}
