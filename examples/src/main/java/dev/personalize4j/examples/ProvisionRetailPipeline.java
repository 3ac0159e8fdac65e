package dev.personalize4j.examples;

import dev.personalize4j.aws.provisioning.ConsoleProgressRenderer;
import dev.personalize4j.aws.provisioning.DatasetType;
import dev.personalize4j.aws.provisioning.ProvisionedResources;
import dev.personalize4j.aws.provisioning.Provisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * Creates the demo's pipeline ({@link RetailPipeline}) in your AWS account, from CSV files already
 * on S3, and writes the {@code --config} file that runs {@link RetailDemo} against it with
 * {@code --aws}. Uses the AWS SDK's default region and credentials chain. Idempotent: run it again
 * and it only waits for what is not ACTIVE yet. Training takes hours and campaigns cost money while
 * they exist; delete the dataset group when you are done.
 */
public final class ProvisionRetailPipeline {
  private ProvisionRetailPipeline() {}

  /** {@code s3://bucket/prefix/ arn:aws:iam::123456789012:role/NAME retail-demo.properties}. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: ProvisionRetailPipeline S3_LOCATION IMPORT_ROLE_ARN CONFIG_FILE\n"
          + "  e.g. s3://my-bucket/retail/ arn:aws:iam::123456789012:role/PersonalizeS3Read retail-demo.properties");
      System.exit(2);
      return;
    }
    provision(args[0], args[1], Path.of(args[2]));
    System.out.println("Wrote " + args[2] + ". Run the demo with: --config " + args[2]);
  }

  /**
   * Applies the pipeline, printing progress, and writes the demo's config file.
   *
   * @throws dev.personalize4j.aws.provisioning.ProvisioningException if a resource cannot be created
   */
  public static void provision(String s3Location, String importRoleArn, Path configFile) {
    try (PersonalizeClient client = PersonalizeClient.create()) {
      ProvisionedResources r = Provisioner.builder(client).build()
          .apply(RetailPipeline.spec(s3Location, importRoleArn), ConsoleProgressRenderer.create(System.out));
      Properties demo = new Properties();
      demo.setProperty("aws", "true");
      demo.setProperty("region", client.serviceClientConfiguration().region().id());
      demo.setProperty("for-user-arn", r.campaignArn(RetailPipeline.FOR_YOU));
      demo.setProperty("similar-items-arn", r.campaignArn(RetailPipeline.SIMILAR));
      demo.setProperty("ranking-arn", r.campaignArn(RetailPipeline.RANKING));
      demo.setProperty("popular-arn", r.campaignArn(RetailPipeline.BEST_SELLERS));
      demo.setProperty("tracking-id", r.trackingId().orElseThrow());
      demo.setProperty("items-dataset-arn", r.datasetArn(DatasetType.ITEMS));
      demo.setProperty("users-dataset-arn", r.datasetArn(DatasetType.USERS));
      r.filterArns().forEach((name, arn) -> demo.setProperty("filter." + name, arn));
      try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
        demo.store(out, "personalize4j retail demo on AWS; run with --config " + configFile.getFileName());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + configFile, e);
      }
    }
  }
}
