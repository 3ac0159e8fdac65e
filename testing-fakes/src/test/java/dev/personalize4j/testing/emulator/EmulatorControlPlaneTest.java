package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CampaignConfig;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;
import software.amazon.awssdk.services.personalize.model.Domain;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.InvalidNextTokenException;
import software.amazon.awssdk.services.personalize.model.LimitExceededException;
import software.amazon.awssdk.services.personalize.model.ListDatasetGroupsResponse;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/** The control plane through the real SDK: shapes, lifecycles, validation, ordering rules and errors. */
class EmulatorControlPlaneTest {
  static final Instant START = Instant.parse("2026-12-04T12:00:00Z");

  MutableClock clock = MutableClock.of(START);
  PersonalizeEmulator emulator;
  PersonalizeClient control;

  @BeforeEach
  void start() {
    emulator = PersonalizeEmulator.builder().clock(clock).relaxTrainingMinimums(true).start();
    control = Sdk.control(emulator);
  }

  @AfterEach
  void stop() {
    control.close();
    emulator.close();
  }

  private String group(String name) {
    String arn = control.createDatasetGroup(b -> b.name(name).domain(Domain.ECOMMERCE)).datasetGroupArn();
    assertThat(control.describeDatasetGroup(b -> b.datasetGroupArn(arn)).datasetGroup().status()).isEqualTo("ACTIVE");
    return arn;
  }

  private String schema(String name, String json) {
    return control.createSchema(b -> b.name(name).domain(Domain.ECOMMERCE).schema(json)).schemaArn();
  }

  @Test
  void datasetGroupRoundTripsEveryMember() {
    var created = control.createDatasetGroup(b -> b.name("dg-1").domain(Domain.ECOMMERCE));
    assertThat(created.datasetGroupArn()).isEqualTo("arn:aws:personalize:us-east-1:000000000000:dataset-group/dg-1");
    assertThat(created.domain()).isEqualTo(Domain.ECOMMERCE);
    clock.advance(Duration.ofSeconds(3));
    var dg = control.describeDatasetGroup(b -> b.datasetGroupArn(created.datasetGroupArn())).datasetGroup();
    assertThat(dg.name()).isEqualTo("dg-1");
    assertThat(dg.status()).isEqualTo("ACTIVE");
    assertThat(dg.domain()).isEqualTo(Domain.ECOMMERCE);
    assertThat(dg.creationDateTime()).isEqualTo(START);
    assertThat(dg.lastUpdatedDateTime()).isEqualTo(START.plusSeconds(3));
    assertThat(dg.failureReason()).isNull();
    assertThat(emulator.region()).isEqualTo("us-east-1");
    assertThat(emulator.accountId()).isEqualTo("000000000000");
  }

