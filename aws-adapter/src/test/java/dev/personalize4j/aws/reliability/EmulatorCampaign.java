package dev.personalize4j.aws.reliability;

import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.ImportMode;

/**
 * An in-process emulator on 127.0.0.1 provisioned, through the real control-plane SDK, with a
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
      String group = control.createDatasetGroup(b -> b.name("reliability")).datasetGroupArn();
      await(() -> control.describeDatasetGroup(b -> b.datasetGroupArn(group)).datasetGroup().status());
      String interactionsSchema = control.createSchema(b -> b.name("reliability-interactions").schema(
          "{\"type\":\"record\",\"name\":\"Interactions\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
              + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
              + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"},{\"name\":\"EVENT_TYPE\",\"type\":\"string\"},"
              + "{\"name\":\"DEVICE\",\"type\":[\"null\",\"string\"],\"categorical\":true}],\"version\":\"1.0\"}"))
          .schemaArn();
      String itemsSchema = control.createSchema(b -> b.name("reliability-items").schema(
          "{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
              + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"PRICE\",\"type\":\"float\"},"
              + "{\"name\":\"CATEGORY_L1\",\"type\":\"string\",\"categorical\":true}],\"version\":\"1.0\"}"))
          .schemaArn();
      String usersSchema = control.createSchema(b -> b.name("reliability-users").schema(
          "{\"type\":\"record\",\"name\":\"Users\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
              + "{\"name\":\"USER_ID\",\"type\":\"string\"},"
              + "{\"name\":\"MEMBERSHIP\",\"type\":\"string\",\"categorical\":true},"
              + "{\"name\":\"AGE\",\"type\":\"int\"}],\"version\":\"1.0\"}"))
          .schemaArn();
      String interactions = dataset(control, group, "reliability-interactions", "Interactions", interactionsSchema);
      String items = dataset(control, group, "reliability-items", "Items", itemsSchema);
      String users = dataset(control, group, "reliability-users", "Users", usersSchema);
      String job = control.createDatasetImportJob(b -> b.jobName("reliability-import").datasetArn(interactions)
          .dataSource(DataSource.builder().dataLocation("s3://reliability/interactions.csv").build())
          .importMode(ImportMode.FULL).roleArn("arn:aws:iam::000000000000:role/import")).datasetImportJobArn();
      await(() -> control.describeDatasetImportJob(b -> b.datasetImportJobArn(job)).datasetImportJob().status());
      String solution = control.createSolution(b -> b.name("reliability-up").datasetGroupArn(group)
          .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization")).solutionArn();
      await(() -> control.describeSolution(b -> b.solutionArn(solution)).solution().status());
      String version = control.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
      await(() -> control.describeSolutionVersion(b -> b.solutionVersionArn(version)).solutionVersion().status());
      String campaign = control.createCampaign(b -> b.name("reliability-campaign").solutionVersionArn(version))
          .campaignArn();
      await(() -> control.describeCampaign(b -> b.campaignArn(campaign)).campaign().status());
      String tracking = control.createEventTracker(b -> b.name("reliability-tracker").datasetGroupArn(group))
          .trackingId();
      return new EmulatorCampaign(emulator, campaign, tracking, items, users);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  private static String dataset(PersonalizeClient control, String group, String name, String type, String schema) {
    String arn = control.createDataset(b -> b.name(name).datasetGroupArn(group).datasetType(type).schemaArn(schema))
        .datasetArn();
    await(() -> control.describeDataset(b -> b.datasetArn(arn)).dataset().status());
    return arn;
  }

  /** Polls a status (each poll is a request; the emulator's resources become ACTIVE by the next call). */
  private static void await(Supplier<String> status) {
    String s = "";
    for (int i = 0; i < 50; i++) {
      s = status.get();
      if (s.equals("ACTIVE")) {
        return;
      }
      if (s.contains("FAILED")) {
        break;
      }
    }
    throw new IllegalStateException("provisioning did not reach ACTIVE (last status " + s + ")");
  }

  /** 30 interactions per user, each user favouring a tenth of the items. */
  private static void writeInteractions(Path dir) {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("USER_ID,ITEM_ID,EVENT_TYPE,TIMESTAMP\n");
    long t = 1_733_000_000L;
    for (int u = 0; u < USERS; u++) {
      for (int k = 0; k < 30; k++) {
        int i = random.nextInt(4) > 0 ? (u % 10) + 10 * random.nextInt(ITEMS / 10) : random.nextInt(ITEMS);
        csv.append(user(u)).append(',').append(item(i)).append(",View,").append(t++).append('\n');
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
