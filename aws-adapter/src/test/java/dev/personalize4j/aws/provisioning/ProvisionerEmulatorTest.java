package dev.personalize4j.aws.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.personalize4j.aws.provisioning.ProgressEvent.Action;
import dev.personalize4j.aws.provisioning.ProvisioningException.ResourceFailedException;
import dev.personalize4j.aws.provisioning.ProvisioningException.SpecConflictException;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/** Provisioner through the real AWS SDK over HTTP against the PersonalizeEmulator. */
class ProvisionerEmulatorTest {
  private static final String ARN_PREFIX = "arn:aws:personalize:us-east-1:000000000000:";

  @TempDir
  Path data;

  private final FakeTime time = new FakeTime();
  private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private PersonalizeEmulator emulator(PersonalizeEmulator.Builder builder) {
    PersonalizeEmulator emulator = builder.dataDirectory(data).relaxTrainingMinimums(true).start();
    closeables.add(emulator);
    return emulator;
  }

  private PersonalizeEmulator emulator() {
    return emulator(PersonalizeEmulator.builder());
  }

  private Provisioner provisioner(PersonalizeEmulator emulator, int sdkAttempts) {
    PersonalizeClient client = EmulatorClients.personalize(emulator, sdkAttempts);
    closeables.add(client);
    return Provisioner.builder(client)
        .ticker(time)
        .sleeper(time)
        .initialPollInterval(Duration.ofSeconds(1))
        .maxPollInterval(Duration.ofSeconds(8))
        .backoffMultiplier(2)
        .timeout(Duration.ofHours(1))
        .build();
  }

  private PipelineSpec retail(String group) {
    PipelineSpec spec = RetailPipeline.spec(group);
    RetailCsv.write(data, spec);
    return spec;
  }

