package dev.personalize4j.benchmarks;

import dev.personalize4j.aws.AwsPersonalize;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * An in-process emulator on 127.0.0.1 with a trained user-personalization campaign, an event
 * tracker and an Items dataset (PRICE, CATEGORY_L1), provisioned by {@link Provisioner} through the
 * real control-plane SDK; plus factories for the adapter and for the raw SDK clients the baselines use, all with the
 * same fake credentials and Apache HTTP client settings.
 */
public final class EmulatorFixture implements AutoCloseable {
  /** Users in the training data. */
  public static final int USERS = 200;
  /** Items in the training data. */
  public static final int ITEMS = 500;
  /** Static fake credentials; nothing here ever talks to AWS. */
  public static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIDBENCHMARKFAKE", "benchmarkFakeSecretKey"));

  private final Path data;
  private final PersonalizeEmulator emulator;
  private final String campaignArn;
  private final String trackingId;
  private final String itemsDatasetArn;

  private EmulatorFixture(Path data, PersonalizeEmulator emulator, String campaignArn, String trackingId,
      String itemsDatasetArn) {
    this.data = data;
    this.emulator = emulator;
    this.campaignArn = campaignArn;
    this.trackingId = trackingId;
    this.itemsDatasetArn = itemsDatasetArn;
  }

  /** A user id of the training data (or beyond it, for cold-start users). */
  public static String user(int u) {
    return "user-" + u;
  }

  /** An item id of the training data. */
  public static String item(int i) {
    return "item-" + i;
  }

  /** The setup, declared once and created by the project's own Provisioner. */
  static final PipelineSpec SPEC = PipelineSpec.builder("bench", Domain.CUSTOM)
      .items(Field.required("PRICE", FieldType.FLOAT), Field.required("CATEGORY_L1", FieldType.CATEGORICAL))
      .bulkImport(DatasetType.INTERACTIONS, ImportSource.full("s3://bench/interactions.csv")
          .withRoleArn("arn:aws:iam::000000000000:role/import"))
      .solution(SolutionSpec.of("bench-up", Recipe.USER_PERSONALIZATION))
      .campaign(CampaignSpec.of("bench-campaign", "bench-up"))
      .eventTracker("bench-tracker")
      .build();

  /** Starts and provisions an emulator. */
  public static EmulatorFixture start() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    Path data;
    try {
      data = Files.createTempDirectory("personalize4j-bench-");
      Path bucket = Files.createDirectories(data.resolve("bench"));
      Files.writeString(bucket.resolve("interactions.csv"), interactions());
      Files.writeString(bucket.resolve("items-small.csv"), "ITEM_ID,PRICE,CATEGORY_L1\nitem-0,1.5,c0\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PersonalizeEmulator emulator = PersonalizeEmulator.builder().dataDirectory(data).start();
    try (SdkHttpClient http = ApacheHttpClient.builder().build();
        PersonalizeClient control = PersonalizeClient.builder()
            .endpointOverride(emulator.endpoint())
            .region(Region.of(emulator.region()))
            .credentialsProvider(CREDENTIALS)
            .httpClient(http)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      ProvisionedResources arns = Provisioner.builder(control).sleeper(d -> { }).build().apply(SPEC);
      return new EmulatorFixture(data, emulator, arns.campaignArn("bench-campaign"),
          arns.trackingId().orElseThrow(), arns.datasetArn(DatasetType.ITEMS));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  private static String interactions() {
    Random random = new Random(3);
    List<String> header = SPEC.csvHeader(DatasetType.INTERACTIONS);
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    long t = 1_733_000_000L;
    for (int u = 0; u < USERS; u++) {
      for (int k = 0; k < 20; k++) {
        int i = random.nextInt(3) > 0 ? (u % 20) + 20 * random.nextInt(ITEMS / 20) : random.nextInt(ITEMS);
        Map<String, String> row = Map.of("USER_ID", user(u), "ITEM_ID", item(i), "EVENT_TYPE", "View",
            "TIMESTAMP", Long.toString(t++));
        csv.append(String.join(",", header.stream().map(c -> row.getOrDefault(c, "")).toList())).append('\n');
      }
    }
    return csv.toString();
  }

  /** The emulator. */
  public PersonalizeEmulator emulator() {
    return emulator;
  }

  /** The user-personalization campaign. */
  public String campaignArn() {
    return campaignArn;
  }

  /** The event tracker's id. */
  public String trackingId() {
    return trackingId;
  }

  /** The Items dataset. */
  public String itemsDatasetArn() {
    return itemsDatasetArn;
  }

  /** {@code s3://} location of a one-item CSV the emulator can import. */
  public String smallItemsLocation() {
    return "s3://bench/items-small.csv";
  }

  /** An adapter builder pointed at the emulator, using {@code http}. */
  public AwsPersonalize.Builder adapter(SdkHttpClient http) {
    return AwsPersonalize.builder()
        .region(emulator.region())
        .credentialsProvider(CREDENTIALS)
        .endpointOverride(emulator.endpoint())
        .httpClient(http)
        .forUserArn(campaignArn)
        .trackingId(trackingId)
        .itemsDatasetArn(itemsDatasetArn);
  }

  /** The raw runtime client of the baselines: same HTTP client settings, SDK retries off like the adapter's. */
  public PersonalizeRuntimeClient rawRuntime(SdkHttpClient http) {
    return PersonalizeRuntimeClient.builder()
        .endpointOverride(emulator.endpoint())
        .region(Region.of(emulator.region()))
        .credentialsProvider(CREDENTIALS)
        .httpClient(http)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** The raw events client of the baselines. */
  public PersonalizeEventsClient rawEvents(SdkHttpClient http) {
    return PersonalizeEventsClient.builder()
        .endpointOverride(emulator.endpoint())
        .region(Region.of(emulator.region()))
        .credentialsProvider(CREDENTIALS)
        .httpClient(http)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Override
  public void close() {
    emulator.close();
    try (Stream<Path> walk = Files.walk(data)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
