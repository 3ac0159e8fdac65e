package dev.personalize4j.aws.provisioning;

/**
 * The type of a schema field, in the terms of {@link dev.personalize4j.AttributeValue}: categorical,
 * numeric (four widths), textual, boolean-as-categorical, or a plain string for Personalize's reserved
 * plain-string interaction fields.
 */
public enum FieldType {
  /** Categorical strings ({@code "categorical": true}); multi-valued with {@code |}. */
  CATEGORICAL("string"),
  /** A 32-bit integer. */
  INT("int"),
  /** A 64-bit integer, e.g. an epoch-second timestamp. */
  LONG("long"),
  /** A 32-bit float, e.g. PRICE or EVENT_VALUE. */
  FLOAT("float"),
  /** A 64-bit float. */
  DOUBLE("double"),
  /** Free text ({@code "textual": true}); at most one per Items dataset. */
  TEXTUAL("string"),
  /**
   * A yes/no flag stored as the categorical strings {@code True} / {@code False}, because Personalize
   * neither trains on nor filters by Avro booleans.
   */
  BOOLEAN("string"),
  /**
   * A plain string that is neither categorical nor textual; only for the reserved interaction fields
   * IMPRESSION, RECOMMENDATION_ID and EVENT_ATTRIBUTION_SOURCE.
   */
  STRING("string");

  private final String avroType;

  FieldType(String avroType) {
    this.avroType = avroType;
  }

  /** The Avro primitive type the field is written as. */
  public String avroType() {
    return avroType;
  }

  /** Whether values of this type are {@link dev.personalize4j.AttributeValue.Numeric}. */
  public boolean isNumeric() {
    return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
  }

  /** Whether the schema marks the field {@code "categorical": true}. */
  public boolean isCategorical() {
    return this == CATEGORICAL || this == BOOLEAN;
  }
}