  @Test
  void appliesTheRetailPipelineFromNothing() {
    PersonalizeEmulator emulator = emulator();
    PipelineSpec spec = retail("retail");

    ProvisionedResources r = provisioner(emulator, 3).apply(spec, events::add);

    assertThat(r.datasetGroupArn()).isEqualTo(ARN_PREFIX + "dataset-group/retail");
    assertThat(r.datasetArn(DatasetType.INTERACTIONS)).startsWith(ARN_PREFIX + "dataset/retail/");
    assertThat(r.datasetArn(DatasetType.USERS)).isNotEqualTo(r.datasetArn(DatasetType.ITEMS));
    assertThat(r.schemaArn(DatasetType.ITEMS)).isEqualTo(ARN_PREFIX + "schema/retail-items");
    for (SolutionSpec s : spec.solutions()) {
      assertThat(r.solutionArn(s.name())).isEqualTo(ARN_PREFIX + "solution/" + s.name());
      assertThat(r.solutionVersionArn(s.name())).startsWith(r.solutionArn(s.name()) + "/");
    }
    assertThat(r.campaignArns()).containsOnlyKeys("retail-for-you", "retail-similar", "retail-rank", "retail-top");
    assertThat(r.campaignArn("retail-for-you")).isEqualTo(ARN_PREFIX + "campaign/retail-for-you");
    assertThat(r.filterArns()).containsOnlyKeys("exclude-purchased", "in-category");
    assertThat(r.filterArn("in-category")).isEqualTo(ARN_PREFIX + "filter/in-category");
    assertThat(r.trackingId()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    assertThat(r.eventTrackerArn()).hasValueSatisfying(a -> assertThat(a).startsWith(ARN_PREFIX + "event-tracker/"));
    // 1 group + 3 schemas + 3 datasets + 3 imports + 1 tracker + 2 filters + 4 solutions + 4 versions + 4 campaigns
    assertThat(emulator.inspection().createRequestCount()).isEqualTo(25);
    assertThat(emulator.inspection().requestCount("CreateDatasetImportJob")).isEqualTo(3);

    try (PersonalizeRuntimeClient runtime = EmulatorClients.runtime(emulator)) {
      List<PredictedItem> items = runtime.getRecommendations(b -> b
          .campaignArn(r.campaignArn("retail-for-you")).userId("u1").numResults(5)).itemList();
      assertThat(items).isNotEmpty().allSatisfy(i -> assertThat(i.itemId()).startsWith("i"));
      List<PredictedItem> similar = runtime.getRecommendations(b -> b
          .campaignArn(r.campaignArn("retail-similar")).itemId("i4").numResults(5)).itemList();
      assertThat(similar).isNotEmpty();
    }
  }

  @Test
  void secondApplyMakesNoCreateRequestAndReturnsTheSameResources() {
    PersonalizeEmulator emulator = emulator();
    PipelineSpec spec = retail("retail");
    Provisioner provisioner = provisioner(emulator, 3);
    ProvisionedResources first = provisioner.apply(spec, ProgressListener.none());
    int creates = emulator.inspection().createRequestCount();

    ProvisionedResources second = provisioner.apply(spec, events::add);

    assertThat(emulator.inspection().createRequestCount()).isEqualTo(creates);
    assertThat(second.toString()).isEqualTo(first.toString());
    assertThat(second.trackingId()).isEqualTo(first.trackingId());
    assertThat(second.filterArns()).isEqualTo(first.filterArns());
    assertThat(events).extracting(ProgressEvent::action).doesNotContain(Action.CREATE, Action.FAILED);
    Map<String, List<Action>> byResource = actionsByResource(events);
    assertThat(byResource).allSatisfy((resource, actions) ->
        assertThat(actions).as(resource).containsExactly(Action.LOOKUP, Action.EXISTS, Action.ACTIVE));
  }

  @Test
  void progressEventsArriveInDependencyOrder() {
    PersonalizeEmulator emulator = emulator();
    provisioner(emulator, 3).apply(retail("retail"), events::add);

    Map<String, List<Action>> byResource = actionsByResource(events);
    assertThat(byResource).hasSize(1 + 3 + 3 + 3 + 1 + 2 + 4 + 4 + 4);
    assertThat(byResource).allSatisfy((resource, actions) -> {
      assertThat(actions).as(resource).startsWith(Action.LOOKUP, Action.CREATE).endsWith(Action.ACTIVE);
      assertThat(actions).as(resource).doesNotContain(Action.FAILED, Action.EXISTS);
    });
    List<ResourceKind> order = List.of(ResourceKind.DATASET_GROUP, ResourceKind.DATASET, ResourceKind.IMPORT_JOB,
        ResourceKind.EVENT_TRACKER, ResourceKind.FILTER, ResourceKind.SOLUTION, ResourceKind.SOLUTION_VERSION,
        ResourceKind.CAMPAIGN);
    for (int k = 1; k < order.size(); k++) {
      ResourceKind before = order.get(k - 1);
      ResourceKind after = order.get(k);
      assertThat(lastIndex(before, Action.ACTIVE)).as(before + " ACTIVE before " + after + " created")
          .isLessThan(firstIndex(after, Action.CREATE));
    }
    assertThat(firstIndex(ResourceKind.SCHEMA, Action.CREATE)).isLessThan(firstIndex(ResourceKind.DATASET, Action.CREATE));
  }

  @Test
  void waitsWithGrowingCappedDelaysWhileResourcesAreBeingCreated() {
    PersonalizeEmulator emulator = emulator(PersonalizeEmulator.builder().clock(time).timeToActive(Duration.ofSeconds(20)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgressRenderer renderer = ConsoleProgressRenderer.create(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), ConsoleProgressRenderer.Mode.PLAIN);

    provisioner(emulator, 3).apply(retail("retail"), e -> {
      events.add(e);
      renderer.onEvent(e);
    });

    List<String> groupStatuses = events.stream()
        .filter(e -> e.kind() == ResourceKind.DATASET_GROUP).map(ProgressEvent::status).distinct().toList();
    assertThat(groupStatuses).containsExactly("LOOKUP", "CREATE REQUESTED", "CREATE PENDING", "CREATE IN_PROGRESS", "ACTIVE");
    // the group takes 20 s: polls at 0, 1, 3, 7, 15 and 23 s (delays 1, 2, 4, 8, 8)
    ProgressEvent groupActive = events.stream()
        .filter(e -> e.kind() == ResourceKind.DATASET_GROUP && e.action() == Action.ACTIVE).findFirst().orElseThrow();
    assertThat(groupActive.elapsed()).isEqualTo(Duration.ofSeconds(23));
    assertThat(time.sleeps().subList(0, 5)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));
    assertThat(time.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(8)));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("dataset group    retail                               0:15  CREATE IN_PROGRESS")
        .contains("dataset group    retail                               0:23  ACTIVE")
        .contains("campaign         retail-for-you");
  }

