package dev.personalize4j.aws.provisioning;

/** How a bulk import job treats the data already in the dataset. */
public enum ImportMode {
  /** Replaces all bulk-imported records (records from individual puts are kept). */
  FULL,
  /** Appends, replacing records with the same id; allowed only after a prior bulk import. */
  INCREMENTAL
}