  @Test
  void statusesFollowTheClockAndTimeToActive() {
    try (PersonalizeEmulator slow = PersonalizeEmulator.builder().clock(clock).timeToActive(Duration.ofMinutes(2)).start();
        PersonalizeClient c = Sdk.control(slow)) {
      String arn = c.createDatasetGroup(b -> b.name("slow")).datasetGroupArn();
      assertThat(c.describeDatasetGroup(b -> b.datasetGroupArn(arn)).datasetGroup().status()).isEqualTo("CREATE PENDING");
      assertThatThrownBy(() -> c.createEventTracker(b -> b.name("t").datasetGroupArn(arn)))
          .isInstanceOf(ResourceInUseException.class).hasMessageContaining("CREATE PENDING");
      clock.advance(Duration.ofMinutes(1));
      assertThat(c.describeDatasetGroup(b -> b.datasetGroupArn(arn)).datasetGroup().status())
          .isEqualTo("CREATE IN_PROGRESS");
      clock.advance(Duration.ofMinutes(1));
      assertThat(c.describeDatasetGroup(b -> b.datasetGroupArn(arn)).datasetGroup().status()).isEqualTo("ACTIVE");
      c.deleteDatasetGroup(b -> b.datasetGroupArn(arn));
      assertThat(c.describeDatasetGroup(b -> b.datasetGroupArn(arn)).datasetGroup().status()).isEqualTo("DELETE PENDING");
      clock.advance(Duration.ofMinutes(2));
      assertThatThrownBy(() -> c.describeDatasetGroup(b -> b.datasetGroupArn(arn)))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void listsPageWithNextTokenAndRejectBadTokens() {
    for (int i = 0; i < 7; i++) {
      String name = "dg-" + i;
      control.createDatasetGroup(b -> b.name(name));
    }
    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String t = token;
      ListDatasetGroupsResponse page = control.listDatasetGroups(b -> b.maxResults(3).nextToken(t));
      page.datasetGroups().stream().map(DatasetGroupSummary::name).forEach(names::add);
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(names).containsExactly("dg-0", "dg-1", "dg-2", "dg-3", "dg-4", "dg-5", "dg-6");
    assertThat(control.listDatasetGroupsPaginator(b -> b.maxResults(2)).datasetGroups()).hasSize(7);
    assertThatThrownBy(() -> control.listDatasetGroups(b -> b.nextToken("garbage")))
        .isInstanceOf(InvalidNextTokenException.class);
    assertThatThrownBy(() -> control.listDatasetGroups(b -> b.maxResults(101)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxResults");
  }

  @Test
  void duplicatesUnknownArnsAndBadNamesAreTheServicesErrors() {
    group("dup");
    assertThatThrownBy(() -> control.createDatasetGroup(b -> b.name("dup")))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThatThrownBy(() -> control.describeCampaign(b -> b.campaignArn(
        "arn:aws:personalize:us-east-1:000000000000:campaign/none")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("campaign/none");
    assertThatThrownBy(() -> control.createDatasetGroup(b -> b.name("bad name!")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> control.createDatasetGroup(b -> b.name("x").domain("RETAIL")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("domain");
    assertThatThrownBy(() -> control.createDatasetGroup(b -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("name is required");
  }

  @Test
  void schemasAreValidatedAsTheServiceDoes() {
    assertThat(control.describeSchema(b -> b.schemaArn(schema("items", Schemas.ITEMS))).schema().schema())
        .isEqualTo(Schemas.ITEMS);
    String noPrice = Schemas.ITEMS.replace("{\"name\":\"PRICE\",\"type\":\"float\"},", "");
    assertThatThrownBy(() -> schema("no-price", noPrice))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("PRICE");
    String notCategorical = Schemas.ITEMS.replace("\"type\":[\"string\"],\"categorical\":true", "\"type\":\"string\"");
    assertThatThrownBy(() -> schema("not-categorical", notCategorical))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("CATEGORY_L1");
    String nested = Schemas.USERS.replace("[\"null\",\"int\"]", "{\"type\":\"array\",\"items\":\"int\"}");
    assertThatThrownBy(() -> schema("nested", nested))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("flat");
    String badType = Schemas.USERS.replace("\"int\"", "\"bytes\"");
    assertThatThrownBy(() -> schema("bad-type", badType))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("bytes");
    String categoricalInt = Schemas.USERS.replace("[\"null\",\"int\"]}", "[\"null\",\"int\"],\"categorical\":true}");
    assertThatThrownBy(() -> schema("categorical-int", categoricalInt))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("categorical");
    String collide = Schemas.USERS.replace("\"AGE\"", "\"MEMBERSHIPSTATUS\"");
    assertThatThrownBy(() -> schema("collide", collide))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("collide");
    String tooLong = Schemas.USERS.replace("\"version\":\"1.0\"", "\"doc\":\"" + "x".repeat(20_000) + "\"");
    assertThatThrownBy(() -> schema("too-long", tooLong))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("20000");
    assertThatThrownBy(() -> schema("not-json", "{nope"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON");
    assertThat(control.listSchemas(b -> { }).schemas()).extracting(s -> s.name()).containsExactly("items");
  }

  @Test
  void datasetsNeedAMatchingSchemaAndOnePerType() {
    String dg = group("shop");
    String items = schema("items", Schemas.ITEMS);
    String users = schema("users", Schemas.USERS);
    assertThatThrownBy(() -> control.createDataset(b -> b.name("d").datasetGroupArn(dg).datasetType("Items").schemaArn(users)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("record name");
    assertThatThrownBy(() -> control.createDataset(b -> b.name("d").datasetGroupArn(dg).datasetType("Things").schemaArn(items)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("datasetType");
    String arn = control.createDataset(b -> b.name("items").datasetGroupArn(dg).datasetType("ITEMS").schemaArn(items))
        .datasetArn();
    assertThat(arn).isEqualTo("arn:aws:personalize:us-east-1:000000000000:dataset/shop/ITEMS");
    var d = control.describeDataset(b -> b.datasetArn(arn)).dataset();
    assertThat(d.status()).isEqualTo("ACTIVE");
    assertThat(d.datasetType()).isEqualTo("Items");
    assertThat(d.schemaArn()).isEqualTo(items);
    assertThat(d.datasetGroupArn()).isEqualTo(dg);
    assertThatThrownBy(() -> control.createDataset(b -> b.name("items2").datasetGroupArn(dg).datasetType("Items").schemaArn(items)))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThat(control.listDatasets(b -> b.datasetGroupArn(dg)).datasets()).hasSize(1);
    assertThatThrownBy(() -> control.deleteSchema(b -> b.schemaArn(items))).isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(() -> control.deleteDatasetGroup(b -> b.datasetGroupArn(dg)))
        .isInstanceOf(ResourceInUseException.class).hasMessageContaining("dataset");
    control.deleteDataset(b -> b.datasetArn(arn));
    control.deleteSchema(b -> b.schemaArn(items));
    control.deleteDatasetGroup(b -> b.datasetGroupArn(dg));
    assertThat(control.listDatasetGroups(b -> { }).datasetGroups()).isEmpty();
  }

  @Test
  void importJobFailureIsReportedInFailureReason() {
    String dg = group("shop");
    String ds = control.createDataset(b -> b.name("items").datasetGroupArn(dg).datasetType("Items")
        .schemaArn(schema("items", Schemas.ITEMS))).datasetArn();
    String job = control.createDatasetImportJob(b -> b.jobName("j").datasetArn(ds)
        .dataSource(DataSource.builder().dataLocation("s3://bucket/items.csv").build())).datasetImportJobArn();
    var described = control.describeDatasetImportJob(b -> b.datasetImportJobArn(job)).datasetImportJob();
    assertThat(described.status()).isEqualTo("CREATE FAILED");
    assertThat(described.failureReason()).contains("s3://bucket/items.csv");
    assertThat(described.dataSource().dataLocation()).isEqualTo("s3://bucket/items.csv");
    assertThat(described.importModeAsString()).isEqualTo("FULL");
    assertThat(control.listDatasetImportJobs(b -> b.datasetArn(ds)).datasetImportJobs()).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo("CREATE FAILED"));
  }

  @Test
  void solutionsVersionsCampaignsTrackersFiltersAndRecommenders() {
    String dg = group("shop");
    String solution = control.createSolution(b -> b.name("pop").datasetGroupArn(dg).eventType("Purchase")
        .recipeArn("arn:aws:personalize:::recipe/aws-popularity-count")).solutionArn();
    var s = control.describeSolution(b -> b.solutionArn(solution)).solution();
    assertThat(s.status()).isEqualTo("ACTIVE");
    assertThat(s.eventType()).isEqualTo("Purchase");
    assertThat(s.recipeArn()).isEqualTo("arn:aws:personalize:::recipe/aws-popularity-count");
    assertThatThrownBy(() -> control.createSolution(b -> b.name("x").datasetGroupArn(dg)
        .recipeArn("arn:aws:personalize:::recipe/aws-nope"))).isInstanceOf(InvalidInputException.class);

    String version = control.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
    assertThat(version).startsWith(solution + "/");
    var v = control.describeSolutionVersion(b -> b.solutionVersionArn(version)).solutionVersion();
    assertThat(v.status()).isEqualTo("ACTIVE");
    assertThat(v.solutionArn()).isEqualTo(solution);
    assertThat(v.trainingModeAsString()).isEqualTo("FULL");
    assertThat(control.describeSolution(b -> b.solutionArn(solution)).solution().latestSolutionVersion().solutionVersionArn())
        .isEqualTo(version);
    assertThat(control.listSolutionVersions(b -> b.solutionArn(solution)).solutionVersions()).hasSize(1);

    String campaign = control.createCampaign(b -> b.name("pop-campaign").solutionVersionArn(version).minProvisionedTPS(2)
        .campaignConfig(CampaignConfig.builder().enableMetadataWithRecommendations(true).build())).campaignArn();
    var c = control.describeCampaign(b -> b.campaignArn(campaign)).campaign();
    assertThat(c.status()).isEqualTo("ACTIVE");
    assertThat(c.minProvisionedTPS()).isEqualTo(2);
    assertThat(c.campaignConfig().enableMetadataWithRecommendations()).isTrue();
    assertThat(c.solutionVersionArn()).isEqualTo(version);
    assertThat(control.listCampaigns(b -> b.solutionArn(solution)).campaigns()).hasSize(1);
    control.updateCampaign(b -> b.campaignArn(campaign).minProvisionedTPS(5));
    var updated = control.describeCampaign(b -> b.campaignArn(campaign)).campaign();
    assertThat(updated.minProvisionedTPS()).isEqualTo(5);
    assertThat(updated.latestCampaignUpdate().status()).isEqualTo("ACTIVE");
    assertThatThrownBy(() -> control.deleteSolution(b -> b.solutionArn(solution)))
        .isInstanceOf(ResourceInUseException.class).hasMessageContaining("campaign");

    var tracker = control.createEventTracker(b -> b.name("tracker").datasetGroupArn(dg));
    assertThat(tracker.trackingId()).isNotBlank();
    var t = control.describeEventTracker(b -> b.eventTrackerArn(tracker.eventTrackerArn())).eventTracker();
    assertThat(t.trackingId()).isEqualTo(tracker.trackingId());
    assertThat(t.accountId()).isEqualTo("000000000000");
    assertThat(t.status()).isEqualTo("ACTIVE");
    assertThatThrownBy(() -> control.createEventTracker(b -> b.name("tracker").datasetGroupArn(dg)))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThatThrownBy(() -> control.createEventTracker(b -> b.name("second").datasetGroupArn(dg)))
        .isInstanceOf(LimitExceededException.class);

    String filter = control.createFilter(b -> b.name("f").datasetGroupArn(dg)
        .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")")).filterArn();
    assertThat(control.describeFilter(b -> b.filterArn(filter)).filter().filterExpression())
        .isEqualTo("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")");
    assertThat(control.listFilters(b -> b.datasetGroupArn(dg)).filters()).hasSize(1);
    assertThatThrownBy(() -> control.createFilter(b -> b.name("bad").datasetGroupArn(dg).filterExpression("SELECT * FROM items")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("filter expression");

    String recommender = control.createRecommender(b -> b.name("rfy").datasetGroupArn(dg)
        .recipeArn("arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you")).recommenderArn();
    assertThat(control.describeRecommender(b -> b.recommenderArn(recommender)).recommender().status()).isEqualTo("ACTIVE");
    control.stopRecommender(b -> b.recommenderArn(recommender));
    assertThat(control.describeRecommender(b -> b.recommenderArn(recommender)).recommender().status()).isEqualTo("INACTIVE");
    control.startRecommender(b -> b.recommenderArn(recommender));
    assertThat(control.listRecommenders(b -> b.datasetGroupArn(dg)).recommenders()).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo("ACTIVE"));
    assertThatThrownBy(() -> control.createRecommender(b -> b.name("r2").datasetGroupArn(dg)
        .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization"))).isInstanceOf(InvalidInputException.class);

    assertThat(control.listRecipes(b -> b.domain(Domain.ECOMMERCE)).recipes()).hasSize(5);
    assertThat(control.describeRecipe(b -> b.recipeArn("arn:aws:personalize:::recipe/aws-sims")).recipe().recipeType())
        .isEqualTo("RELATED_ITEMS");

    int before = emulator.inspection().resourceCount();
    control.deleteCampaign(b -> b.campaignArn(campaign));
    control.deleteSolution(b -> b.solutionArn(solution));
    control.deleteEventTracker(b -> b.eventTrackerArn(tracker.eventTrackerArn()));
    control.deleteFilter(b -> b.filterArn(filter));
    control.deleteRecommender(b -> b.recommenderArn(recommender));
    control.deleteDatasetGroup(b -> b.datasetGroupArn(dg));
    assertThat(emulator.inspection().resourceCount()).isZero().isLessThan(before);
  }

  @Test
  void trainingMinimumsAndForcedFailuresFailTheVersion() {
    try (PersonalizeEmulator strict = PersonalizeEmulator.start(); PersonalizeClient c = Sdk.control(strict)) {
      String dg = c.createDatasetGroup(b -> b.name("empty")).datasetGroupArn();
      c.describeDatasetGroup(b -> b.datasetGroupArn(dg));
      String solution = c.createSolution(b -> b.name("up").datasetGroupArn(dg)
          .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization")).solutionArn();
      c.describeSolution(b -> b.solutionArn(solution));
      String version = c.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
      var v = c.describeSolutionVersion(b -> b.solutionVersionArn(version)).solutionVersion();
      assertThat(v.status()).isEqualTo("CREATE FAILED");
      assertThat(v.failureReason()).contains("1000");
      assertThatThrownBy(() -> c.createCampaign(b -> b.name("c").solutionVersionArn(version)))
          .isInstanceOf(ResourceInUseException.class);
    }
    String dg = group("forced");
    String solution = control.createSolution(b -> b.name("up").datasetGroupArn(dg)
        .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization")).solutionArn();
    control.describeSolution(b -> b.solutionArn(solution));
    emulator.faults().failSolutionVersions("injected training failure");
    String version = control.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
    var v = control.describeSolutionVersion(b -> b.solutionVersionArn(version)).solutionVersion();
    assertThat(v.status()).isEqualTo("CREATE FAILED");
    assertThat(v.failureReason()).isEqualTo("injected training failure");
  }

  @Test
  void tagsAndDatasetSchemaUpdates() {
    String dg = control.createDatasetGroup(b -> b.name("tagged").domain(Domain.ECOMMERCE)
        .tags(software.amazon.awssdk.services.personalize.model.Tag.builder().tagKey("env").tagValue("test").build()))
        .datasetGroupArn();
    assertThat(control.listTagsForResource(b -> b.resourceArn(dg)).tags())
        .extracting(t -> t.tagKey() + "=" + t.tagValue()).containsExactly("env=test");
    control.tagResource(b -> b.resourceArn(dg).tags(
        software.amazon.awssdk.services.personalize.model.Tag.builder().tagKey("team").tagValue("shop").build()));
    control.untagResource(b -> b.resourceArn(dg).tagKeys("env"));
    assertThat(control.listTagsForResource(b -> b.resourceArn(dg)).tags())
        .extracting(t -> t.tagKey()).containsExactly("team");
    assertThatThrownBy(() -> control.listTagsForResource(b -> b.resourceArn(dg + "-missing")))
        .isInstanceOf(ResourceNotFoundException.class);

    control.describeDatasetGroup(b -> b.datasetGroupArn(dg));
    String users = schema("users", Schemas.USERS);
    String users2 = schema("users-2", Schemas.USERS.replace("\"AGE\"", "\"INCOME\""));
    String items = schema("items", Schemas.ITEMS);
    String ds = control.createDataset(b -> b.name("users").datasetGroupArn(dg).datasetType("Users").schemaArn(users))
        .datasetArn();
    control.describeDataset(b -> b.datasetArn(ds));
    assertThatThrownBy(() -> control.updateDataset(b -> b.datasetArn(ds).schemaArn(items)))
        .isInstanceOf(InvalidInputException.class);
    control.updateDataset(b -> b.datasetArn(ds).schemaArn(users2));
    assertThat(control.describeDataset(b -> b.datasetArn(ds)).dataset().schemaArn()).isEqualTo(users2);
  }

  @Test
  void unknownOperationIsAClientError() {
    assertThatThrownBy(() -> control.createBatchInferenceJob(b -> b.jobName("x")))
        .isInstanceOf(software.amazon.awssdk.services.personalize.model.PersonalizeException.class)
        .satisfies(e -> assertThat(((software.amazon.awssdk.services.personalize.model.PersonalizeException) e).statusCode())
            .isEqualTo(400))
        .hasMessageContaining("CreateBatchInferenceJob");
  }
}