  @Test
  void failedTrainingFailsWithTheServiceReasonNamingTheSolution() {
    PersonalizeEmulator emulator = emulator();
    emulator.faults().failSolutionVersions("InvalidInput: injected training failure");

    ResourceFailedException e = catchThrowableOfType(ResourceFailedException.class,
        () -> provisioner(emulator, 3).apply(retail("retail"), events::add));

    assertThat(e.kind()).isEqualTo(ResourceKind.SOLUTION_VERSION);
    assertThat(e.resourceName()).isEqualTo(RetailPipeline.UP);
    assertThat(e.status()).isEqualTo("CREATE FAILED");
    assertThat(e.failureReason()).contains("InvalidInput: injected training failure");
    assertThat(e).hasMessage("solution version " + RetailPipeline.UP
        + " ended in CREATE FAILED: InvalidInput: injected training failure");
    ProgressEvent last = events.get(events.size() - 1);
    assertThat(last.action()).isEqualTo(Action.FAILED);
    assertThat(last.detail()).contains("InvalidInput: injected training failure");
    assertThat(emulator.inspection().requestCount("CreateCampaign")).isZero();
  }

  @Test
  void describeThrottlingBacksOffWithGrowingCappedDelaysAndConverges() {
    PersonalizeEmulator emulator = emulator();
    emulator.faults().throttle("DescribeSolutionVersion", 1.0);
    time.afterSleep(n -> {
      if (n == 6) {
        emulator.faults().clear();
      }
    });

    ProvisionedResources r = provisioner(emulator, 1).apply(retail("retail"), events::add);

    assertThat(r.solutionVersionArn(RetailPipeline.BEST_SELLERS)).isNotBlank();
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8));
    assertThat(events).filteredOn(e -> "BACKING OFF".equals(e.status()))
        .hasSize(6)
        .allSatisfy(e -> assertThat(e.detail()).contains("Describe: ThrottlingException"));
  }

  @Test
  void randomDescribeThrottlingStillConverges() {
    PersonalizeEmulator emulator = emulator(PersonalizeEmulator.builder().seed(11));
    emulator.faults().throttle("DescribeSolutionVersion", 0.5).tooManyRequests("DescribeCampaign", 0.5);

    ProvisionedResources r = provisioner(emulator, 1).apply(retail("retail"), events::add);

    assertThat(r.campaignArns()).hasSize(4);
    List<Duration> sleeps = time.sleeps();
    assertThat(sleeps).isNotEmpty();
    for (int i = 0; i < sleeps.size(); i++) {
      Duration d = sleeps.get(i);
      assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(8));
      if (i > 0 && !d.equals(Duration.ofSeconds(1))) {
        Duration grown = sleeps.get(i - 1).multipliedBy(2);
        assertThat(d).isEqualTo(grown.compareTo(Duration.ofSeconds(8)) > 0 ? Duration.ofSeconds(8) : grown);
      }
    }
    assertThat(emulator.inspection().createRequestCount()).isEqualTo(25);
  }

  @Test
  void teardownDeletesEverythingAndToleratesMissingResources() {
    PersonalizeEmulator emulator = emulator(PersonalizeEmulator.builder().clock(time).timeToActive(Duration.ofSeconds(4)));
    PipelineSpec spec = retail("retail");
    Provisioner provisioner = provisioner(emulator, 3);
    provisioner.apply(spec, ProgressListener.none());
    assertThat(emulator.inspection().resourceCount()).isPositive();

    provisioner.teardown(spec, events::add);

    assertThat(emulator.inspection().resourceCount()).isZero();
    List<ResourceKind> deletionOrder = events.stream().filter(e -> e.action() == Action.DELETE)
        .map(ProgressEvent::kind).distinct().toList();
    assertThat(deletionOrder).containsExactly(ResourceKind.EVENT_TRACKER, ResourceKind.CAMPAIGN, ResourceKind.FILTER,
        ResourceKind.SOLUTION, ResourceKind.DATASET, ResourceKind.SCHEMA, ResourceKind.DATASET_GROUP);
    assertThat(events).filteredOn(e -> e.action() == Action.WAIT).extracting(ProgressEvent::status)
        .contains("DELETE PENDING");

    events.clear();
    assertThatCode(() -> provisioner.teardown(spec, events::add)).doesNotThrowAnyException();
    assertThat(events).filteredOn(e -> e.action() == Action.DELETED)
        .allSatisfy(e -> assertThat(e.status()).isEqualTo("NOT FOUND"))
        .extracting(ProgressEvent::kind).contains(ResourceKind.DATASET_GROUP, ResourceKind.SCHEMA);
    assertThat(events).extracting(ProgressEvent::action).doesNotContain(Action.DELETE);
  }

  @Test
  void aChangedSchemaIsReportedAsAConflictNamingTheDatasetAndTheField() {
    PersonalizeEmulator emulator = emulator();
    Provisioner provisioner = provisioner(emulator, 3);
    provisioner.apply(retail("retail"), ProgressListener.none());
    int creates = emulator.inspection().createRequestCount();
    PipelineSpec changed = RetailPipeline.builder("retail")
        .items(Field.required("PRICE", FieldType.FLOAT), Field.required("CATEGORY_L1", FieldType.CATEGORICAL),
            Field.optional("CATEGORY_L2", FieldType.CATEGORICAL), Field.optional("CATEGORY_L3", FieldType.CATEGORICAL))
        .build();

    SpecConflictException e = catchThrowableOfType(SpecConflictException.class,
        () -> provisioner.apply(changed, events::add));

    assertThat(e.kind()).isEqualTo(ResourceKind.DATASET);
    assertThat(e.resourceName()).isEqualTo("retail-items");
    assertThat(e.difference()).contains("field CATEGORY_L3 is declared but missing in the existing schema");
    assertThat(e).hasMessageContaining("Personalize cannot change this in place");
    assertThat(emulator.inspection().createRequestCount()).isEqualTo(creates);
  }

  @Test
  void aChangedRecipeOrFilterExpressionIsReportedAsAConflict() {
    PersonalizeEmulator emulator = emulator();
    Provisioner provisioner = provisioner(emulator, 3);
    provisioner.apply(retail("retail"), ProgressListener.none());

    PipelineSpec otherRecipe = PipelineSpec.builder("retail", Domain.ECOMMERCE)
        .users(RetailPipeline.spec("retail").fields(DatasetType.USERS).toArray(Field[]::new))
        .items(RetailPipeline.spec("retail").fields(DatasetType.ITEMS).toArray(Field[]::new))
        .solution(SolutionSpec.of(RetailPipeline.SIMILAR, Recipe.SIMS))
        .build();
    SpecConflictException recipe = catchThrowableOfType(SpecConflictException.class,
        () -> provisioner.apply(otherRecipe, ProgressListener.none()));
    assertThat(recipe.kind()).isEqualTo(ResourceKind.SOLUTION);
    assertThat(recipe.resourceName()).isEqualTo(RetailPipeline.SIMILAR);
    assertThat(recipe.difference()).isEqualTo("its recipe is arn:aws:personalize:::recipe/aws-similar-items"
        + " but declared arn:aws:personalize:::recipe/aws-sims");

    PipelineSpec otherFilter = PipelineSpec.builder("retail", Domain.ECOMMERCE)
        .users(RetailPipeline.spec("retail").fields(DatasetType.USERS).toArray(Field[]::new))
        .items(RetailPipeline.spec("retail").fields(DatasetType.ITEMS).toArray(Field[]::new))
        .filter("exclude-purchased", "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"View\")")
        .build();
    SpecConflictException filter = catchThrowableOfType(SpecConflictException.class,
        () -> provisioner.apply(otherFilter, ProgressListener.none()));
    assertThat(filter.kind()).isEqualTo(ResourceKind.FILTER);
    assertThat(filter.difference()).isEqualTo("its expression is 'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN"
        + " (\"Purchase\")' but declared 'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"View\")'");
  }

  @Test
  void aChangedCampaignThroughputIsReportedWithTheUpdateToUse() {
    PersonalizeEmulator emulator = emulator();
    Provisioner provisioner = provisioner(emulator, 3);
    provisioner.apply(retail("retail"), ProgressListener.none());
    PipelineSpec changed = PipelineSpec.builder("retail", Domain.ECOMMERCE)
        .users(RetailPipeline.spec("retail").fields(DatasetType.USERS).toArray(Field[]::new))
        .items(RetailPipeline.spec("retail").fields(DatasetType.ITEMS).toArray(Field[]::new))
        .solution(SolutionSpec.of(RetailPipeline.UP, Recipe.USER_PERSONALIZATION))
        .campaign(CampaignSpec.builder("retail-for-you", RetailPipeline.UP).minProvisionedTps(5)
            .exploration(ItemExploration.of(0.5, 30)).build())
        .build();

    SpecConflictException e = catchThrowableOfType(SpecConflictException.class,
        () -> provisioner.apply(changed, ProgressListener.none()));

    assertThat(e.kind()).isEqualTo(ResourceKind.CAMPAIGN);
    assertThat(e.difference()).isEqualTo("its minProvisionedTPS is 1 but declared 5; its explorationWeight is 0.3 but declared 0.5");
    assertThat(e).hasMessageEndingWith(". Change it with UpdateCampaign");
  }

  @Test
  void importsAreNotRepeatedButANewSourceIsImported() {
    PersonalizeEmulator emulator = emulator();
    Provisioner provisioner = provisioner(emulator, 3);
    PipelineSpec spec = retail("retail");
    provisioner.apply(spec, ProgressListener.none());
    assertThat(emulator.inspection().requestCount("CreateDatasetImportJob")).isEqualTo(3);

    PipelineSpec more = RetailPipeline.builder("retail")
        .bulkImport(DatasetType.ITEMS, ImportSource.incremental("s3://" + RetailPipeline.BUCKET + "/retail/items.csv"))
        .build();
    provisioner.apply(more, events::add);

    assertThat(emulator.inspection().requestCount("CreateDatasetImportJob")).isEqualTo(4);
    assertThat(events).filteredOn(e -> e.kind() == ResourceKind.IMPORT_JOB && e.action() == Action.CREATE)
        .extracting(ProgressEvent::name).containsExactly("retail-items-import-2");
  }

  @Test
  void domainRecommendersAreProvisionedOnceAndTornDown() {
    PersonalizeEmulator emulator = emulator();
    PipelineSpec spec = RetailPipeline.builder("shop")
        .recommender(RecommenderSpec.builder("shop-for-you", UseCase.ECOMMERCE_RECOMMENDED_FOR_YOU)
            .exploration(ItemExploration.of(0.2, 14)).minRecommendationRequestsPerSecond(2).build())
        .recommender(RecommenderSpec.of("shop-best-sellers", UseCase.ECOMMERCE_BEST_SELLERS))
        .build();
    RetailCsv.write(data, spec);
    Provisioner provisioner = provisioner(emulator, 3);

    ProvisionedResources r = provisioner.apply(spec, events::add);
    int creates = emulator.inspection().createRequestCount();
    provisioner.apply(spec, ProgressListener.none());

    assertThat(r.recommenderArns()).containsOnlyKeys("shop-for-you", "shop-best-sellers");
    assertThat(r.recommenderArn("shop-for-you")).isEqualTo(ARN_PREFIX + "recommender/shop-for-you");
    assertThat(emulator.inspection().requestCount("CreateRecommender")).isEqualTo(2);
    assertThat(emulator.inspection().createRequestCount()).isEqualTo(creates);
    assertThat(lastIndex(ResourceKind.CAMPAIGN, Action.ACTIVE)).isLessThan(firstIndex(ResourceKind.RECOMMENDER, Action.CREATE));
    try (PersonalizeRuntimeClient runtime = EmulatorClients.runtime(emulator)) {
      assertThat(runtime.getRecommendations(b -> b.recommenderArn(r.recommenderArn("shop-best-sellers"))
          .userId("u2").numResults(3)).itemList()).isNotEmpty();
    }

    provisioner.teardown(spec, ProgressListener.none());
    assertThat(emulator.inspection().resourceCount()).isZero();
  }

  @Test
  void teardownStopsTrainingThatIsStillRunning() {
    PersonalizeEmulator emulator = emulator(PersonalizeEmulator.builder().clock(time).timeToActive(Duration.ofSeconds(4)));
    // no tracker, campaigns or filters: their deletions would take long enough for the training to finish
    PipelineSpec spec = PipelineSpec.builder("lab", Domain.ECOMMERCE)
        .items(RetailPipeline.spec("lab").fields(DatasetType.ITEMS).toArray(Field[]::new))
        .bulkImport(DatasetType.INTERACTIONS, ImportSource.full("s3://" + RetailPipeline.BUCKET + "/lab/interactions.csv"))
        .solution(SolutionSpec.of(RetailPipeline.RANKING, Recipe.PERSONALIZED_RANKING))
        .build();
    RetailCsv.write(data, RetailPipeline.spec("lab"));
    Provisioner provisioner = provisioner(emulator, 3);
    ProvisionedResources r = provisioner.apply(spec, ProgressListener.none());
    try (PersonalizeClient client = EmulatorClients.personalize(emulator, 3)) {
      client.createSolutionVersion(b -> b.solutionArn(r.solutionArn(RetailPipeline.RANKING)));
    }

    provisioner.teardown(spec, events::add);

    assertThat(emulator.inspection().requestCount("StopSolutionVersionCreation")).isEqualTo(1);
    assertThat(events).filteredOn(e -> e.kind() == ResourceKind.SOLUTION_VERSION)
        .extracting(ProgressEvent::name, ProgressEvent::status)
        .containsExactly(tuple(RetailPipeline.RANKING, "STOP REQUESTED"),
            tuple(RetailPipeline.RANKING, "CREATE STOPPED"));
    assertThat(emulator.inspection().resourceCount()).isZero();
  }

  @Test
  void generatedSchemasPassTheEmulatorsSchemaValidation() {
    PersonalizeEmulator emulator = emulator();
    PipelineSpec custom = PipelineSpec.builder("lab", Domain.CUSTOM)
        .users(Field.required("AGE", FieldType.INT), Field.optional("SEGMENTS", FieldType.CATEGORICAL),
            Field.optional("SCORE", FieldType.DOUBLE))
        .items(Field.required("GENRE", FieldType.CATEGORICAL), Field.optional("DESCRIPTION", FieldType.TEXTUAL),
            Field.optional("CREATION_TIMESTAMP", FieldType.LONG), Field.optional("ADULT_ONLY", FieldType.BOOLEAN),
            Field.required("VIEWS", FieldType.LONG))
        .interactions(Field.optional("EVENT_VALUE", FieldType.FLOAT), Field.optional("IMPRESSION", FieldType.STRING),
            Field.optional("RECOMMENDATION_ID", FieldType.STRING), Field.optional("DEVICE", FieldType.CATEGORICAL))
        .build();
    PipelineSpec shop = PipelineSpec.builder("shop", Domain.ECOMMERCE)
        .items(Field.required("PRICE", FieldType.FLOAT), Field.required("CATEGORY_L1", FieldType.CATEGORICAL),
            Field.optional("CATEGORY_L2", FieldType.CATEGORICAL), Field.optional("CATEGORY_L3", FieldType.CATEGORICAL),
            Field.optional("PRODUCT_DESCRIPTION", FieldType.TEXTUAL), Field.optional("CREATION_TIMESTAMP", FieldType.LONG),
            Field.optional("AGE_GROUP", FieldType.CATEGORICAL), Field.optional("ADULT", FieldType.BOOLEAN),
            Field.optional("GENDER", FieldType.CATEGORICAL))
        .interactions(Field.optional("EVENT_VALUE", FieldType.FLOAT))
        .build();
    try (PersonalizeClient client = EmulatorClients.personalize(emulator, 3)) {
      for (PipelineSpec spec : List.of(custom, shop)) {
        for (DatasetType type : spec.datasetTypes()) {
          assertThatCode(() -> client.createSchema(b -> {
            b.name(spec.schemaName(type)).schema(spec.schemaJson(type));
            spec.domain().apiValue().ifPresent(b::domain);
          })).as(spec.schemaName(type)).doesNotThrowAnyException();
        }
      }
      assertThat(client.listSchemas(b -> b.maxResults(100)).schemas()).hasSize(5);
    }
  }

  @Test
  void aResourceStillBeingCreatedIsAwaitedNotCreatedAgain() {
    PersonalizeEmulator emulator = emulator(PersonalizeEmulator.builder().clock(time).timeToActive(Duration.ofSeconds(6)));
    try (PersonalizeClient client = EmulatorClients.personalize(emulator, 3)) {
      client.createDatasetGroup(b -> b.name("retail").domain("ECOMMERCE"));
    }

    provisioner(emulator, 3).apply(retail("retail"), events::add);

    assertThat(emulator.inspection().requestCount("CreateDatasetGroup")).isEqualTo(1);
    assertThat(events).filteredOn(e -> e.kind() == ResourceKind.DATASET_GROUP)
        .extracting(ProgressEvent::action, ProgressEvent::status)
        .containsExactly(tuple(Action.LOOKUP, "LOOKUP"),
            tuple(Action.EXISTS, "CREATE PENDING"),
            // polls at 0, 1, 3 and 7 s; the group is half-way at 3 s and ACTIVE at 6 s
            tuple(Action.WAIT, "CREATE PENDING"),
            tuple(Action.WAIT, "CREATE PENDING"),
            tuple(Action.WAIT, "CREATE IN_PROGRESS"),
            tuple(Action.ACTIVE, "ACTIVE"));
  }

  @Test
  void aDatasetGroupOfAnotherDomainIsAConflict() {
    PersonalizeEmulator emulator = emulator();
    try (PersonalizeClient client = EmulatorClients.personalize(emulator, 3)) {
      client.createDatasetGroup(b -> b.name("retail"));
    }

    SpecConflictException e = catchThrowableOfType(SpecConflictException.class,
        () -> provisioner(emulator, 3).apply(retail("retail"), events::add));

    assertThat(e).hasMessage("dataset group retail exists but differs from the declaration: its domain is CUSTOM"
        + " but declared ECOMMERCE. Personalize cannot change this in place; delete the dataset group (or rename it"
        + " in the declaration) and apply again");
    assertThat(events.get(events.size() - 1).action()).isEqualTo(Action.FAILED);
    assertThat(emulator.inspection().createRequestCount()).isEqualTo(1);
  }

  @Test
  void aMissingImportFileFailsTheImportJobWithTheServiceReason() {
    PersonalizeEmulator emulator = emulator();
    PipelineSpec spec = RetailPipeline.spec("retail"); // no CSV written

    ResourceFailedException e = catchThrowableOfType(ResourceFailedException.class,
        () -> provisioner(emulator, 3).apply(spec, events::add));

    assertThat(e.kind()).isEqualTo(ResourceKind.IMPORT_JOB);
    assertThat(e.resourceName()).isEqualTo("retail-interactions-import-1");
    assertThat(e.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("interactions.csv"));
    assertThat(emulator.inspection().requestCount("CreateSolution")).isZero();
  }

  @Test
  void aFailedCallIsReportedAsAFailedEventNamingTheResource() {
    PersonalizeEmulator emulator = emulator();
    emulator.faults().outage("CreateFilter");

    ProvisioningException e = catchThrowableOfType(ProvisioningException.class,
        () -> provisioner(emulator, 3).apply(retail("retail"), events::add));

    assertThat(e.kind()).isEqualTo(ResourceKind.FILTER);
    assertThat(e.resourceName()).isEqualTo("exclude-purchased");
    assertThat(e).hasMessageStartingWith("CreateFilter of filter exclude-purchased failed: ");
    ProgressEvent last = events.get(events.size() - 1);
    assertThat(last.kind()).isEqualTo(ResourceKind.FILTER);
    assertThat(last.action()).isEqualTo(Action.FAILED);
    assertThat(last.detail()).contains(e.getMessage());
  }

  @Test
  void teardownWaitsForDeletionsAlreadyUnderWay() {
    PersonalizeEmulator emulator = emulator(PersonalizeEmulator.builder().clock(time).timeToActive(Duration.ofSeconds(4)));
    PipelineSpec spec = retail("retail");
    Provisioner provisioner = provisioner(emulator, 3);
    ProvisionedResources r = provisioner.apply(spec, ProgressListener.none());
    try (PersonalizeClient client = EmulatorClients.personalize(emulator, 3)) {
      client.deleteEventTracker(b -> b.eventTrackerArn(r.eventTrackerArn().orElseThrow()));
    }

    provisioner.teardown(spec, events::add);

    assertThat(events).filteredOn(e -> e.kind() == ResourceKind.EVENT_TRACKER)
        .extracting(ProgressEvent::action, ProgressEvent::status)
        .containsExactly(tuple(Action.LOOKUP, "LOOKUP"), tuple(Action.DELETE, "DELETE REQUESTED"),
            // the in-use answer is recognised as a deletion under way, then polled at 0, 1, 3 and 7 s
            tuple(Action.WAIT, "DELETE PENDING"), tuple(Action.WAIT, "DELETE PENDING"), tuple(Action.WAIT, "DELETE PENDING"),
            tuple(Action.WAIT, "DELETE PENDING"), tuple(Action.DELETED, "DELETED"));
    assertThat(emulator.inspection().resourceCount()).isZero();
  }

  private static Map<String, List<Action>> actionsByResource(List<ProgressEvent> events) {
    Map<String, List<Action>> map = new LinkedHashMap<>();
    for (ProgressEvent e : events) {
      if (e.action() == Action.WAIT) {
        continue;
      }
      map.computeIfAbsent(e.kind() + " " + e.name(), k -> new ArrayList<>()).add(e.action());
    }
    return map;
  }

  private int firstIndex(ResourceKind kind, Action action) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).kind() == kind && events.get(i).action() == action) {
        return i;
      }
    }
    throw new AssertionError("no " + action + " event for " + kind);
  }

  private int lastIndex(ResourceKind kind, Action action) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).kind() == kind && events.get(i).action() == action) {
        return i;
      }
    }
    throw new AssertionError("no " + action + " event for " + kind);
  }
}
