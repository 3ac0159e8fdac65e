package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Recommendation results (personalize-api.md A.2). */
class RecommendationsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1e-9, 0.5, 1.0})
  void scoresFrom0To1Pass(double score) {
    assertThat(Recommendation.of(ItemId.of("i"), score).score()).hasValue(score);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.0001, 1.0001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void scoresOutside0To1Fail(double score) {
    assertThatThrownBy(() -> Recommendation.of(ItemId.of("i"), score))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be between 0 and 1 but was " + score);
  }

  @Test
  void recommendationWithoutScore() {
    Recommendation r = Recommendation.of(ItemId.of("i"));
    assertThat(r.score()).isEmpty();
    assertThat(r.promotionName()).isEmpty();
    assertThat(r.reasons()).isEmpty();
    assertThat(r.metadata()).isEmpty();
  }

  @Test
  void recommendationCarriesPromotionReasonsAndMetadata() {
    Recommendation r = Recommendation.builder().itemId(ItemId.of("i")).score(0.3).promotionName("summer")
        .addReasons("Promoted item").putMetadata("PRICE", "9.99").build();
    assertThat(r.promotionName()).contains("summer");
    assertThat(r.reasons()).containsExactly("Promoted item");
    assertThat(r.metadata()).containsEntry("PRICE", "9.99");
    assertThatThrownBy(() -> r.reasons().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.metadata().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  private static Recommendations live(String... ids) {
    Recommendations.Builder b = Recommendations.builder().source(Recommendations.Source.LIVE).servedAt(T0)
        .recommendationId("RID-1");
    for (String id : ids) {
      b.addItems(Recommendation.of(ItemId.of(id)));
    }
    return b.build();
  }

  @Test
  void itemIdsAreInOrder() {
    Recommendations r = live("c", "a", "b");
    assertThat(r.itemIds()).containsExactly(ItemId.of("c"), ItemId.of("a"), ItemId.of("b"));
    assertThat(r.isEmpty()).isFalse();
    assertThatThrownBy(() -> r.itemIds().add(ItemId.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.items().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @EnumSource(Recommendations.Source.class)
  void emptyAnswerHasNoItemsAndNoRecommendationId(Recommendations.Source source) {
    Recommendations empty = Recommendations.empty(source, T0);
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.items()).isEmpty();
    assertThat(empty.itemIds()).isEmpty();
    assertThat(empty.recommendationId()).isEmpty();
    assertThat(empty.source()).isEqualTo(source);
    assertThat(empty.servedAt()).isEqualTo(T0);
  }

  @Test
  void withSourceCopiesEverythingElse() {
    Recommendations r = live("a", "b");
    Recommendations stale = r.withSource(Recommendations.Source.STALE);
    assertThat(stale.source()).isEqualTo(Recommendations.Source.STALE);
    assertThat(stale.items()).isEqualTo(r.items());
    assertThat(stale.itemIds()).isEqualTo(r.itemIds());
    assertThat(stale.recommendationId()).isEqualTo(r.recommendationId());
    assertThat(stale.servedAt()).isEqualTo(r.servedAt());
    assertThat(r.source()).isEqualTo(Recommendations.Source.LIVE);
    assertThat(r.withSource(Recommendations.Source.LIVE)).isSameAs(r);
  }

  @Test
  void builderInputsAreCopied() {
    List<Recommendation> items = new ArrayList<>(List.of(Recommendation.of(ItemId.of("a"))));
    Recommendations r = Recommendations.builder().items(items).source(Recommendations.Source.CACHED).servedAt(T0).build();
    items.add(Recommendation.of(ItemId.of("b")));
    assertThat(r.itemIds()).containsExactly(ItemId.of("a"));
  }

  @Test
  void equalAnswersHaveEqualHashCodes() {
    assertThat(live("a", "b")).isEqualTo(live("a", "b")).hasSameHashCodeAs(live("a", "b"));
    assertThat(live("a", "b")).isNotEqualTo(live("b", "a"));
  }
}
