package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CampaignConfig;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.Domain;
import software.amazon.awssdk.services.personalize.model.ImportMode;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * The whole pipeline through the real SDK: an ECOMMERCE dataset group, schemas, datasets, CSV
 * import jobs of generated data in which every user favours one category, three solutions,
 * versions, campaigns, an event tracker, filters and events; the answers must reflect the data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorPipelineTest {
  static final int CATEGORIES = 5;
  static final int ITEMS = 200;
  static final int USERS = 60;

  @TempDir static Path data;
  PersonalizeEmulator emulator;
  PersonalizeClient control;
  PersonalizeRuntimeClient runtime;
  PersonalizeEventsClient events;
  final Map<String, String> categoryOf = new HashMap<>();
  final Map<String, Set<String>> purchased = new HashMap<>();
  String upCampaign;
  String rankingCampaign;
  String simsCampaign;
  String trackingId;
  String excludePurchased;
  String byCategory;
  String bestSellers;

  static String category(int c) {
    return "C" + c;
  }

  static int favourite(int user) {
    return user % CATEGORIES;
  }

  @BeforeAll
  void pipeline() throws IOException {
    writeData();
    emulator = PersonalizeEmulator.builder().dataDirectory(data).start();
    control = Sdk.control(emulator);
    runtime = Sdk.runtime(emulator);
    events = Sdk.events(emulator);

    String group = control.createDatasetGroup(b -> b.name("shop").domain(Domain.ECOMMERCE)).datasetGroupArn();
    await(() -> control.describeDatasetGroup(b -> b.datasetGroupArn(group)).datasetGroup().status());
    String interactionsSchema = control.createSchema(b -> b.name("shop-interactions").domain(Domain.ECOMMERCE).schema(
        "{\"type\":\"record\",\"name\":\"Interactions\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
            + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
            + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"},{\"name\":\"EVENT_TYPE\",\"type\":\"string\"}],\"version\":\"1.0\"}"))
        .schemaArn();
    String itemsSchema = control.createSchema(b -> b.name("shop-items").domain(Domain.ECOMMERCE).schema(
        "{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
            + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"PRICE\",\"type\":\"float\"},"
            + "{\"name\":\"CATEGORY_L1\",\"type\":[\"string\"],\"categorical\":true}],\"version\":\"1.0\"}"))
        .schemaArn();
    String usersSchema = control.createSchema(b -> b.name("shop-users").domain(Domain.ECOMMERCE).schema(
        "{\"type\":\"record\",\"name\":\"Users\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
            + "{\"name\":\"USER_ID\",\"type\":\"string\"},"
            + "{\"name\":\"MEMBERSHIP_STATUS\",\"type\":\"string\",\"categorical\":true}],\"version\":\"1.0\"}"))
        .schemaArn();
    String interactions = dataset(group, "interactions", "Interactions", interactionsSchema);
    String items = dataset(group, "items", "Items", itemsSchema);
    String users = dataset(group, "users", "Users", usersSchema);
    importJob("import-items", items, "s3://shop-bucket/items.csv");
    importJob("import-users", users, "s3://shop-bucket/users/");
    importJob("import-interactions", interactions, "s3://shop-bucket/interactions.csv");

    upCampaign = campaign(group, "up", "aws-user-personalization", true);
    rankingCampaign = campaign(group, "ranking", "aws-personalized-ranking", false);
    simsCampaign = campaign(group, "similar", "aws-similar-items", false);
    trackingId = control.createEventTracker(b -> b.name("shop-tracker").datasetGroupArn(group)).trackingId();
    excludePurchased = filter(group, "exclude-purchased", "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")");
    byCategory = filter(group, "by-category", "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CATEGORY)");
    bestSellers = control.createRecommender(b -> b.name("best-sellers").datasetGroupArn(group)
        .recipeArn("arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-purchases")).recommenderArn();
    await(() -> control.describeRecommender(b -> b.recommenderArn(bestSellers)).recommender().status());
  }

  @AfterAll
  void close() {
    control.close();
    runtime.close();
    events.close();
    emulator.close();
  }

  private void writeData() throws IOException {
    Random random = new Random(7);
    Path bucket = Files.createDirectories(data.resolve("shop-bucket"));
    StringBuilder items = new StringBuilder("ITEM_ID,PRICE,CATEGORY_L1\n");
    for (int i = 0; i < ITEMS; i++) {
      String id = "item-" + i;
      categoryOf.put(id, category(i % CATEGORIES));
      items.append(id).append(',').append(5 + i % 50).append(".5,").append(category(i % CATEGORIES)).append('\n');
    }
    Files.writeString(bucket.resolve("items.csv"), items);
    Path usersDir = Files.createDirectories(bucket.resolve("users"));
    StringBuilder users = new StringBuilder("USER_ID,MEMBERSHIP_STATUS\n");
    StringBuilder more = new StringBuilder("MEMBERSHIP_STATUS,USER_ID\n");
    for (int u = 0; u < USERS; u++) {
      (u < USERS / 2 ? users : more).append(u < USERS / 2 ? "user-" + u + ",gold\n" : "silver,user-" + u + "\n");
    }
    Files.writeString(usersDir.resolve("part-1.csv"), users);
    Files.writeString(usersDir.resolve("part-2.csv"), more);
    StringBuilder interactions = new StringBuilder("USER_ID,ITEM_ID,EVENT_TYPE,TIMESTAMP\n");
    long t = 1_733_000_000L;
    for (int u = 0; u < USERS; u++) {
      for (int k = 0; k < 60; k++) {
        int c = random.nextInt(10) < 9 ? favourite(u) : random.nextInt(CATEGORIES);
        int item = c + CATEGORIES * random.nextInt(ITEMS / CATEGORIES);
        boolean purchase = random.nextInt(10) < 4;
        if (purchase) {
          purchased.computeIfAbsent("user-" + u, x -> new HashSet<>()).add("item-" + item);
        }
        interactions.append("user-").append(u).append(",item-").append(item).append(',')
            .append(purchase ? "Purchase" : "View").append(',').append(t++).append('\n');
      }
    }
    Files.writeString(bucket.resolve("interactions.csv"), interactions);
  }

  private static void await(Supplier<String> status) {
    for (int i = 0; i < 100; i++) {
      String s = status.get();
      if (s.equals("ACTIVE")) {
        return;
      }
      assertThat(s).as("status").isIn("CREATE PENDING", "CREATE IN_PROGRESS");
    }
    throw new AssertionError("not ACTIVE after 100 polls");
  }

  private String dataset(String group, String name, String type, String schema) {
    String arn = control.createDataset(b -> b.name(name).datasetGroupArn(group).datasetType(type).schemaArn(schema))
        .datasetArn();
    await(() -> control.describeDataset(b -> b.datasetArn(arn)).dataset().status());
    return arn;
  }

  private void importJob(String name, String dataset, String location) {
    String arn = control.createDatasetImportJob(b -> b.jobName(name).datasetArn(dataset)
        .dataSource(DataSource.builder().dataLocation(location).build()).importMode(ImportMode.FULL)
        .roleArn("arn:aws:iam::000000000000:role/import")).datasetImportJobArn();
    var job = control.describeDatasetImportJob(b -> b.datasetImportJobArn(arn)).datasetImportJob();
    assertThat(job.failureReason()).isNull();
    assertThat(job.status()).isEqualTo("ACTIVE");
  }

  private String campaign(String group, String name, String recipe, boolean metadata) {
    String solution = control.createSolution(b -> b.name(name + "-solution").datasetGroupArn(group)
        .recipeArn("arn:aws:personalize:::recipe/" + recipe)).solutionArn();
    await(() -> control.describeSolution(b -> b.solutionArn(solution)).solution().status());
    String version = control.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
    await(() -> control.describeSolutionVersion(b -> b.solutionVersionArn(version)).solutionVersion().status());
    String campaign = control.createCampaign(b -> b.name(name + "-campaign").solutionVersionArn(version)
        .campaignConfig(CampaignConfig.builder().enableMetadataWithRecommendations(metadata).build())).campaignArn();
    await(() -> control.describeCampaign(b -> b.campaignArn(campaign)).campaign().status());
    return campaign;
  }

  private String filter(String group, String name, String expression) {
    String arn = control.createFilter(b -> b.name(name).datasetGroupArn(group).filterExpression(expression)).filterArn();
    await(() -> control.describeFilter(b -> b.filterArn(arn)).filter().status());
    return arn;
  }

  private List<String> ids(List<PredictedItem> items) {
    return items.stream().map(PredictedItem::itemId).toList();
  }

  private long inCategory(List<String> ids, String category) {
    return ids.stream().filter(id -> category.equals(categoryOf.get(id))).count();
  }

  @Test
  void personalizedRecommendationsFavourTheUsersCategory() {
    for (int u : new int[] {0, 1, 2, 3, 4, 17}) {
      GetRecommendationsResponse r = runtime.getRecommendations(b -> b.campaignArn(upCampaign).userId("user-" + u)
          .numResults(10));
      List<String> ids = ids(r.itemList());
      assertThat(ids).hasSize(10).doesNotHaveDuplicates();
      assertThat(inCategory(ids, category(favourite(u)))).as("user-%s gets %s", u, ids).isGreaterThanOrEqualTo(7);
      assertThat(r.recommendationId()).isNotBlank().hasSizeLessThanOrEqualTo(40);
      assertThat(r.itemList()).allSatisfy(p -> assertThat(p.score()).isBetween(0.0, 1.0));
    }
  }

  @Test
  void similarItemsFavourTheItemsCategory() {
    for (String item : List.of("item-2", "item-13", "item-44")) {
      List<String> ids = ids(runtime.getRecommendations(b -> b.campaignArn(simsCampaign).itemId(item).numResults(10))
          .itemList());
      assertThat(ids).hasSize(10).doesNotContain(item);
      assertThat(inCategory(ids, categoryOf.get(item))).as("similar to %s: %s", item, ids).isGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void rankingFavoursTheUsersCategoryAndScoresSumToOne() {
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      candidates.add("item-" + (i * 7 % ITEMS));
    }
    candidates.add("never-seen");
    var ranked = runtime.getPersonalizedRanking(b -> b.campaignArn(rankingCampaign).userId("user-3")
        .inputList(candidates)).personalizedRanking();
    assertThat(ids(ranked)).containsExactlyInAnyOrderElementsOf(candidates);
    assertThat(ids(ranked).get(ranked.size() - 1)).isEqualTo("never-seen");
    assertThat(ranked.stream().mapToDouble(PredictedItem::score).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    long favouredCandidates = inCategory(candidates, category(3));
    List<String> top = ids(ranked).subList(0, (int) favouredCandidates);
    assertThat(inCategory(top, category(3))).as("top of %s", ids(ranked)).isGreaterThanOrEqualTo(favouredCandidates - 1);
  }

  @Test
  void excludePurchasedAndIncludeCategoryFiltersHoldExactly() {
    for (int u = 0; u < 10; u++) {
      String user = "user-" + u;
      List<String> ids = ids(runtime.getRecommendations(b -> b.campaignArn(upCampaign).userId(user).numResults(100)
          .filterArn(excludePurchased)).itemList());
      assertThat(ids).isNotEmpty().doesNotContainAnyElementsOf(purchased.getOrDefault(user, Set.of()));
    }
    List<String> c3 = ids(runtime.getRecommendations(b -> b.campaignArn(upCampaign).userId("user-1").numResults(60)
        .filterArn(byCategory).filterValues(Map.of("CATEGORY", "\"C3\""))).itemList());
    assertThat(c3).hasSize(40).allSatisfy(id -> assertThat(categoryOf.get(id)).isEqualTo("C3"));
    List<String> c1orC2 = ids(runtime.getRecommendations(b -> b.campaignArn(simsCampaign).itemId("item-0").numResults(100)
        .filterArn(byCategory).filterValues(Map.of("CATEGORY", "\"C1\",\"C2\""))).itemList());
    assertThat(c1orC2).hasSize(80).allSatisfy(id -> assertThat(categoryOf.get(id)).isIn("C1", "C2"));
  }

  @Test
  void streamedEventsChangeRecommendationsAtOnce() {
    String user = "newcomer";
    List<String> before = ids(runtime.getRecommendations(b -> b.campaignArn(upCampaign).userId(user).numResults(10))
        .itemList());
    List<Event> views = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int item = 4 + CATEGORIES * i;
      views.add(Event.builder().eventId("newcomer-" + i).eventType("View").itemId("item-" + item)
          .sentAt(Instant.ofEpochSecond(1_733_318_401L + i)).build());
    }
    events.putEvents(b -> b.trackingId(trackingId).sessionId("session-newcomer").userId(user).eventList(views));
    List<String> after = ids(runtime.getRecommendations(b -> b.campaignArn(upCampaign).userId(user).numResults(10))
        .itemList());
    assertThat(after).isNotEqualTo(before);
    assertThat(inCategory(after, "C4")).as("after viewing C4: %s", after).isGreaterThanOrEqualTo(7);
    assertThat(emulator.inspection().distinctEventIds()).contains("newcomer-0", "newcomer-7");

    String target = ids(runtime.getRecommendations(b -> b.campaignArn(upCampaign).userId("user-2").numResults(1)
        .filterArn(excludePurchased)).itemList()).get(0);
    events.putEvents(b -> b.trackingId(trackingId).sessionId("s-user-2").userId("user-2").eventList(
        Event.builder().eventType("Purchase").itemId(target).sentAt(Instant.ofEpochSecond(1_733_318_500L)).build()));
    List<String> afterPurchase = ids(runtime.getRecommendations(b -> b.campaignArn(upCampaign).userId("user-2")
        .numResults(200).filterArn(excludePurchased)).itemList());
    assertThat(afterPurchase).doesNotContain(target);
  }

  @Test
  void metadataColumnsComeFromTheItemsDataset() {
    var items = runtime.getRecommendations(b -> b.campaignArn(upCampaign).userId("user-0").numResults(5)
        .metadataColumns(Map.of("ITEMS", List.of("CATEGORY_L1", "PRICE")))).itemList();
    assertThat(items).hasSize(5).allSatisfy(p -> {
      assertThat(p.metadata()).containsEntry("CATEGORY_L1", categoryOf.get(p.itemId()));
      assertThat(p.metadata()).containsKey("PRICE");
    });
  }

  @Test
  void bestSellersRecommenderAnswersByPurchases() {
    Map<String, Integer> purchases = new HashMap<>();
    purchased.values().forEach(s -> s.forEach(i -> purchases.merge(i, 1, Integer::sum)));
    List<String> ids = ids(runtime.getRecommendations(b -> b.recommenderArn(bestSellers).userId("user-5").numResults(5))
        .itemList());
    assertThat(ids).hasSize(5);
    int minTop = ids.stream().mapToInt(i -> purchases.getOrDefault(i, 0)).min().orElseThrow();
    assertThat(minTop).isGreaterThanOrEqualTo(1);
  }
}
