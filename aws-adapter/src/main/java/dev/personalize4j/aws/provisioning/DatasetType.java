package dev.personalize4j.aws.provisioning;

/** The dataset types a {@link PipelineSpec} declares; the Avro record name equals {@link #apiName()}. */
public enum DatasetType {
  /** Item interactions (events); every pipeline has this dataset. */
  INTERACTIONS("Interactions", "interactions"),
  /** Item metadata. */
  ITEMS("Items", "items"),
  /** User metadata. */
  USERS("Users", "users");

  private final String apiName;
  private final String suffix;

  DatasetType(String apiName, String suffix) {
    this.apiName = apiName;
    this.suffix = suffix;
  }

  /** The {@code datasetType} Personalize uses, also the record name of the schema. */
  public String apiName() {
    return apiName;
  }

  /** The lower-case suffix used in derived dataset and schema names, e.g. {@code items}. */
  public String nameSuffix() {
    return suffix;
  }

  /** Returns the type whose API name is {@code name}, ignoring case as Personalize does. */
  public static DatasetType fromApiName(String name) {
    for (DatasetType t : values()) {
      if (t.apiName.equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("datasetType must be one of Interactions, Items, Users but was '" + name + "'");
  }
}
