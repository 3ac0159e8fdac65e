package dev.personalize4j.aws.provisioning;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bulk import of a CSV file or folder into a dataset; imported at most once by {@link Provisioner}
 * (a source with an ACTIVE import job is not imported again).
 *
 * @param dataLocation the S3 file, or folder ending in {@code /}, e.g. {@code s3://bucket/items.csv}
 * @param mode FULL or INCREMENTAL
 * @param roleArn the IAM role Personalize assumes to read the bucket, if one is needed
 */
public record ImportSource(String dataLocation, ImportMode mode, Optional<String> roleArn) {
  private static final Pattern LOCATION = Pattern.compile("(s3|http|https)://.+");
  static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");

  /** Validates the location (at most 256 characters, s3/http/https) and the role ARN pattern. */
  public ImportSource {
    Objects.requireNonNull(dataLocation, "dataLocation");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(roleArn, "roleArn");
    if (dataLocation.length() > 256) {
      throw new IllegalArgumentException(
          "import dataLocation must be at most 256 characters but was " + dataLocation.length());
    }
    if (!LOCATION.matcher(dataLocation).matches()) {
      throw new IllegalArgumentException(
          "import dataLocation must start with s3://, http:// or https:// but was '" + dataLocation + "'");
    }
    roleArn.ifPresent(arn -> {
      if (arn.length() > 256 || !ROLE_ARN.matcher(arn).matches()) {
        throw new IllegalArgumentException(
            "import roleArn must match arn:<partition>:iam::<12-digit account>:role/<name> but was '" + arn + "'");
      }
    });
  }

  /** Returns a FULL import of {@code dataLocation} without a role. */
  public static ImportSource full(String dataLocation) {
    return new ImportSource(dataLocation, ImportMode.FULL, Optional.empty());
  }

  /** Returns an INCREMENTAL import of {@code dataLocation} without a role. */
  public static ImportSource incremental(String dataLocation) {
    return new ImportSource(dataLocation, ImportMode.INCREMENTAL, Optional.empty());
  }

  /** Returns a copy that Personalize reads with the IAM role {@code roleArn}. */
  public ImportSource withRoleArn(String roleArn) {
    return new ImportSource(dataLocation, mode, Optional.of(roleArn));
  }
}
