package dev.personalize4j.aws.reliability;

import dev.personalize4j.ItemId;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import java.time.Instant;
import java.util.List;

/** A fallback whose answers are recognisable: items named {@code fallback-N}, never in the catalogue. */
final class FixedFallback implements Recommender {
  static final List<ItemId> ITEMS = List.of(ItemId.of("fallback-1"), ItemId.of("fallback-2"), ItemId.of("fallback-3"));

  private static Recommendations answer() {
    Recommendations.Builder b = Recommendations.builder()
        .source(Recommendations.Source.LIVE)
        .servedAt(Instant.EPOCH);
    ITEMS.forEach(i -> b.addItems(Recommendation.of(i)));
    return b.build();
  }

  @Override
  public Recommendations forUser(UserId user, RecommendationRequest request) {
    return answer();
  }

  @Override
  public Recommendations similarTo(ItemId item, RecommendationRequest request) {
    return answer();
  }

  @Override
  public Recommendations popular(RecommendationRequest request) {
    return answer();
  }

  @Override
  public Recommendations rank(RankingRequest request) {
    return answer();
  }
}
