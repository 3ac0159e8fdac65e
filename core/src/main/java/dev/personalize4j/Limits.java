package dev.personalize4j;

/**
 * Amazon Personalize's own limits, enforced by every personalize4j value type before any network
 * call so that bad input fails identically for every implementation.
 */
public final class Limits {
  /** Maximum length of a user, item, session or event id. */
  public static final int MAX_ID_LENGTH = 256;
  /** Maximum length of an event type name. */
  public static final int MAX_EVENT_TYPE_LENGTH = 256;
  /** Default number of results of a recommendation request. */
  public static final int DEFAULT_NUM_RESULTS = 25;
  /** Maximum number of results of a recommendation request. */
  public static final int MAX_NUM_RESULTS = 500;
  /** Maximum number of results (and ranking candidates) when metadata columns are requested. */
  public static final int MAX_NUM_RESULTS_WITH_METADATA = 50;
  /** Maximum number of candidates in one ranking request. */
  public static final int MAX_RANKING_CANDIDATES = 500;
  /** Maximum number of metadata columns requested per call. */
  public static final int MAX_METADATA_COLUMNS = 10;
  /** Maximum number of context entries per request. */
  public static final int MAX_CONTEXT_ENTRIES = 150;
  /** Maximum length of a context key. */
  public static final int MAX_CONTEXT_KEY_LENGTH = 150;
  /** Maximum length of a context value. */
  public static final int MAX_CONTEXT_VALUE_LENGTH = 1000;
  /** Maximum number of filter parameters per request. */
  public static final int MAX_FILTER_VALUES = 25;
  /** Maximum length of a filter parameter name. */
  public static final int MAX_FILTER_PARAMETER_LENGTH = 50;
  /** Maximum length of a rendered filter value. */
  public static final int MAX_FILTER_VALUE_LENGTH = 1000;
  /** Maximum length of a recommendation id carried into an event. */
  public static final int MAX_RECOMMENDATION_ID_LENGTH = 40;
  /** Maximum number of impressions in one event. */
  public static final int MAX_IMPRESSIONS = 25;
  /** Maximum length of an event's serialised properties JSON. */
  public static final int MAX_EVENT_PROPERTIES_LENGTH = 1024;
  /** Maximum number of events, items or users in one PutEvents, PutItems or PutUsers call. */
  public static final int MAX_RECORDS_PER_CALL = 10;
  /** Maximum length of a categorical attribute value. */
  public static final int MAX_CATEGORICAL_VALUE_LENGTH = 1000;
  /** Maximum length of a textual attribute value. */
  public static final int MAX_TEXTUAL_VALUE_LENGTH = 20_000;
  /** Maximum number of metadata fields of a user. */
  public static final int MAX_USER_ATTRIBUTES = 25;
  /** Maximum number of metadata fields of an item. */
  public static final int MAX_ITEM_ATTRIBUTES = 100;
  /** Maximum length of an attribute (schema field) name. */
  public static final int MAX_ATTRIBUTE_NAME_LENGTH = 150;
  /** Maximum length of a promotion name. */
  public static final int MAX_PROMOTION_NAME_LENGTH = 63;

  private Limits() {}
}
