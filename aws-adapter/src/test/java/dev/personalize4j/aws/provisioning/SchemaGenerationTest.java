package dev.personalize4j.aws.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.aws.provisioning.internal.AvroSchemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema generation rules of personalize-api.md §E. */
class SchemaGenerationTest {
  private static final PipelineSpec RETAIL = RetailPipeline.spec("retail");

  @Test
  void retailUsersSchemaIsPinned() {
    assertThat(RETAIL.schemaJson(DatasetType.USERS)).isEqualTo(
        "{\"type\":\"record\",\"name\":\"Users\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
            + "{\"name\":\"USER_ID\",\"type\":\"string\"},"
            + "{\"name\":\"AGE\",\"type\":\"int\"},"
            + "{\"name\":\"GENDER\",\"type\":[\"null\",\"string\"],\"categorical\":true},"
            + "{\"name\":\"MEMBERSHIP\",\"type\":[\"null\",\"string\"],\"categorical\":true}"
            + "],\"version\":\"1.0\"}");
  }

  @Test
  void retailItemsSchemaIsPinned() {
    assertThat(RETAIL.schemaJson(DatasetType.ITEMS)).isEqualTo(
        "{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
            + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
            + "{\"name\":\"PRICE\",\"type\":\"float\"},"
            + "{\"name\":\"CATEGORY_L1\",\"type\":\"string\",\"categorical\":true},"
            + "{\"name\":\"CATEGORY_L2\",\"type\":[\"null\",\"string\"],\"categorical\":true}"
            + "],\"version\":\"1.0\"}");
  }

  @Test
  void retailInteractionsSchemaIsPinned() {
    assertThat(RETAIL.schemaJson(DatasetType.INTERACTIONS)).isEqualTo(
        "{\"type\":\"record\",\"name\":\"Interactions\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
            + "{\"name\":\"USER_ID\",\"type\":\"string\"},"
            + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
            + "{\"name\":\"EVENT_TYPE\",\"type\":\"string\"},"
            + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"}"
            + "],\"version\":\"1.0\"}");
    assertThat(RETAIL.csvHeader(DatasetType.INTERACTIONS)).containsExactly("USER_ID", "ITEM_ID", "EVENT_TYPE", "TIMESTAMP");
  }

  @Test
  void textualAndReservedInteractionFieldsAreFlaggedAndUnioned() {
    String items = AvroSchemas.generate(Domain.ECOMMERCE, DatasetType.ITEMS, List.of(
        Field.required("PRICE", FieldType.FLOAT),
        Field.required("CATEGORY_L1", FieldType.CATEGORICAL),
        Field.optional("PRODUCT_DESCRIPTION", FieldType.TEXTUAL),
        Field.optional("CREATION_TIMESTAMP", FieldType.LONG),
        Field.optional("IN_STOCK", FieldType.BOOLEAN),
        Field.required("RATING", FieldType.DOUBLE)));
    assertThat(items)
        .contains("{\"name\":\"PRODUCT_DESCRIPTION\",\"type\":[\"null\",\"string\"],\"textual\":true}")
        .contains("{\"name\":\"CREATION_TIMESTAMP\",\"type\":[\"null\",\"long\"]}")
        .contains("{\"name\":\"IN_STOCK\",\"type\":[\"null\",\"string\"],\"categorical\":true}")
        .contains("{\"name\":\"RATING\",\"type\":\"double\"}");
    String interactions = AvroSchemas.generate(Domain.CUSTOM, DatasetType.INTERACTIONS, List.of(
        Field.optional("EVENT_VALUE", FieldType.FLOAT),
        Field.optional("IMPRESSION", FieldType.STRING),
        Field.optional("DEVICE", FieldType.CATEGORICAL)));
    assertThat(interactions)
        .contains("{\"name\":\"EVENT_VALUE\",\"type\":[\"null\",\"float\"]}")
        .contains("{\"name\":\"IMPRESSION\",\"type\":[\"null\",\"string\"]}")
        .contains("{\"name\":\"DEVICE\",\"type\":[\"null\",\"string\"],\"categorical\":true}");
  }

