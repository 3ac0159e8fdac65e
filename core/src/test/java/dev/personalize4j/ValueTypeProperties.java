package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

/** Properties of the value types over generated input. */
class ValueTypeProperties {
  private static final List<Function<String, Object>> ID_FACTORIES = List.of(UserId::of, ItemId::of, SessionId::of);

  @Property(tries = 1000)
  void anyNonBlankStringOf1To256CharactersExceptNullIsAnId(@ForAll @StringLength(min = 1, max = 256) String s) {
    Assume.that(!s.isBlank() && !s.equals("null"));
    assertThat(UserId.of(s).value()).isEqualTo(s);
    assertThat(ItemId.of(s).value()).isEqualTo(s);
    assertThat(SessionId.of(s).value()).isEqualTo(s);
    assertThat(UserId.of(s)).isEqualTo(UserId.of(s)).hasToString(s);
  }

  @Property(tries = 300)
  void anyLongerStringFailsNamingItsLength(@ForAll @StringLength(min = 257, max = 3000) String s) {
    for (Function<String, Object> factory : ID_FACTORIES) {
      assertThatThrownBy(() -> factory.apply(s))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageEndingWith("must be at most 256 characters but was " + s.length());
    }
  }

  @Property(tries = 500)
  void whitespaceOnlyIdsFail(@ForAll("whitespace") String s) {
    for (Function<String, Object> factory : ID_FACTORIES) {
      assertThatThrownBy(() -> factory.apply(s)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Provide
  Arbitrary<String> whitespace() {
    return Arbitraries.strings().withChars(" \t\n\r\u000b\f\u2003\u3000").ofMinLength(1).ofMaxLength(300);
  }

  @Property(tries = 500)
  void idsOrderLikeTheirStrings(@ForAll("ids") String a, @ForAll("ids") String b) {
    assertThat(Integer.signum(UserId.of(a).compareTo(UserId.of(b)))).isEqualTo(Integer.signum(a.compareTo(b)));
    assertThat(ItemId.of(a).equals(ItemId.of(b))).isEqualTo(a.equals(b));
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().alpha().numeric().withChars("-_:.").ofMinLength(1).ofMaxLength(12)
        .filter(s -> !s.equals("null"));
  }

  @Property(tries = 1000)
  void filterValuesRoundTrip(@ForAll @Size(min = 1, max = 8) List<@From("filterValue") String> values) {
    String rendered = FilterValues.render(values);
    assertThat(FilterValues.parse(rendered)).isEqualTo(values);
    assertThat(rendered).startsWith("\"").endsWith("\"");
  }

  @Provide
  Arbitrary<String> filterValue() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("\"\\, \t\nab").ofMaxLength(12),
        Arbitraries.strings().ofMaxLength(30));
  }

  @Property(tries = 1000)
  void numericRenderParsesBackToTheSameNumber(@ForAll double value) {
    Assume.that(Double.isFinite(value));
    String rendered = AttributeValue.numeric(value).render();
    assertThat(Double.parseDouble(rendered)).isEqualTo(value == 0 ? 0.0 : value);
    assertThat(JsonChecker.parseFlatObject("{\"n\":" + rendered + "}")).containsEntry("n", rendered);
  }

  @Property(tries = 500)
  void propertyKeyDropsUnderscoresAndOnlyChangesCase(@ForAll("fieldNames") String name) {
    String key = AttributeValue.propertyKey(name);
    assertThat(key).doesNotContain("_").isEqualToIgnoringCase(name.replace("_", ""));
    assertThat(Character.isLowerCase(key.charAt(0))).isTrue();
  }

  @Provide
  Arbitrary<String> fieldNames() {
    Arbitrary<Character> first = Arbitraries.chars().range('A', 'Z').range('a', 'z');
    Arbitrary<String> rest = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('_')
        .ofMaxLength(40);
    return Combinators.combine(first, rest).as((f, r) -> f + r);
  }

  @Property(tries = 1000)
  void categoricalAcceptsExactlyThePipeFreeValuesThatFit(@ForAll @Size(min = 1, max = 4) List<@From("categoryText") String> values) {
    String joined = String.join("|", values);
    boolean valid = values.stream().allMatch(v -> !v.isEmpty() && v.indexOf('|') < 0) && joined.length() <= 1000;
    Statistics.label("valid").collect(valid);
    Statistics.label("valid").coverage(c -> {
      c.check(true).percentage(p -> p > 20);
      c.check(false).percentage(p -> p > 5);
    });
    if (valid) {
      assertThat(AttributeValue.categorical(values.toArray(String[]::new)).render()).isEqualTo(joined);
    } else {
      assertThatThrownBy(() -> AttributeValue.categorical(values.toArray(String[]::new)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("categorical value must");
    }
  }

  @Provide
  Arbitrary<String> categoryText() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.strings().ofMinLength(1).ofMaxLength(400).filter(s -> s.indexOf('|') < 0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("ab|").ofMaxLength(5)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
  }

  /**
   * Interaction properties of arbitrary string values serialise to valid JSON that decodes to the
   * values given, and the 1024-character check accepts exactly the objects that fit.
   */
  @Property(tries = 1000)
  void propertiesJsonIsValidAndItsLengthCheckMatchesTheLimit(
      @ForAll("propertyValues") List<String> values) {
    Map<String, AttributeValue> properties = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    int expectedLength = 2 + values.size() - 1;
    for (int i = 0; i < values.size(); i++) {
      properties.put("FIELD_" + i, AttributeValue.categorical(values.get(i)));
      expected.put("field" + i, values.get(i));
      expectedLength += ("field" + i).length() + 2 + 1 + escapedLength(values.get(i)) + 2;
    }
    boolean fits = expectedLength <= Limits.MAX_EVENT_PROPERTIES_LENGTH;
    Statistics.label("fits").collect(fits);
    Statistics.label("fits").coverage(c -> {
      c.check(true).percentage(p -> p > 20);
      c.check(false).percentage(p -> p > 5);
    });
    Interaction.Builder b = Interaction.builder().userId(UserId.of("u")).itemId(ItemId.of("i"))
        .eventType(EventType.VIEW).properties(properties);
    if (fits) {
      String json = b.build().propertiesJson().orElseThrow();
      assertThat(json).hasSize(expectedLength);
      assertThat(JsonChecker.parseFlatObject(json)).isEqualTo(expected);
    } else {
      assertThatThrownBy(b::build)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("properties must serialise to at most 1024 characters but was " + expectedLength);
    }
  }

  @Provide
  Arbitrary<List<String>> propertyValues() {
    return propertyValue().list().ofMinSize(1).ofMaxSize(4).withSizeDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<String> propertyValue() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3,
            Arbitraries.strings().ofMinLength(1).ofMaxLength(700).withLengthDistribution(RandomDistribution.uniform())),
        net.jqwik.api.Tuple.of(1,
        Arbitraries.strings().withChars("\"\\/\n\r\t\b\f\u0000\u001f\u007f\u2028é✓\uD83D\uDE00\uD800\uDC00x")
            .ofMinLength(1).ofMaxLength(200)))
        .filter(s -> s.indexOf('|') < 0);
  }

  private static int escapedLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\"\\\n\r\t\b\f".indexOf(c) >= 0) {
        n += 2;
      } else if (c < 0x20) {
        n += 6;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 2;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 6;
      } else {
        n += 1;
      }
    }
    return n;
  }
}
