package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GetRecommendations request limits (personalize-api.md A.1 and D "Inference"). */
class RecommendationRequestTest {

  private static List<String> columns(int n) {
    return IntStream.range(0, n).mapToObj(i -> "COL_" + i).toList();
  }

  @Test
  void defaultsAskFor25ResultsAndNothingElse() {
    RecommendationRequest d = RecommendationRequest.defaults();
    assertThat(d.limit()).isEqualTo(25).isEqualTo(Limits.DEFAULT_NUM_RESULTS);
    assertThat(d.filterName()).isEmpty();
    assertThat(d.filterValues()).isEmpty();
    assertThat(d.context()).isEmpty();
    assertThat(d.promotion()).isEmpty();
    assertThat(d.metadataColumns()).isEmpty();
    assertThat(RecommendationRequest.builder().build()).isEqualTo(d);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 25, 499, 500})
  void limitsFrom1To500Pass(int limit) {
    assertThat(RecommendationRequest.ofLimit(limit).limit()).isEqualTo(limit);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 501, Integer.MAX_VALUE})
  void limitsOutside1To500Fail(int limit) {
    assertThatThrownBy(() -> RecommendationRequest.ofLimit(limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be between 1 and 500 but was " + limit);
  }

  @Test
  void limitWithMetadataColumnsIsAtMost50() {
    assertThat(RecommendationRequest.builder().limit(50).addMetadataColumns("PRICE").build().limit()).isEqualTo(50);
    assertThatThrownBy(() -> RecommendationRequest.builder().limit(51).addMetadataColumns("PRICE").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit (with metadataColumns) must be between 1 and 50 but was 51");
  }

  @Test
  void atMost10MetadataColumns() {
    assertThat(RecommendationRequest.builder().metadataColumns(columns(10)).build().metadataColumns()).hasSize(10);
    assertThatThrownBy(() -> RecommendationRequest.builder().metadataColumns(columns(11)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadataColumns must have at most 10 entries but had 11");
  }

  @Test
  void metadataColumnNamesAre1To150Characters() {
    assertThat(RecommendationRequest.builder().addMetadataColumns("C".repeat(150)).build().metadataColumns())
        .containsExactly("C".repeat(150));
    assertThatThrownBy(() -> RecommendationRequest.builder().addMetadataColumns("C".repeat(151)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata column must be at most 150 characters but was 151");
    assertThatThrownBy(() -> RecommendationRequest.builder().addMetadataColumns("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata column must not be empty (1 to 150 characters)");
  }

  @Test
  void contextOf150EntriesPassesAnd151Fails() {
    Map<String, String> context = new LinkedHashMap<>();
    for (int i = 0; i < 150; i++) {
      context.put("K" + i, "v");
    }
    assertThat(RecommendationRequest.builder().context(context).build().context()).hasSize(150);
    context.put("ONE_MORE", "v");
    assertThatThrownBy(() -> RecommendationRequest.builder().context(context).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context must have at most 150 entries but had 151");
  }

  @Test
  void contextKeysAre1To150LettersDigitsOrUnderscores() {
    assertThat(RecommendationRequest.builder().putContext("K".repeat(150), "v").build().context()).hasSize(1);
    assertThat(RecommendationRequest.builder().putContext("1_device", "v").build().context()).hasSize(1);
    assertThatThrownBy(() -> RecommendationRequest.builder().putContext("K".repeat(151), "v").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context key must be at most 150 characters but was 151");
    assertThatThrownBy(() -> RecommendationRequest.builder().putContext("DEVICE-TYPE", "v").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context key must contain only letters, digits and '_' but was 'DEVICE-TYPE'");
    assertThatThrownBy(() -> RecommendationRequest.builder().putContext("", "v").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context key must not be empty (1 to 150 characters)");
  }

  @Test
  void contextValuesAreAtMost1000Characters() {
    assertThat(RecommendationRequest.builder().putContext("DEVICE", "v".repeat(1000)).build().context())
        .containsEntry("DEVICE", "v".repeat(1000));
    assertThat(RecommendationRequest.builder().putContext("DEVICE", "").build().context()).containsEntry("DEVICE", "");
    assertThatThrownBy(() -> RecommendationRequest.builder().putContext("DEVICE", "v".repeat(1001)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context value for DEVICE must be at most 1000 characters but was 1001");
  }

  @Test
  void filterValuesNeedAFilterName() {
    assertThatThrownBy(() -> RecommendationRequest.builder().putFilterValues("CATEGORY", List.of("shoes")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filterValues must not be set without a filterName");
  }

  @Test
  void filterNameIs1To256Characters() {
    assertThat(RecommendationRequest.builder().filter("f".repeat(256)).build().filterName()).contains("f".repeat(256));
    assertThatThrownBy(() -> RecommendationRequest.builder().filter("f".repeat(257)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filterName must be at most 256 characters but was 257");
    assertThatThrownBy(() -> RecommendationRequest.builder().filter("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filterName must not be empty (1 to 256 characters)");
  }

  @Test
  void atMost25FilterParameters() {
    RecommendationRequest.Builder b = RecommendationRequest.builder().filter("by-category");
    for (int i = 0; i < 25; i++) {
      b.putFilterValues("P" + i, List.of("v"));
    }
    assertThat(b.build().filterValues()).hasSize(25);
    b.putFilterValues("P25", List.of("v"));
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filterValues must have at most 25 entries but had 26");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$CATEGORY", "CATEGORY-1", "CAT EGORY", "É"})
  void filterParameterNamesAreLettersDigitsOrUnderscores(String name) {
    assertThatThrownBy(() -> RecommendationRequest.builder().filter("f", name, "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter parameter must contain only letters, digits and '_' (no '$') but was '" + name + "'");
  }

  @Test
  void filterParameterNamesAreAtMost50Characters() {
    assertThat(RecommendationRequest.builder().filter("f", "P".repeat(50), "x").build().filterValues())
        .containsKey("P".repeat(50));
    assertThatThrownBy(() -> RecommendationRequest.builder().filter("f", "P".repeat(51), "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter parameter must be at most 50 characters but was 51");
  }

  @Test
  void filterParameterNeedsAValue() {
    assertThatThrownBy(() -> RecommendationRequest.builder().filter("f", "CATEGORY").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter parameter CATEGORY must have at least 1 value");
  }

  @Test
  void renderedFilterValueIsAtMost1000Characters() {
    String fits = "v".repeat(998);
    assertThat(RecommendationRequest.builder().filter("f", "CATEGORY", fits).build().filterValues())
        .containsEntry("CATEGORY", List.of(fits));
    assertThatThrownBy(() -> RecommendationRequest.builder().filter("f", "CATEGORY", fits + "v").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter parameter CATEGORY must render to at most 1000 characters but was 1001");
    assertThat(RecommendationRequest.builder().filter("f", "CATEGORY", "\"".repeat(499)).build().filterValues())
        .containsKey("CATEGORY");
    assertThatThrownBy(() -> RecommendationRequest.builder().filter("f", "CATEGORY", "\"".repeat(500)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter parameter CATEGORY must render to at most 1000 characters but was 1002");
  }

  @Test
  void filterValuesAreCopiedSoCallersCannotChangeABuiltRequest() {
    List<String> values = new ArrayList<>(List.of("shoes"));
    Map<String, List<String>> map = new LinkedHashMap<>();
    map.put("CATEGORY", values);
    RecommendationRequest r = RecommendationRequest.builder().filter("f").filterValues(map).build();
    values.add("hats");
    map.put("OTHER", List.of("x"));
    assertThat(r.filterValues()).containsExactly(Map.entry("CATEGORY", List.of("shoes")));
    assertThatThrownBy(() -> r.filterValues().get("CATEGORY").add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.filterValues().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.context().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.metadataColumns().add("a")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void filterVarargsArrayIsCopied() {
    String[] values = {"shoes"};
    RecommendationRequest r = RecommendationRequest.builder().filter("f", "CATEGORY", values).build();
    values[0] = "hats";
    assertThat(r.filterValues().get("CATEGORY")).containsExactly("shoes");
  }

  @Test
  void nullFilterValueElementsFailWithNullPointerException() {
    assertThatNullPointerException()
        .isThrownBy(() -> RecommendationRequest.builder().filter("f", "CATEGORY", "a", null).build())
        .withMessage("filter parameter CATEGORY value");
  }

  @Test
  void toBuilderCopiesEveryField() {
    Promotion promo = Promotion.of("summer", 20, "summer-items");
    RecommendationRequest r = RecommendationRequest.builder()
        .limit(10)
        .filter("f", "CATEGORY", "shoes", "hats")
        .putContext("DEVICE", "mobile")
        .promotion(promo)
        .addMetadataColumns("PRICE")
        .build();
    assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    RecommendationRequest bigger = r.toBuilder().limit(20).build();
    assertThat(bigger.limit()).isEqualTo(20);
    assertThat(bigger.promotion()).contains(promo);
    assertThat(bigger.filterValues()).isEqualTo(r.filterValues());
    assertThat(r.limit()).isEqualTo(10);
  }

  @Test
  void defaultMethodsCannotBypassValidationThroughToBuilder() {
    assertThatThrownBy(() -> RecommendationRequest.defaults().toBuilder().metadataColumns(columns(1)).limit(51).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("50");
  }
}
