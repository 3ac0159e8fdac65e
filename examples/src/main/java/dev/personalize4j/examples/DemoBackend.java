package dev.personalize4j.examples;

import dev.personalize4j.ItemId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.provisioning.ConsoleProgressRenderer;
import dev.personalize4j.aws.provisioning.DatasetType;
import dev.personalize4j.aws.provisioning.PipelineSpec;
import dev.personalize4j.aws.provisioning.ProgressEvent;
import dev.personalize4j.aws.provisioning.ProgressListener;
import dev.personalize4j.aws.provisioning.ProvisionedResources;
import dev.personalize4j.aws.provisioning.Provisioner;
import dev.personalize4j.examples.shop.BestSellers;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * Where the demo's recommendations come from: an in-process emulator provisioned from scratch (the
 * default), or real Amazon Personalize resources named by ARN ({@code --aws}).
 */
final class DemoBackend implements AutoCloseable {
  private static final String BUCKET = "retail-demo";
  private static final Set<ProgressEvent.Action> FINAL =
      EnumSet.of(ProgressEvent.Action.EXISTS, ProgressEvent.Action.ACTIVE, ProgressEvent.Action.FAILED);
  private static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("demo-access-key", "demo-secret-key"));

  final AwsPersonalize personalize;
  final Optional<PersonalizeEmulator> emulator;
  final String description;
  final Set<String> filters;
  final boolean canRank;
  final boolean canFindSimilar;
  final boolean canUpsertUsers;
  final Duration setupTime;
  private final Optional<Path> tempDirectory;

  private DemoBackend(AwsPersonalize personalize, Optional<PersonalizeEmulator> emulator, String description,
      Set<String> filters, boolean canRank, boolean canFindSimilar, boolean canUpsertUsers, Duration setupTime,
      Optional<Path> tempDirectory) {
    this.personalize = personalize;
    this.emulator = emulator;
    this.description = description;
    this.filters = Set.copyOf(filters);
    this.canRank = canRank;
    this.canFindSimilar = canFindSimilar;
    this.canUpsertUsers = canUpsertUsers;
    this.setupTime = setupTime;
    this.tempDirectory = tempDirectory;
  }

  /**
   * Starts an emulator on a temporary data directory, writes the shop's CSV files into its bucket,
   * provisions {@link RetailPipeline} (printing progress) and connects the adapter to it.
   */
  static DemoBackend embedded(RetailData data, PrintStream out) {
    long start = System.nanoTime();
    Path temp;
    try {
      temp = Files.createTempDirectory("personalize4j-retail-demo");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the emulator's data", e);
    }
    PersonalizeEmulator emulator = null;
    try {
      data.writeCsv(temp.resolve(BUCKET));
      emulator = PersonalizeEmulator.builder().dataDirectory(temp).start();
      PipelineSpec spec = RetailPipeline.spec("s3://" + BUCKET + "/");
      checkCsvHeaders(spec);
      ProvisionedResources resources;
      try (PersonalizeClient control = PersonalizeClient.builder()
          .region(Region.of(emulator.region()))
          .endpointOverride(emulator.endpoint())
          .credentialsProvider(FAKE_CREDENTIALS)
          .httpClientBuilder(ApacheHttpClient.builder())
          .build()) {
        // Plain lines, each resource's final state only: under `mvn -B exec:java` Maven strips the ANSI
        // sequences an in-place renderer relies on, which would garble the output.
        ConsoleProgressRenderer renderer = ConsoleProgressRenderer.create(out, ConsoleProgressRenderer.Mode.PLAIN);
        ProgressListener listener = event -> {
          if (FINAL.contains(event.action())) {
            renderer.onEvent(event);
          }
        };
        resources = Provisioner.builder(control)
            .initialPollInterval(Duration.ofMillis(10))
            .maxPollInterval(Duration.ofMillis(100))
            .timeout(Duration.ofMinutes(2))
            .build()
            .apply(spec, listener);
      }
      AwsPersonalize personalize = AwsPersonalize.builder()
          .region(emulator.region())
          .endpointOverride(emulator.endpoint())
          .credentialsProvider(FAKE_CREDENTIALS)
          .forUserArn(resources.campaignArn(RetailPipeline.FOR_YOU))
          .similarItemsArn(resources.campaignArn(RetailPipeline.SIMILAR))
          .rankingArn(resources.campaignArn(RetailPipeline.RANKING))
          .popularArn(resources.campaignArn(RetailPipeline.BEST_SELLERS))
          .filter(RetailPipeline.EXCLUDE_PURCHASED, resources.filterArn(RetailPipeline.EXCLUDE_PURCHASED))
          .filter(RetailPipeline.IN_CATEGORY, resources.filterArn(RetailPipeline.IN_CATEGORY))
          .trackingId(resources.trackingId().orElseThrow())
          .itemsDatasetArn(resources.datasetArn(DatasetType.ITEMS))
          .usersDatasetArn(resources.datasetArn(DatasetType.USERS))
          .fallback(bestSellers(data))
          .build();
      return new DemoBackend(personalize, Optional.of(emulator),
          "embedded Amazon Personalize emulator at " + emulator.endpoint() + " (" + emulator.region() + ")",
          resources.filterArns().keySet(), true, true, true, Duration.ofNanos(System.nanoTime() - start),
          Optional.of(temp));
    } catch (RuntimeException e) {
      if (emulator != null) {
        emulator.close();
      }
      deleteRecursively(temp);
      throw e;
    }
  }

  /** Connects to real Amazon Personalize with the default credentials chain; creates nothing. */
  static DemoBackend aws(DemoOptions options, RetailData data) {
    long start = System.nanoTime();
    AwsPersonalize.Builder b = AwsPersonalize.builder()
        .region(options.region().orElseThrow())
        .forUserArn(options.forUserArn().orElseThrow())
        .fallback(bestSellers(data));
    options.similarItemsArn().ifPresent(b::similarItemsArn);
    options.rankingArn().ifPresent(b::rankingArn);
    options.popularArn().ifPresent(b::popularArn);
    options.trackingId().ifPresent(b::trackingId);
    options.itemsDatasetArn().ifPresent(b::itemsDatasetArn);
    options.usersDatasetArn().ifPresent(b::usersDatasetArn);
    options.filters().forEach(b::filter);
    return new DemoBackend(b.build(), Optional.empty(),
        "Amazon Personalize in " + options.region().orElseThrow() + " (default credentials chain)",
        options.filters().keySet(), options.rankingArn().isPresent(), options.similarItemsArn().isPresent(),
        options.usersDatasetArn().isPresent(), Duration.ofNanos(System.nanoTime() - start), Optional.empty());
  }

  boolean canRecordEvents(DemoOptions options) {
    return emulator.isPresent() || options.trackingId().isPresent();
  }

  /** Requests the emulator received per operation; empty against AWS. */
  Map<String, Integer> emulatorRequests() {
    return emulator.map(e -> e.inspection().requestCounts()).orElse(Map.of());
  }

  @Override
  public void close() {
    try {
      personalize.close();
    } finally {
      emulator.ifPresent(PersonalizeEmulator::close);
      tempDirectory.ifPresent(DemoBackend::deleteRecursively);
    }
  }

  /** The 25 most purchased products of the shop data: what a nightly job would compute. */
  static BestSellers bestSellers(RetailData data) {
    Map<ItemId, Long> counts = new HashMap<>();
    data.interactions().stream()
        .filter(i -> i.eventType().equals(RetailData.PURCHASE))
        .forEach(i -> counts.merge(i.itemId(), 1L, Long::sum));
    List<ItemId> top = counts.entrySet().stream()
        .sorted(Map.Entry.<ItemId, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(25)
        .map(Map.Entry::getKey)
        .toList();
    return new BestSellers(top, Clock.systemUTC());
  }

  private static void checkCsvHeaders(PipelineSpec spec) {
    Map<DatasetType, List<String>> expected = Map.of(
        DatasetType.ITEMS, RetailData.ITEMS_HEADER,
        DatasetType.USERS, RetailData.USERS_HEADER,
        DatasetType.INTERACTIONS, RetailData.INTERACTIONS_HEADER);
    expected.forEach((type, header) -> {
      if (!spec.csvHeader(type).equals(header)) {
        throw new IllegalStateException("the " + type.apiName() + " schema expects CSV columns "
            + spec.csvHeader(type) + " but RetailData writes " + header);
      }
    });
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      System.err.println("could not delete the demo's temporary directory " + dir + ": " + e.getMessage());
    }
  }

  static Comparator<Map.Entry<String, Integer>> byCountThenName() {
    return Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
  }
}
