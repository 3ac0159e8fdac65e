package dev.personalize4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the AWS setup program of the README against the emulator (the SDK's defaults pointed at it),
 * and checks that the config file it writes is what {@code RetailDemo --aws --config} reads. The demo's
 * {@code --aws} mode itself is never run in tests.
 */
class ProvisionRetailPipelineTest {

  @Test
  void provision_createsThePipelineFromS3FilesAndWritesTheDemoConfig(@TempDir Path dir) {
    RetailData.generate(3, new RetailData.Size(200, 60)).writeCsv(dir.resolve("my-bucket").resolve("retail"));
    Path config = dir.resolve("retail-demo.properties");
    try (PersonalizeEmulator emulator = PersonalizeEmulator.builder().dataDirectory(dir).relaxTrainingMinimums(true).start();
        SdkDefaults sdk = SdkDefaults.pointedAt(emulator)) {

      ProvisionRetailPipeline.provision("s3://my-bucket/retail/",
          "arn:aws:iam::123456789012:role/PersonalizeS3Read", config);

      DemoOptions options = DemoOptions.parse(List.of("--config", config.toString()), Map.of());
      String prefix = "arn:aws:personalize:" + emulator.region() + ":" + emulator.accountId() + ":";
      assertThat(options.aws()).isTrue();
      assertThat(options.region()).contains(emulator.region());
      assertThat(options.forUserArn()).contains(prefix + "campaign/" + RetailPipeline.FOR_YOU);
      assertThat(options.similarItemsArn()).contains(prefix + "campaign/" + RetailPipeline.SIMILAR);
      assertThat(options.rankingArn()).contains(prefix + "campaign/" + RetailPipeline.RANKING);
      assertThat(options.popularArn()).contains(prefix + "campaign/" + RetailPipeline.BEST_SELLERS);
      assertThat(options.trackingId()).isPresent();
      assertThat(options.usersDatasetArn()).hasValueSatisfying(a -> assertThat(a).startsWith(prefix + "dataset/"));
      assertThat(options.filters()).containsOnlyKeys(RetailPipeline.EXCLUDE_PURCHASED, RetailPipeline.IN_CATEGORY);
      assertThat(emulator.inspection().requestCount("CreateDatasetImportJob")).isEqualTo(3);

      ProvisionRetailPipeline.provision("s3://my-bucket/retail/",
          "arn:aws:iam::123456789012:role/PersonalizeS3Read", config);
      assertThat(emulator.inspection().requestCount("CreateCampaign")).isEqualTo(4);
    }
  }
}
