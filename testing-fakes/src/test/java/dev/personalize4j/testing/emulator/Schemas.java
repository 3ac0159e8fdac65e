package dev.personalize4j.testing.emulator;

/** Avro schemas used by the emulator tests. */
final class Schemas {
  private Schemas() {}

  static final String INTERACTIONS = "{\"type\":\"record\",\"name\":\"Interactions\","
      + "\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
      + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
      + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"},{\"name\":\"EVENT_TYPE\",\"type\":\"string\"}],\"version\":\"1.0\"}";

  static final String ITEMS = "{\"type\":\"record\",\"name\":\"Items\","
      + "\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
      + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"PRICE\",\"type\":\"float\"},"
      + "{\"name\":\"CATEGORY_L1\",\"type\":[\"string\"],\"categorical\":true},"
      + "{\"name\":\"CATEGORY_L2\",\"type\":[\"null\",\"string\"],\"categorical\":true},"
      + "{\"name\":\"PRODUCT_DESCRIPTION\",\"type\":[\"null\",\"string\"],\"textual\":true}],\"version\":\"1.0\"}";

  static final String USERS = "{\"type\":\"record\",\"name\":\"Users\","
      + "\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
      + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"AGE\",\"type\":[\"null\",\"int\"]},"
      + "{\"name\":\"MEMBERSHIP_STATUS\",\"type\":\"string\",\"categorical\":true}],\"version\":\"1.0\"}";
}
