package dev.personalize4j.aws.provisioning;

/** The kinds of Personalize resources a {@link Provisioner} manages. */
public enum ResourceKind {
  /** A dataset group. */
  DATASET_GROUP("dataset group"),
  /** An Avro schema. */
  SCHEMA("schema"),
  /** A dataset. */
  DATASET("dataset"),
  /** A bulk dataset import job. */
  IMPORT_JOB("import job"),
  /** An event tracker. */
  EVENT_TRACKER("event tracker"),
  /** A filter. */
  FILTER("filter"),
  /** A custom solution. */
  SOLUTION("solution"),
  /** A trained version of a solution. */
  SOLUTION_VERSION("solution version"),
  /** A campaign. */
  CAMPAIGN("campaign"),
  /** A domain recommender. */
  RECOMMENDER("recommender");

  private final String label;

  ResourceKind(String label) {
    this.label = label;
  }

  /** A lower-case label for messages and progress output, e.g. {@code dataset group}. */
  public String label() {
    return label;
  }
}
