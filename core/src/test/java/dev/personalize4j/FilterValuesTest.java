package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Filter value quoting (personalize-api.md A.1 "filterValues"). */
class FilterValuesTest {

  @Test
  void rendersQuotedCommaSeparatedValues() {
    assertThat(FilterValues.render(List.of("comedy", "drama"))).isEqualTo("\"comedy\",\"drama\"");
    assertThat(FilterValues.render(List.of("one"))).isEqualTo("\"one\"");
    assertThat(FilterValues.render(List.of())).isEmpty();
    assertThat(FilterValues.render(List.of(""))).isEqualTo("\"\"");
  }

  @Test
  void escapesQuotesAndBackslashes() {
    assertThat(FilterValues.render(List.of("say \"hi\"", "C:\\dir"))).isEqualTo("\"say \\\"hi\\\"\",\"C:\\\\dir\"");
  }

  @Test
  void roundTripsQuotesBackslashesAndCommas() {
    List<String> values = List.of("a,b", "\"quoted\"", "back\\slash", "\\\"", "", ",", "\\", "trailing\\");
    assertThat(FilterValues.parse(FilterValues.render(values))).isEqualTo(values);
  }

  @Test
  void roundTripsLeadingAndTrailingWhitespaceInsideQuotes() {
    List<String> values = List.of(" padded ", " ", "\ttab", "new\nline");
    assertThat(FilterValues.parse(FilterValues.render(values))).isEqualTo(values);
  }

  @Test
  void parsesUnquotedValuesAndIgnoresSpaceAroundSeparators() {
    assertThat(FilterValues.parse("10")).containsExactly("10");
    assertThat(FilterValues.parse(" \"a\" , \"b\" ")).containsExactly("a", "b");
    assertThat(FilterValues.parse("1, 2 ,3")).containsExactly("1", "2", "3");
    assertThat(FilterValues.parse("")).isEmpty();
    assertThat(FilterValues.parse("   ")).isEmpty();
  }

  @Test
  void unclosedQuoteFails() {
    assertThatThrownBy(() -> FilterValues.parse("\"open"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter value has an unclosed quote: \"open");
    assertThatThrownBy(() -> FilterValues.parse("\"a\",\"b\\\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("filter value has an unclosed quote");
  }

  @Test
  void parsedListIsUnmodifiable() {
    assertThatThrownBy(() -> FilterValues.parse("\"a\"").add("b")).isInstanceOf(UnsupportedOperationException.class);
  }
}
