package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pins every constant of {@link Limits} to the value documented in
 * ../shared/reference/personalize-api.md (sections A.1, B.1 and D), so a change is deliberate.
 */
class LimitsTest {

  @Test
  void idAndFieldLengths() {
    assertThat(Limits.MAX_ID_LENGTH).isEqualTo(256);
    assertThat(Limits.MAX_EVENT_TYPE_LENGTH).isEqualTo(256);
    assertThat(Limits.MAX_ATTRIBUTE_NAME_LENGTH).isEqualTo(150);
    assertThat(Limits.MAX_CATEGORICAL_VALUE_LENGTH).isEqualTo(1000);
    assertThat(Limits.MAX_TEXTUAL_VALUE_LENGTH).isEqualTo(20_000);
    assertThat(Limits.MAX_USER_ATTRIBUTES).isEqualTo(25);
    assertThat(Limits.MAX_ITEM_ATTRIBUTES).isEqualTo(100);
  }

  @Test
  void inferenceLimits() {
    assertThat(Limits.DEFAULT_NUM_RESULTS).isEqualTo(25);
    assertThat(Limits.MAX_NUM_RESULTS).isEqualTo(500);
    assertThat(Limits.MAX_NUM_RESULTS_WITH_METADATA).isEqualTo(50);
    assertThat(Limits.MAX_RANKING_CANDIDATES).isEqualTo(500);
    assertThat(Limits.MAX_METADATA_COLUMNS).isEqualTo(10);
    assertThat(Limits.MAX_CONTEXT_ENTRIES).isEqualTo(150);
    assertThat(Limits.MAX_CONTEXT_KEY_LENGTH).isEqualTo(150);
    assertThat(Limits.MAX_CONTEXT_VALUE_LENGTH).isEqualTo(1000);
    assertThat(Limits.MAX_FILTER_VALUES).isEqualTo(25);
    assertThat(Limits.MAX_FILTER_PARAMETER_LENGTH).isEqualTo(50);
    assertThat(Limits.MAX_FILTER_VALUE_LENGTH).isEqualTo(1000);
    assertThat(Limits.MAX_PROMOTION_NAME_LENGTH).isEqualTo(63);
  }

  @Test
  void eventAndRecordLimits() {
    assertThat(Limits.MAX_RECOMMENDATION_ID_LENGTH).isEqualTo(40);
    assertThat(Limits.MAX_IMPRESSIONS).isEqualTo(25);
    assertThat(Limits.MAX_EVENT_PROPERTIES_LENGTH).isEqualTo(1024);
    assertThat(Limits.MAX_RECORDS_PER_CALL).isEqualTo(10);
  }
}
