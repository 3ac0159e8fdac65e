package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PutEvents Event limits (personalize-api.md B.1). */
class InteractionTest {
  private static final UserId USER = UserId.of("u1");
  private static final ItemId ITEM = ItemId.of("i1");
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private static Interaction.Builder base() {
    return Interaction.builder().userId(USER).itemId(ITEM).eventType(EventType.VIEW);
  }

  private static List<ItemId> items(int n) {
    return IntStream.range(0, n).mapToObj(i -> ItemId.of("i" + i)).toList();
  }

  @Test
  void ofBuildsAKnownUsersInteractionWithoutTimestamp() {
    Interaction i = Interaction.of(USER, ITEM, EventType.PURCHASE);
    assertThat(i.userId()).contains(USER);
    assertThat(i.sessionId()).isEmpty();
    assertThat(i.itemId()).isEqualTo(ITEM);
    assertThat(i.eventType()).isEqualTo(EventType.PURCHASE);
    assertThat(i.timestamp()).isEmpty();
    assertThat(i.eventId()).isEmpty();
    assertThat(i.eventValue()).isEmpty();
    assertThat(i.impressions()).isEmpty();
    assertThat(i.properties()).isEmpty();
    assertThat(i.propertiesJson()).isEmpty();
  }

  @Test
  void needsAUserOrASession() {
    assertThatThrownBy(() -> Interaction.builder().itemId(ITEM).eventType(EventType.VIEW).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interaction must have a userId or a sessionId");
  }

  @Test
  void anonymousInteractionGroupsBySession() {
    Interaction anon = Interaction.builder().sessionId(SessionId.of("s1")).itemId(ITEM).eventType(EventType.VIEW).build();
    assertThat(anon.sessionOrUser()).isEqualTo("s1");
    assertThat(base().build().sessionOrUser()).isEqualTo("u1");
    assertThat(base().sessionId(SessionId.of("s2")).build().sessionOrUser()).isEqualTo("s2");
  }

  @Test
  void recommendationIdOf40CharactersPassesAnd41Fails() {
    assertThat(base().recommendationId("r".repeat(40)).build().recommendationId()).contains("r".repeat(40));
    assertThatThrownBy(() -> base().recommendationId("r".repeat(41)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recommendationId must be at most 40 characters but was 41");
    assertThatThrownBy(() -> base().recommendationId("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recommendationId must not be empty (1 to 40 characters)");
  }

  @Test
  void impressionsOf25PassAnd26Fail() {
    assertThat(base().impressions(items(25)).build().impressions()).hasSize(25);
    assertThatThrownBy(() -> base().impressions(items(26)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("impressions must have at most 25 entries but had 26");
  }

  @Test
  void eventIdOf1To256CharactersPasses() {
    assertThat(base().eventId("e").build().eventId()).contains("e");
    assertThat(base().eventId("e".repeat(256)).build().eventId()).contains("e".repeat(256));
    assertThatThrownBy(() -> base().eventId("e".repeat(257)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventId must be at most 256 characters but was 257");
    assertThatThrownBy(() -> base().eventId("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventId must not be empty (1 to 256 characters)");
  }

  @Test
  void eventValueMustBeAFiniteFloat() {
    assertThat(base().eventValue(Float.MAX_VALUE).build().eventValue()).hasValue(Float.MAX_VALUE);
    assertThat(base().eventValue(-4.5).build().eventValue()).hasValue(-4.5);
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Float.MAX_VALUE * 2.0, -Float.MAX_VALUE * 2.0}) {
      assertThatThrownBy(() -> base().eventValue(bad).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("eventValue must be a finite float but was " + bad);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"USER_ID", "SESSION_ID", "EVENT_TYPE", "TIMESTAMP", "RECOMMENDATION_ID", "IMPRESSION",
      "userId", "sessionId", "EventType", "timestamp", "recommendationId", "impression"})
  void reservedPropertyKeysAreForbidden(String key) {
    assertThatThrownBy(() -> base().putProperties(key, AttributeValue.categorical("x")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("properties key must not be the reserved field " + key + " (set it through its own field)");
  }

  @Test
  void propertyKeysMustNotCollideAsSchemaFields() {
    assertThatThrownBy(() -> base()
            .putProperties("CATEGORY_L1", AttributeValue.categorical("a"))
            .putProperties("categoryL1", AttributeValue.categorical("b"))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("properties key categoryL1 collides with CATEGORY_L1 (field names must differ in more than case and '_')");
    assertThatThrownBy(() -> base()
            .putProperties("GENRES_FIELD_1", AttributeValue.categorical("a"))
            .putProperties("GENRESFIELD1", AttributeValue.categorical("b"))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("properties key GENRESFIELD1 collides with GENRES_FIELD_1");
  }

  @Test
  void propertyKeysMustBeValidFieldNames() {
    assertThatThrownBy(() -> base().putProperties("2DEVICE", AttributeValue.categorical("x")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("properties key must start with a letter");
  }

  /** {@code {"device":"<1000 chars>","note":"<n chars>"}} is 1023 + n characters long. */
  private static Interaction.Builder withPropertiesOfLength(int length) {
    return base()
        .putProperties("DEVICE", AttributeValue.categorical("d".repeat(1000)))
        .putProperties("NOTE", AttributeValue.categorical("n".repeat(length - 1023)));
  }

  @Test
  void propertiesSerialisedToExactly1024CharactersPass() {
    Interaction i = withPropertiesOfLength(1024).build();
    assertThat(i.propertiesJson()).hasValueSatisfying(json -> assertThat(json).hasSize(1024));
  }

  @Test
  void propertiesSerialisedTo1025CharactersFail() {
    assertThatThrownBy(() -> withPropertiesOfLength(1025).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("properties must serialise to at most 1024 characters but was 1025");
  }

  @Test
  void propertiesLengthCountsEscapes() {
    String quotes = "\"".repeat(510);
    assertThatThrownBy(() -> base().putProperties("Q", AttributeValue.categorical(quotes)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("properties must serialise to at most 1024 characters but was 1028");
  }

  @Test
  void propertiesJsonUsesCamelCaseKeysAndTypedValues() {
    Interaction i = base()
        .putProperties("DEVICE", AttributeValue.categorical("mobile"))
        .putProperties("NUMBER_OF_RATINGS", AttributeValue.numeric(12))
        .putProperties("SCORE", AttributeValue.numeric(0.25))
        .putProperties("GENRES", AttributeValue.categorical("Horror", "Action"))
        .build();
    assertThat(i.propertiesJson())
        .contains("{\"device\":\"mobile\",\"numberOfRatings\":12,\"score\":0.25,\"genres\":\"Horror|Action\"}");
  }

  @Test
  void propertiesJsonEscapesStrings() {
    String nasty = "a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj/é✓";
    Interaction i = base().putProperties("NOTE", AttributeValue.categorical(nasty)).build();
    assertThat(i.propertiesJson())
        .contains("{\"note\":\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj/é✓\"}");
  }

  @Test
  void propertiesJsonEscapesLoneSurrogatesButKeepsPairs() {
    String value = "a\uD800b\uD83D\uDE00c\uDC00";
    Interaction i = base().putProperties("NOTE", AttributeValue.categorical(value)).build();
    assertThat(i.propertiesJson()).contains("{\"note\":\"a\\ud800b\uD83D\uDE00c\\udc00\"}");
    assertThat(JsonChecker.parseFlatObject(i.propertiesJson().orElseThrow())).containsEntry("note", value);
  }

  @Test
  void stampedIfAbsentSetsTimestampAndEventIdOnce() {
    Interaction raw = base().build();
    Interaction stamped = raw.stampedIfAbsent(T0, "ev-1");
    assertThat(stamped.timestamp()).contains(T0);
    assertThat(stamped.eventId()).contains("ev-1");
    assertThat(stamped.userId()).isEqualTo(raw.userId());
    assertThat(raw.timestamp()).isEmpty();
    assertThat(stamped.stampedIfAbsent(T0.plusSeconds(5), "ev-2")).isSameAs(stamped);
  }

  @Test
  void stampedIfAbsentKeepsWhatIsAlreadySet() {
    Instant earlier = T0.minusSeconds(60);
    Interaction timed = base().timestamp(earlier).build().stampedIfAbsent(T0, "ev-1");
    assertThat(timed.timestamp()).contains(earlier);
    assertThat(timed.eventId()).contains("ev-1");
    Interaction identified = base().eventId("mine").build().stampedIfAbsent(T0, "ev-1");
    assertThat(identified.eventId()).contains("mine");
    assertThat(identified.timestamp()).contains(T0);
  }

  @Test
  void stampedIfAbsentRejectsNulls() {
    Interaction raw = base().build();
    assertThatNullPointerException().isThrownBy(() -> raw.stampedIfAbsent(null, "ev-1"));
    assertThatNullPointerException().isThrownBy(() -> raw.stampedIfAbsent(T0, null));
  }

  @Test
  void stampedIfAbsentValidatesTheNewEventId() {
    assertThatThrownBy(() -> base().build().stampedIfAbsent(T0, "x".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventId must be at most 256 characters but was 257");
  }

  private static Recommendations served(String recommendationId, int n) {
    Recommendations.Builder b = Recommendations.builder().source(Recommendations.Source.LIVE).servedAt(T0);
    if (recommendationId != null) {
      b.recommendationId(recommendationId);
    }
    items(n).forEach(id -> b.addItems(Recommendation.of(id)));
    return b.build();
  }

  @Test
  void attributedToCarriesTheRecommendationIdAndImpressions() {
    Interaction i = base().build().attributedTo(served("RID-1", 3));
    assertThat(i.recommendationId()).contains("RID-1");
    assertThat(i.impressions()).containsExactly(ItemId.of("i0"), ItemId.of("i1"), ItemId.of("i2"));
    assertThat(i.itemId()).isEqualTo(ITEM);
  }

  @Test
  void attributedToCapsImpressionsAt25() {
    Interaction i = base().build().attributedTo(served("RID-1", 100));
    assertThat(i.impressions()).hasSize(25).isEqualTo(items(25));
  }

  @Test
  void attributedToReplacesEarlierImpressions() {
    Interaction i = base().impressions(items(5)).build().attributedTo(served("RID-2", 2));
    assertThat(i.impressions()).containsExactly(ItemId.of("i0"), ItemId.of("i1"));
  }

  @Test
  void attributedToWithoutRecommendationIdKeepsImpressionsOnly() {
    Interaction i = base().build().attributedTo(served(null, 2));
    assertThat(i.recommendationId()).isEmpty();
    assertThat(i.impressions()).hasSize(2);
  }

  @Test
  void toStringNeverPrintsPropertyValues() {
    Interaction i = base()
        .putProperties("CARD_TYPE", AttributeValue.categorical("s3cr3t-visa"))
        .putProperties("BASKET", AttributeValue.numeric(31337.5))
        .timestamp(T0)
        .build();
    assertThat(i.toString())
        .contains("u1", "i1", "View", "CARD_TYPE", "BASKET", "redacted", T0.toString())
        .doesNotContain("s3cr3t-visa", "31337");
  }

  @Test
  void collectionsAreUnmodifiableAndBuilderInputsAreCopied() {
    List<ItemId> shown = new ArrayList<>(items(2));
    Interaction i = base().impressions(shown).putProperties("DEVICE", AttributeValue.categorical("web")).build();
    shown.add(ItemId.of("late"));
    assertThat(i.impressions()).hasSize(2);
    assertThatThrownBy(() -> i.impressions().add(ItemId.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> i.properties().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalInteractionsHaveEqualHashCodes() {
    Interaction a = base().timestamp(T0).eventValue(2).build();
    Interaction b = base().timestamp(T0).eventValue(2).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(base().timestamp(T0).eventValue(3).build());
  }
}
