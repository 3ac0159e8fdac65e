package dev.personalize4j.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.ItemId;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestSellersTest {
  private static final ItemId A = ItemId.of("a");
  private static final ItemId B = ItemId.of("b");
  private static final ItemId C = ItemId.of("c");
  private static final ItemId X = ItemId.of("x");

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  private final BestSellers bestSellers = new BestSellers(List.of(A, B, C), clock);

  @Test
  void forUser_answersTheListCutToTheLimitAsFallback() {
    Recommendations r = bestSellers.forUser(UserId.of("u"), RecommendationRequest.ofLimit(2));

    assertThat(r.itemIds()).containsExactly(A, B);
    assertThat(r.source()).isEqualTo(Recommendations.Source.FALLBACK);
    assertThat(r.servedAt()).isEqualTo(clock.instant());
  }

  @Test
  void similarTo_leavesOutTheItemItself() {
    assertThat(bestSellers.similarTo(B, RecommendationRequest.defaults()).itemIds()).containsExactly(A, C);
  }

  @Test
  void rank_putsBestSellersFirstWithEqualScoresSummingToOne() {
    Recommendations r = bestSellers.rank(RankingRequest.of(UserId.of("u"), List.of(X, C, A)));

    assertThat(r.itemIds()).containsExactly(A, C, X);
    assertThat(r.items().stream().mapToDouble(i -> i.score().orElseThrow()).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.items()).extracting(Recommendation::score).containsOnly(r.items().get(0).score());
  }

  @Test
  void constructor_rejectsAnEmptyList() {
    assertThatThrownBy(() -> new BestSellers(List.of(), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("best sellers must have at least 1 item");
  }
}
