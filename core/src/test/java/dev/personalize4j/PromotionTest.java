package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Promotion limits (personalize-api.md A.1 "Promotion"). */
class PromotionTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "Summer-Sale_2026", "9lives", "x-"})
  void validNamesPass(String name) {
    assertThat(Promotion.of(name, 10, "f").name()).isEqualTo(name);
  }

  @Test
  void nameOf63CharactersPassesAnd64Fails() {
    assertThat(Promotion.of("p".repeat(63), 10, "f").name()).hasSize(63);
    assertThatThrownBy(() -> Promotion.of("p".repeat(64), 10, "f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promotion name must be at most 63 characters but was 64");
  }

  @Test
  void emptyOrNullNameFails() {
    assertThatThrownBy(() -> Promotion.of("", 10, "f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promotion name must not be empty (1 to 63 characters)");
    assertThatNullPointerException().isThrownBy(() -> Promotion.of(null, 10, "f")).withMessage("promotion name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-sale", "_sale", "summer sale", "sale!", "été"})
  void namesBreakingThePatternFail(String name) {
    assertThatThrownBy(() -> Promotion.of(name, 10, "f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promotion name must start with a letter or digit and contain only letters, digits, '-' and '_'"
            + " but was '" + name + "'");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 50, 100})
  void percentFrom1To100Passes(int percent) {
    assertThat(Promotion.of("p", percent, "f").percentPromotedItems()).isEqualTo(percent);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 101})
  void percentOutside1To100Fails(int percent) {
    assertThatThrownBy(() -> Promotion.of("p", percent, "f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentPromotedItems must be between 1 and 100 but was " + percent);
  }

  @Test
  void filterNameIsRequiredAndBounded() {
    assertThatNullPointerException().isThrownBy(() -> Promotion.of("p", 10, null)).withMessage("filterName");
    assertThatThrownBy(() -> Promotion.of("p", 10, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promotionFilterName must not be empty (1 to 256 characters)");
  }

  @Test
  void filterValuesFollowTheFilterRules() {
    assertThatThrownBy(() -> new Promotion("p", 10, "f", Map.of("$SEASON", List.of("summer"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("promotionFilter parameter must contain only letters, digits and '_'");
    assertThatThrownBy(() -> new Promotion("p", 10, "f", Map.of("SEASON", List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promotionFilter parameter SEASON must have at least 1 value");
    Map<String, List<String>> many = new HashMap<>();
    for (int i = 0; i < 26; i++) {
      many.put("P" + i, List.of("v"));
    }
    assertThatThrownBy(() -> new Promotion("p", 10, "f", many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promotionFilterValues must have at most 25 entries but had 26");
  }

  @Test
  void nullFilterValueListsFailNamingTheParameter() {
    Map<String, List<String>> values = new HashMap<>();
    values.put("SEASON", null);
    assertThatNullPointerException().isThrownBy(() -> new Promotion("p", 10, "f", values))
        .withMessage("filterValues value for SEASON");
    assertThatNullPointerException().isThrownBy(() -> new Promotion("p", 10, "f", null)).withMessage("filterValues");
  }

  @Test
  void filterValuesAreDeepCopied() {
    List<String> seasons = new ArrayList<>(List.of("summer"));
    Map<String, List<String>> values = new HashMap<>(Map.of("SEASON", seasons));
    Promotion p = new Promotion("p", 10, "f", values);
    seasons.add("winter");
    values.put("OTHER", List.of("x"));
    assertThat(p.filterValues()).containsExactly(Map.entry("SEASON", List.of("summer")));
    assertThatThrownBy(() -> p.filterValues().get("SEASON").add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(p).isEqualTo(new Promotion("p", 10, "f", Map.of("SEASON", List.of("summer"))));
  }
}
