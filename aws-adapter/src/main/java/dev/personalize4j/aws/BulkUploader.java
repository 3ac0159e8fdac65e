package dev.personalize4j.aws;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Makes a local CSV file written by a bulk load readable by a dataset import job, typically by
 * uploading it to S3, and returns where the job reads it ({@code s3://bucket/key}). personalize4j
 * does not depend on the S3 SDK, so the application supplies this.
 */
@FunctionalInterface
public interface BulkUploader {

  /**
   * Uploads {@code csv}.
   *
   * @param csv the staged file; personalize4j deletes it when the load ends
   * @param datasetArn the dataset it will be imported into
   * @return the {@code s3://} location for CreateDatasetImportJob
   */
  URI upload(Path csv, String datasetArn) throws IOException;

  /** The default: fails, naming the setting to configure. */
  static BulkUploader unconfigured() {
    return (csv, datasetArn) -> {
      throw new IllegalStateException("bulk loads need an uploader that puts the CSV on S3: "
          + "configure CatalogSettings.builder().bulkUploader(...)");
    };
  }
}
