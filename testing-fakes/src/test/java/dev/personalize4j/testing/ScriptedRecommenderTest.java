package dev.personalize4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.personalize4j.ItemId;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.ServiceUnavailableException;
import dev.personalize4j.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScriptedRecommenderTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final ItemId A = ItemId.of("a");
  static final ItemId B = ItemId.of("b");
  static final ItemId C = ItemId.of("c");

  final MutableClock clock = MutableClock.of(T0);
  final ScriptedRecommender scripted = ScriptedRecommender.builder().clock(clock).build();

  @Test
  @DisplayName("answers exactly the script, cut to the limit, LIVE at the clock's time")
  void script() {
    scripted.givenForUser(ALICE, C, A, B);
    Recommendations r = scripted.forUser(ALICE, RecommendationRequest.defaults());
    assertThat(r.itemIds()).containsExactly(C, A, B);
    assertThat(r.source()).isEqualTo(Recommendations.Source.LIVE);
    assertThat(r.servedAt()).isEqualTo(T0);
    assertThat(r.recommendationId()).isPresent();
    assertThat(scripted.forUser(ALICE, RecommendationRequest.ofLimit(2)).itemIds()).containsExactly(C, A);
  }

  @Test
  @DisplayName("answers unscripted calls with nothing, and rank keeps the input order")
  void unscripted() {
    assertThat(scripted.forUser(BOB, RecommendationRequest.defaults()).items()).isEmpty();
    assertThat(scripted.similarTo(A, RecommendationRequest.defaults()).items()).isEmpty();
    assertThat(scripted.popular(RecommendationRequest.defaults()).items()).isEmpty();
    Recommendations ranked = scripted.rank(BOB, List.of(B, A));
    assertThat(ranked.itemIds()).containsExactly(B, A);
    assertThat(ranked.items()).allSatisfy(i -> assertThat(i.score()).hasValue(0.5));
  }

  @Test
  @DisplayName("scripts similar and popular items separately")
  void otherRecipes() {
    scripted.givenSimilarTo(A, B, C).givenPopular(C);
    assertThat(scripted.similarTo(A, RecommendationRequest.defaults()).itemIds()).containsExactly(B, C);
    assertThat(scripted.similarTo(B, RecommendationRequest.defaults()).itemIds()).isEmpty();
    assertThat(scripted.popular(RecommendationRequest.defaults()).itemIds()).containsExactly(C);
  }

  @Test
  @DisplayName("ranks a scripted user's items first, in script order, with scores summing to 1")
  void rankScripted() {
    scripted.givenForUser(ALICE, C, B);
    Recommendations r = scripted.rank(ALICE, List.of(A, B, C));
    assertThat(r.itemIds()).containsExactly(C, B, A);
    assertThat(r.items().stream().mapToDouble(i -> i.score().getAsDouble()).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(r.items().get(0).score().getAsDouble()).isGreaterThan(r.items().get(1).score().getAsDouble());
  }

  @Test
  @DisplayName("falls back to another recommender for unscripted calls")
  void fallback() {
    ScriptedRecommender inner = ScriptedRecommender.create().givenForUser(BOB, A).givenPopular(B);
    ScriptedRecommender outer = ScriptedRecommender.fallingBackTo(inner).givenForUser(ALICE, C);
    assertThat(outer.forUser(ALICE, RecommendationRequest.defaults()).itemIds()).containsExactly(C);
    assertThat(outer.forUser(BOB, RecommendationRequest.defaults()).itemIds()).containsExactly(A);
    assertThat(outer.popular(RecommendationRequest.defaults()).itemIds()).containsExactly(B);
    assertThat(outer.rank(BOB, List.of(B, A)).itemIds()).containsExactly(A, B);
  }

  @Test
  @DisplayName("throws a scripted failure for that user only, until reset")
  void failure() {
    scripted.givenForUser(ALICE, A).givenFailure(BOB, new ServiceUnavailableException("down"));
    assertThatThrownBy(() -> scripted.forUser(BOB, RecommendationRequest.defaults()))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThatThrownBy(() -> scripted.rank(BOB, List.of(A))).isInstanceOf(ServiceUnavailableException.class);
    assertThat(scripted.forUser(ALICE, RecommendationRequest.defaults()).itemIds()).containsExactly(A);
    scripted.reset();
    assertThat(scripted.forUser(BOB, RecommendationRequest.defaults()).items()).isEmpty();
    assertThat(scripted.forUser(ALICE, RecommendationRequest.defaults()).items()).isEmpty();
  }

  @Test
  @DisplayName("rejects a script with duplicates")
  void duplicates() {
    assertThatThrownBy(() -> scripted.givenForUser(ALICE, A, A)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicates");
  }
}
