package dev.personalize4j.examples.shop;

import dev.personalize4j.ItemId;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A last-resort {@link Recommender} that needs no service: it answers every call with a fixed list
 * of best sellers (e.g. computed nightly from the order database). Meant as the adapter's
 * {@code fallback(...)}, so that a shop shows something sensible while Personalize is down.
 * Filters and promotions are not applied; {@link #similarTo} leaves out the item itself.
 */
public final class BestSellers implements Recommender {
  private final List<ItemId> items;
  private final Clock clock;

  /**
   * Best sellers in order, best first, served at {@code clock}'s time.
   *
   * @throws IllegalArgumentException if {@code items} is empty
   */
  public BestSellers(List<ItemId> items, Clock clock) {
    this.items = List.copyOf(items);
    if (this.items.isEmpty()) {
      throw new IllegalArgumentException("best sellers must have at least 1 item");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Recommendations forUser(UserId user, RecommendationRequest request) {
    return answer(items, request.limit());
  }

  @Override
  public Recommendations similarTo(ItemId item, RecommendationRequest request) {
    return answer(items.stream().filter(i -> !i.equals(item)).toList(), request.limit());
  }

  @Override
  public Recommendations popular(RecommendationRequest request) {
    return answer(items, request.limit());
  }

  /** Candidates that are best sellers first, in best-seller order, then the rest; equal scores. */
  @Override
  public Recommendations rank(RankingRequest request) {
    List<ItemId> order = new ArrayList<>();
    items.stream().filter(request.candidates()::contains).forEach(order::add);
    request.candidates().stream().filter(c -> !order.contains(c)).forEach(order::add);
    double share = 1.0 / order.size();
    return Recommendations.builder()
        .items(order.stream().map(i -> Recommendation.of(i, share)).toList())
        .source(Recommendations.Source.FALLBACK)
        .servedAt(clock.instant())
        .build();
  }

  private Recommendations answer(List<ItemId> ids, int limit) {
    return Recommendations.builder()
        .items(ids.stream().limit(limit).map(Recommendation::of).toList())
        .source(Recommendations.Source.FALLBACK)
        .servedAt(clock.instant())
        .build();
  }
}
