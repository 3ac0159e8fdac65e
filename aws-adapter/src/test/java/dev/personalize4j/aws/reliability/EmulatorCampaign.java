package dev.personalize4j.aws.reliability;

import dev.personalize4j.aws.provisioning.CampaignSpec;
import dev.personalize4j.aws.provisioning.DatasetType;
import dev.personalize4j.aws.provisioning.Domain;
import dev.personalize4j.aws.provisioning.Field;
import dev.personalize4j.aws.provisioning.FieldType;
import dev.personalize4j.aws.provisioning.ImportSource;
import dev.personalize4j.aws.provisioning.PipelineSpec;
import dev.personalize4j.aws.provisioning.ProvisionedResources;
import dev.personalize4j.aws.provisioning.Provisioner;
import dev.personalize4j.aws.provisioning.Recipe;
import dev.personalize4j.aws.provisioning.SolutionSpec;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * An in-process emulator on 127.0.0.1 provisioned by {@link Provisioner} (real control-plane SDK) with a
 * trained user-personalization campaign over {@value #USERS} users and {@value #ITEMS} items, an
 * event tracker, and Items and Users datasets.
 */
final class EmulatorCampaign implements AutoCloseable {
  static final int USERS = 40;
  static final int ITEMS = 120;
  /** Distinctive fake credentials: the log-redaction test searches every log line for them. */
  static final String ACCESS_KEY = "AKIDRELIABILITYFAKE7Q";
  static final String SECRET_KEY = "reliabilityFakeSecret/K7MDENG+bPxRfiCYzz9";
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

  final PersonalizeEmulator emulator;
  final String campaignArn;
  final String trackingId;
  final String itemsDatasetArn;
  final String usersDatasetArn;

  private EmulatorCampaign(PersonalizeEmulator emulator, String campaignArn, String trackingId,
      String itemsDatasetArn, String usersDatasetArn) {
    this.emulator = emulator;
    this.campaignArn = campaignArn;
    this.trackingId = trackingId;
    this.itemsDatasetArn = itemsDatasetArn;
    this.usersDatasetArn = usersDatasetArn;
  }

  static String user(int u) {
    return "user-" + u;
  }

  static String item(int i) {
    return "item-" + i;
  }

  static List<String> allItems() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      out.add(item(i));
    }
    return out;
  }

  /** The setup, declared once: the project's own Provisioner creates it through the control-plane SDK. */
  static final PipelineSpec SPEC = PipelineSpec.builder("reliability", Domain.CUSTOM)
      .interactions(Field.optional("DEVICE", FieldType.CATEGORICAL))
      .items(Field.required("PRICE", FieldType.FLOAT), Field.required("CATEGORY_L1", FieldType.CATEGORICAL))
      .users(Field.required("MEMBERSHIP", FieldType.CATEGORICAL), Field.required("AGE", FieldType.INT))
      .bulkImport(DatasetType.INTERACTIONS, ImportSource.full("s3://reliability/interactions.csv")
          .withRoleArn("arn:aws:iam::000000000000:role/import"))
      .solution(SolutionSpec.of("reliability-up", Recipe.USER_PERSONALIZATION))
      .campaign(CampaignSpec.of("reliability-campaign", "reliability-up"))
      .eventTracker("reliability-tracker")
      .build();

  /** Starts an emulator whose import jobs read {@code dataDirectory}, and provisions it. */
  static EmulatorCampaign start(Path dataDirectory) {
    writeInteractions(dataDirectory);
    PersonalizeEmulator emulator = PersonalizeEmulator.builder().dataDirectory(dataDirectory).start();
    try (SdkHttpClient http = ApacheHttpClient.builder().build();
        PersonalizeClient control = PersonalizeClient.builder()
            .endpointOverride(emulator.endpoint())
            .region(Region.of(emulator.region()))
            .credentialsProvider(CREDENTIALS)
            .httpClient(http)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      ProvisionedResources arns = Provisioner.builder(control).sleeper(d -> { }).build().apply(SPEC);
      return new EmulatorCampaign(emulator, arns.campaignArn("reliability-campaign"),
          arns.trackingId().orElseThrow(), arns.datasetArn(DatasetType.ITEMS), arns.datasetArn(DatasetType.USERS));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /** 30 interactions per user, each user favouring a tenth of the items. */
  private static void writeInteractions(Path dir) {
    Random random = new Random(11);
    List<String> header = SPEC.csvHeader(DatasetType.INTERACTIONS);
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    long t = 1_733_000_000L;
    for (int u = 0; u < USERS; u++) {
      for (int k = 0; k < 30; k++) {
        int i = random.nextInt(4) > 0 ? (u % 10) + 10 * random.nextInt(ITEMS / 10) : random.nextInt(ITEMS);
        Map<String, String> row = Map.of("USER_ID", user(u), "ITEM_ID", item(i), "EVENT_TYPE", "View",
            "TIMESTAMP", Long.toString(t++));
        csv.append(String.join(",", header.stream().map(c -> row.getOrDefault(c, "")).toList())).append('\n');
      }
    }
    try {
      Path bucket = Files.createDirectories(dir.resolve("reliability"));
      Files.writeString(bucket.resolve("interactions.csv"), csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI endpoint() {
    return emulator.endpoint();
  }

  @Override
  public void close() {
    emulator.close();
  }
}
