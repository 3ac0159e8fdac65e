package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** GetPersonalizedRanking inputList limits (personalize-api.md A.1 and D "Inference"). */
class RankingRequestTest {
  private static final UserId USER = UserId.of("u1");

  private static List<ItemId> candidates(int n) {
    return IntStream.range(0, n).mapToObj(i -> ItemId.of("c" + i)).toList();
  }

  @Test
  void oneTo500CandidatesPass() {
    assertThat(RankingRequest.of(USER, candidates(1)).candidates()).hasSize(1);
    assertThat(RankingRequest.of(USER, candidates(500)).candidates()).hasSize(500);
  }

  @Test
  void noCandidatesFail() {
    assertThatThrownBy(() -> RankingRequest.of(USER, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidates must have at least 1 item");
  }

  @Test
  void candidate501Fails() {
    assertThatThrownBy(() -> RankingRequest.of(USER, candidates(501)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidates must have at most 500 entries but had 501");
  }

  @Test
  void withMetadataColumnsAtMost50Candidates() {
    RankingRequest ok = RankingRequest.builder().userId(USER).candidates(candidates(50)).addMetadataColumns("PRICE").build();
    assertThat(ok.candidates()).hasSize(50);
    assertThatThrownBy(() ->
            RankingRequest.builder().userId(USER).candidates(candidates(51)).addMetadataColumns("PRICE").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidates (with metadataColumns) must have at most 50 entries but had 51");
  }

  @Test
  void duplicateCandidatesFailNamingTheDuplicate() {
    assertThatThrownBy(() -> RankingRequest.of(USER, List.of(ItemId.of("a"), ItemId.of("b"), ItemId.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidates must not contain duplicates but a appears twice");
  }

  @Test
  void candidatesKeepTheirOrderAndAreCopied() {
    List<ItemId> input = new ArrayList<>(List.of(ItemId.of("z"), ItemId.of("a"), ItemId.of("m")));
    RankingRequest r = RankingRequest.of(USER, input);
    input.clear();
    assertThat(r.candidates()).containsExactly(ItemId.of("z"), ItemId.of("a"), ItemId.of("m"));
    assertThat(r.userId()).isEqualTo(USER);
    assertThatThrownBy(() -> r.candidates().add(ItemId.of("x"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void filterAndContextFollowTheRecommendationRules() {
    assertThatThrownBy(() -> RankingRequest.builder().userId(USER).candidates(candidates(2))
            .putFilterValues("CATEGORY", List.of("shoes")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filterValues must not be set without a filterName");
    assertThatThrownBy(() -> RankingRequest.builder().userId(USER).candidates(candidates(2))
            .putContext("BAD KEY", "v").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context key must contain only letters, digits and '_' but was 'BAD KEY'");
    assertThatThrownBy(() -> RankingRequest.builder().userId(USER).candidates(candidates(2))
            .metadataColumns(IntStream.range(0, 11).mapToObj(i -> "C" + i).toList()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadataColumns must have at most 10 entries but had 11");
  }

  @Test
  void filterValuesAreCopiedSoCallersCannotChangeABuiltRequest() {
    List<String> values = new ArrayList<>(List.of("shoes"));
    RankingRequest r = RankingRequest.builder().userId(USER).candidates(candidates(2))
        .filterName("by-category").putFilterValues("CATEGORY", values).build();
    values.add("hats");
    assertThat(r.filterValues().get("CATEGORY")).containsExactly("shoes");
    assertThatThrownBy(() -> r.filterValues().get("CATEGORY").clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
