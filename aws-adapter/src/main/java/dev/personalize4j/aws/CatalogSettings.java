package dev.personalize4j.aws;

import dev.personalize4j.AttributeValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link AwsPersonalize}'s catalog sync paces PutItems/PutUsers and runs bulk loads through
 * dataset import jobs.
 */
public final class CatalogSettings {
  /** How a bulk load treats the records already in the dataset. */
  public enum ImportMode {
    /** Replaces all bulk-imported records (records from individual puts are kept). */
    FULL,
    /** Adds records and replaces those with the same id; needs an earlier bulk import. */
    INCREMENTAL
  }

  private final double requestsPerSecond;
  private final Path stagingDirectory;
  private final BulkUploader bulkUploader;
  private final ImportMode importMode;
  private final String importRoleArn;
  private final List<String> itemFields;
  private final List<String> userFields;
  private final Duration importPollInterval;
  private final Duration importPollMaxInterval;
  private final Duration importTimeout;

  private CatalogSettings(Builder b) {
    this.requestsPerSecond = Checks.range("requestsPerSecond", b.requestsPerSecond, 0.001, 100_000.0);
    this.stagingDirectory = b.stagingDirectory;
    this.bulkUploader = Objects.requireNonNull(b.bulkUploader, "bulkUploader");
    this.importMode = Objects.requireNonNull(b.importMode, "importMode");
    this.importRoleArn = b.importRoleArn;
    this.itemFields = fields("itemFields", b.itemFields);
    this.userFields = fields("userFields", b.userFields);
    this.importPollInterval = Checks.positive("importPollInterval", b.importPollInterval);
    this.importPollMaxInterval = Checks.positive("importPollMaxInterval", b.importPollMaxInterval);
    this.importTimeout = Checks.positive("importTimeout", b.importTimeout);
  }

  private static List<String> fields(String field, List<String> names) {
    if (names == null) {
      return null;
    }
    List<String> copy = List.copyOf(names);
    for (String n : copy) {
      AttributeValue.validateName(field + " entry", n);
    }
    if (copy.stream().distinct().count() != copy.size()) {
      throw new IllegalArgumentException(field + " must not contain duplicates but was " + copy);
    }
    return copy;
  }

  /** The defaults: 10 requests/s, system temp staging, unconfigured uploader, FULL imports. */
  public static CatalogSettings defaults() {
    return builder().build();
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** PutItems/PutUsers requests per second per dataset group (the service's quota is 10). */
  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  /** Where bulk loads write their CSV files; the system temp directory if not set. */
  public Optional<Path> stagingDirectory() {
    return Optional.ofNullable(stagingDirectory);
  }

  /** Turns a staged CSV file into an {@code s3://} location. */
  public BulkUploader bulkUploader() {
    return bulkUploader;
  }

  /** FULL or INCREMENTAL imports. */
  public ImportMode importMode() {
    return importMode;
  }

  /** The IAM role the import job reads S3 with, if any. */
  public Optional<String> importRoleArn() {
    return Optional.ofNullable(importRoleArn);
  }

  /** The CSV columns of item bulk loads after ITEM_ID, if declared; else taken from the first item. */
  public Optional<List<String>> itemFields() {
    return Optional.ofNullable(itemFields);
  }

  /** The CSV columns of user bulk loads after USER_ID, if declared; else taken from the first user. */
  public Optional<List<String>> userFields() {
    return Optional.ofNullable(userFields);
  }

  /** The first wait between import-job status checks. */
  public Duration importPollInterval() {
    return importPollInterval;
  }

  /** The longest wait between import-job status checks. */
  public Duration importPollMaxInterval() {
    return importPollMaxInterval;
  }

  /** How long a bulk load waits for its import job. */
  public Duration importTimeout() {
    return importTimeout;
  }

  @Override
  public String toString() {
    return "CatalogSettings{requestsPerSecond=" + requestsPerSecond + ", stagingDirectory=" + stagingDirectory
        + ", importMode=" + importMode + ", itemFields=" + itemFields + ", userFields=" + userFields
        + ", importTimeout=" + importTimeout + "}";
  }

  /** Builds {@link CatalogSettings}. */
  public static final class Builder {
    private double requestsPerSecond = 10;
    private Path stagingDirectory;
    private BulkUploader bulkUploader = BulkUploader.unconfigured();
    private ImportMode importMode = ImportMode.FULL;
    private String importRoleArn;
    private List<String> itemFields;
    private List<String> userFields;
    private Duration importPollInterval = Duration.ofSeconds(1);
    private Duration importPollMaxInterval = Duration.ofSeconds(30);
    private Duration importTimeout = Duration.ofHours(2);

    private Builder() {}

    /** PutItems/PutUsers requests per second per dataset group. */
    public Builder requestsPerSecond(double rate) {
      this.requestsPerSecond = rate;
      return this;
    }

    /** Where bulk loads write CSV files. */
    public Builder stagingDirectory(Path directory) {
      this.stagingDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Uploads staged CSV files (required for bulk loads). */
    public Builder bulkUploader(BulkUploader uploader) {
      this.bulkUploader = uploader;
      return this;
    }

    /** FULL (default) or INCREMENTAL imports. */
    public Builder importMode(ImportMode mode) {
      this.importMode = mode;
      return this;
    }

    /** The IAM role of import jobs. */
    public Builder importRoleArn(String roleArn) {
      this.importRoleArn = Objects.requireNonNull(roleArn, "roleArn");
      return this;
    }

    /** Declares the item CSV columns after ITEM_ID (schema field names). */
    public Builder itemFields(List<String> fields) {
      this.itemFields = Objects.requireNonNull(fields, "fields");
      return this;
    }

    /** Declares the user CSV columns after USER_ID (schema field names). */
    public Builder userFields(List<String> fields) {
      this.userFields = Objects.requireNonNull(fields, "fields");
      return this;
    }

    /** Import-job polling: first and longest wait. */
    public Builder importPolling(Duration initial, Duration max) {
      this.importPollInterval = initial;
      this.importPollMaxInterval = max;
      return this;
    }

    /** How long a bulk load waits for its import job. */
    public Builder importTimeout(Duration timeout) {
      this.importTimeout = timeout;
      return this;
    }

    /** Validates and returns the settings. */
    public CatalogSettings build() {
      return new CatalogSettings(this);
    }
  }
}