  @Test
  void ecommerceItemsRequirePriceAndCategoryL1() {
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.ECOMMERCE, DatasetType.ITEMS,
        List.of(Field.required("CATEGORY_L1", FieldType.CATEGORICAL))))
        .hasMessage("ECOMMERCE Items must declare the required field PRICE (FLOAT)");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.ECOMMERCE, DatasetType.ITEMS,
        List.of(Field.required("PRICE", FieldType.FLOAT), Field.optional("CATEGORY_L1", FieldType.CATEGORICAL))))
        .hasMessage("ECOMMERCE Items field CATEGORY_L1 is required by the domain and must not be optional");
    assertThat(AvroSchemas.generate(Domain.CUSTOM, DatasetType.ITEMS, List.of(Field.required("GENRE", FieldType.CATEGORICAL))))
        .contains("GENRE");
  }

  @Test
  void reservedFieldsMustHaveTheirTypes() {
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.ECOMMERCE, DatasetType.ITEMS, List.of(
        Field.required("PRICE", FieldType.DOUBLE), Field.required("CATEGORY_L1", FieldType.CATEGORICAL))))
        .hasMessage("Items field PRICE is a reserved field and must be of type FLOAT but was DOUBLE");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.ECOMMERCE, DatasetType.ITEMS, List.of(
        Field.required("PRICE", FieldType.FLOAT), Field.required("CATEGORY_L1", FieldType.CATEGORICAL),
        Field.optional("CATEGORY_L2", FieldType.TEXTUAL))))
        .hasMessage("Items field CATEGORY_L2 is a reserved field and must be of type CATEGORICAL but was TEXTUAL");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.ECOMMERCE, DatasetType.ITEMS, List.of(
        Field.required("PRICE", FieldType.FLOAT), Field.required("CATEGORY_L1", FieldType.CATEGORICAL),
        Field.optional("PRODUCT_DESCRIPTION", FieldType.CATEGORICAL))))
        .hasMessage("Items field PRODUCT_DESCRIPTION is a reserved field and must be of type TEXTUAL but was CATEGORICAL");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.ITEMS, List.of(
        Field.optional("CREATION_TIMESTAMP", FieldType.FLOAT))))
        .hasMessage("Items field CREATION_TIMESTAMP is a reserved field and must be of type LONG but was FLOAT");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.INTERACTIONS, List.of(
        Field.optional("EVENT_VALUE", FieldType.INT))))
        .hasMessage("Interactions field EVENT_VALUE is a reserved field and must be of type FLOAT but was INT");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.INTERACTIONS, List.of(
        Field.optional("RECOMMENDATION_ID", FieldType.CATEGORICAL))))
        .hasMessage("Interactions field RECOMMENDATION_ID is a reserved field and must be of type STRING but was CATEGORICAL");
  }

  @Test
  void generatedAndInteractionOnlyFieldsCannotBeDeclared() {
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.USERS, List.of(
        Field.required("USER_ID", FieldType.CATEGORICAL))))
        .hasMessage("Users field USER_ID must not be declared: it is generated automatically as a required field");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.INTERACTIONS, List.of(
        Field.required("TIMESTAMP", FieldType.LONG))))
        .hasMessageContaining("TIMESTAMP must not be declared");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.USERS, List.of(
        Field.optional("EVENT_VALUE", FieldType.FLOAT))))
        .hasMessage("Users field EVENT_VALUE must not be declared: the name is reserved for the Interactions dataset");
  }

  @Test
  void namesCollideIgnoringCaseAndUnderscores() {
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.ITEMS, List.of(
        Field.required("GENRES_FIELD_1", FieldType.CATEGORICAL), Field.required("GENRESFIELD1", FieldType.CATEGORICAL))))
        .hasMessage("Items field GENRESFIELD1 collides with field GENRES_FIELD_1 (field names must differ ignoring case and '_')");
  }

  @Test
  void plainStringsAndMisplacedTextualFieldsAreRejected() {
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.USERS, List.of(
        Field.required("NICKNAME", FieldType.STRING))))
        .hasMessageStartingWith("Users field NICKNAME must be CATEGORICAL or TEXTUAL, not STRING");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.USERS, List.of(
        Field.required("BIO", FieldType.TEXTUAL))))
        .hasMessage("Users field BIO must not be TEXTUAL: textual fields are allowed only in the Items dataset");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.ITEMS, List.of(
        Field.required("TITLE", FieldType.TEXTUAL), Field.required("BODY", FieldType.TEXTUAL))))
        .hasMessage("Items must have at most 1 textual field but declared TITLE and BODY");
  }

  @Test
  void metadataLimitsAreEnforced() {
    assertThat(AvroSchemas.generate(Domain.CUSTOM, DatasetType.USERS, numeric("U", 25))).contains("U25");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.USERS, numeric("U", 26)))
        .hasMessage("Users must have at most 25 metadata fields but had 26");
    assertThat(AvroSchemas.generate(Domain.CUSTOM, DatasetType.ITEMS, numeric("I", 100))).contains("I100");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.ITEMS, numeric("I", 101)))
        .hasMessage("Items must have at most 100 metadata fields but had 101");
    List<Field> interactions = new ArrayList<>(numeric("M", 5));
    interactions.add(Field.optional("EVENT_VALUE", FieldType.FLOAT));
    assertThat(AvroSchemas.generate(Domain.CUSTOM, DatasetType.INTERACTIONS, interactions)).contains("M5");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.INTERACTIONS, numeric("M", 6)))
        .hasMessage("Interactions must have at most 5 metadata fields (excluding reserved fields) but had 6");
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.USERS, List.of()))
        .hasMessage("Users must have at least 1 metadata field but had 0");
  }

  @Test
  void schemaLengthIsLimited() {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fields.add(Field.optional("F" + "X".repeat(140) + i, FieldType.CATEGORICAL));
    }
    assertThatThrownBy(() -> AvroSchemas.generate(Domain.CUSTOM, DatasetType.ITEMS, fields))
        .hasMessageStartingWith("Items schema must be at most 20000 characters but was ");
  }

  private static List<Field> numeric(String prefix, int count) {
    List<Field> fields = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      fields.add(Field.optional(prefix + i, FieldType.DOUBLE));
    }
    return fields;
  }
}
