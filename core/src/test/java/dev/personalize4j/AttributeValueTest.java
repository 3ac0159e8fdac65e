package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Metadata field names and values (personalize-api.md B.2, D "Field lengths", E). */
class AttributeValueTest {

  @ParameterizedTest
  @CsvSource({
    "CATEGORY_L1, categoryL1",
    "NUMBER_OF_RATINGS, numberOfRatings",
    "CREATION_TIMESTAMP, creationTimestamp",
    "GENRES, genres",
    "PRICE, price",
    "PRODUCT_DESCRIPTION, productDescription",
    "AGE_GROUP, ageGroup",
    "DEVICE, device",
    "A, a",
    "X_Y_Z, xYZ"
  })
  void propertyKeyIsTheCamelCaseOfTheFieldName(String field, String key) {
    assertThat(AttributeValue.propertyKey(field)).isEqualTo(key);
  }

  @Test
  void propertyKeyRejectsAnInvalidName() {
    assertThatThrownBy(() -> AttributeValue.propertyKey("1ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fieldName")
        .hasMessageContaining("start with a letter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "PRICE", "CATEGORY_L1", "x9", "snake_case_1"})
  void validNamesPass(String name) {
    assertThat(AttributeValue.validateName("name", name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"_PRICE", "1PRICE", "PRI CE", "PRICE-2", "PRICE$", "ÄGE"})
  void namesBreakingThePatternFail(String name) {
    assertThatThrownBy(() -> AttributeValue.validateName("item attribute name", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item attribute name must start with a letter and contain only letters, digits and '_' but was '"
            + name + "'");
  }

  @Test
  void nameOf150CharactersPassesAnd151Fails() {
    assertThat(AttributeValue.validateName("name", "N".repeat(150))).hasSize(150);
    assertThatThrownBy(() -> AttributeValue.validateName("name", "N".repeat(151)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be at most 150 characters but was 151");
  }

  @Test
  void emptyAndNullNamesFail() {
    assertThatThrownBy(() -> AttributeValue.validateName("name", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be empty (1 to 150 characters)");
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.validateName("name", null)).withMessage("name");
  }

  @Test
  void categoricalValueOf1000CharactersPassesAnd1001Fails() {
    assertThat(AttributeValue.categorical("c".repeat(1000)).render()).hasSize(1000);
    assertThatThrownBy(() -> AttributeValue.categorical("c".repeat(1001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("categorical value must be at most 1000 characters but was 1001");
  }

  @Test
  void categoricalValuesJoinedMustFit1000Characters() {
    String half = "c".repeat(500);
    assertThat(AttributeValue.categorical(half, "d".repeat(499)).render()).hasSize(1000);
    assertThatThrownBy(() -> AttributeValue.categorical(half, half))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("categorical value must be at most 1000 characters joined but was 1001");
  }

  @Test
  void categoricalValueMustNotContainThePipe() {
    assertThatThrownBy(() -> AttributeValue.categorical("Horror|Action"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("categorical value must not contain '|'")
        .hasMessageContaining("Horror|Action");
  }

  @Test
  void categoricalNeedsAtLeastOneValue() {
    assertThatThrownBy(AttributeValue::categorical)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("categorical value must have at least 1 value");
  }

  @Test
  void categoricalValueMustNotBeEmpty() {
    assertThatThrownBy(() -> AttributeValue.categorical("ok", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("categorical value must not be empty (1 to 1000 characters)");
  }

  @Test
  void categoricalRejectsNullValues() {
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.categorical("a", null));
  }

  @Test
  void categoricalRendersJoinedByPipeAndCopiesItsInput() {
    List<String> input = new ArrayList<>(List.of("Horror", "Action"));
    AttributeValue.Categorical c = new AttributeValue.Categorical(input);
    input.set(0, "Comedy");
    assertThat(c.render()).isEqualTo("Horror|Action");
    assertThat(c.values()).containsExactly("Horror", "Action");
    assertThatThrownBy(() -> c.values().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void numericMustBeFinite(double value) {
    assertThatThrownBy(() -> AttributeValue.numeric(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numeric value must be finite but was " + value);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0.0, 0",
    "42, 42",
    "-7, -7",
    "9.99, 9.99",
    "0.5, 0.5",
    "1700000000, 1700000000",
    "1e20, 1.0e20",
    "1.5e-7, 1.5e-7",
    "-2.5, -2.5"
  })
  void numericRendersWholeNumbersWithoutAFraction(double value, String rendered) {
    assertThat(AttributeValue.numeric(value).render()).isEqualTo(rendered);
  }

  @Test
  void numericRendersExtremes() {
    assertThat(AttributeValue.numeric(Double.MAX_VALUE).render()).isEqualTo("1.7976931348623157e308");
    assertThat(AttributeValue.numeric(Double.MIN_VALUE).render()).isEqualTo("4.9e-324");
    assertThat(AttributeValue.numeric(999_999_999_999_999d).render()).isEqualTo("999999999999999");
  }

  @Test
  void textualOf20000CharactersPassesAnd20001Fails() {
    assertThat(AttributeValue.textual("t".repeat(20_000)).render()).hasSize(20_000);
    assertThatThrownBy(() -> AttributeValue.textual("t".repeat(20_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("textual value must be at most 20000 characters but was 20001");
  }

  @Test
  void textualMustNotBeEmptyOrNull() {
    assertThatThrownBy(() -> AttributeValue.textual(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("textual value must not be empty (1 to 20000 characters)");
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.textual(null));
  }

  @Test
  void textualRendersItsTextVerbatim() {
    assertThat(AttributeValue.textual("Warm \"wool\" socks|2 pairs").render())
        .isEqualTo("Warm \"wool\" socks|2 pairs");
  }
}
