package dev.personalize4j.aws;

import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.User;
import dev.personalize4j.testing.contract.ContractData;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;

/**
 * Provisions a dataset group in a {@link PersonalizeEmulator} through the real SDK control plane:
 * schemas, datasets, an event tracker, data (PutItems/PutUsers/PutEvents), filters, and one
 * solution, version and campaign per recipe the adapter uses.
 */
final class EmulatorFixture {
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKEFORTESTS", "fake-secret-for-tests"));

  static final String INTERACTIONS_SCHEMA = schema("Interactions",
      "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
          + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"},{\"name\":\"EVENT_TYPE\",\"type\":\"string\"}");
  static final String ITEMS_SCHEMA = schema("Items",
      "{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"PRICE\",\"type\":\"float\"},"
          + "{\"name\":\"CATEGORY_L1\",\"type\":\"string\",\"categorical\":true}");
  static final String USERS_SCHEMA = schema("Users",
      "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"AGE\",\"type\":\"int\"},"
          + "{\"name\":\"GENDER\",\"type\":\"string\",\"categorical\":true},"
          + "{\"name\":\"MEMBERSHIP\",\"type\":\"string\",\"categorical\":true}");

  /** The ARNs of one provisioned dataset group. */
  record Provisioned(String datasetGroupArn, String itemsDatasetArn, String usersDatasetArn,
      String interactionsDatasetArn, String trackingId, String userCampaign, String similarCampaign,
      String rankingCampaign, String popularCampaign, Map<String, String> filters) {}

  private EmulatorFixture() {}

  private static String schema(String name, String fields) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"com.amazonaws.personalize.schema\","
        + "\"fields\":[" + fields + "],\"version\":\"1.0\"}";
  }

  static PersonalizeClient control(PersonalizeEmulator emulator) {
    return PersonalizeClient.builder().region(Region.of(emulator.region())).credentialsProvider(CREDENTIALS)
        .endpointOverride(emulator.endpoint())
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
        .build();
  }

  static PersonalizeEventsClient events(PersonalizeEmulator emulator) {
    return PersonalizeEventsClient.builder().region(Region.of(emulator.region())).credentialsProvider(CREDENTIALS)
        .endpointOverride(emulator.endpoint())
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
        .build();
  }

  /**
   * An adapter builder pointed at the emulator with fake credentials and no ARNs yet; no backoff
   * sleeping, and a deadline generous enough for a loaded 2-core CI machine (tests that exercise the
   * deadline set their own, on a fake ticker).
   */
  static AwsPersonalize.Builder adapter(PersonalizeEmulator emulator) {
    return AwsPersonalize.builder().region(emulator.region()).credentialsProvider(CREDENTIALS)
        .endpointOverride(emulator.endpoint()).sleeper(d -> {})
        .resilience(ResilienceSettings.builder().deadline(Duration.ofSeconds(10)).build());
  }

  /** An adapter builder configured with every ARN of {@code p}. */
  static AwsPersonalize.Builder adapter(PersonalizeEmulator emulator, Provisioned p) {
    AwsPersonalize.Builder b = adapter(emulator)
        .forUserArn(p.userCampaign()).similarItemsArn(p.similarCampaign()).rankingArn(p.rankingCampaign())
        .popularArn(p.popularCampaign()).trackingId(p.trackingId())
        .itemsDatasetArn(p.itemsDatasetArn()).usersDatasetArn(p.usersDatasetArn());
    p.filters().forEach(b::filter);
    return b;
  }

  /** Creates a dataset group with an Interactions dataset and an event tracker; returns the tracking id. */
  static String tracker(PersonalizeEmulator emulator, String name) {
    try (PersonalizeClient cp = control(emulator)) {
      String group = cp.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
      await(() -> cp.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status());
      String schema = cp.createSchema(r -> r.name(name + "-interactions").schema(INTERACTIONS_SCHEMA)).schemaArn();
      String ds = cp.createDataset(r -> r.name(name + "-interactions").datasetGroupArn(group)
          .datasetType("Interactions").schemaArn(schema)).datasetArn();
      await(() -> cp.describeDataset(r -> r.datasetArn(ds)).dataset().status());
      String trackerArn = cp.createEventTracker(r -> r.name(name + "-tracker").datasetGroupArn(group)).eventTrackerArn();
      await(() -> cp.describeEventTracker(r -> r.eventTrackerArn(trackerArn)).eventTracker().status());
      return cp.describeEventTracker(r -> r.eventTrackerArn(trackerArn)).eventTracker().trackingId();
    }
  }

  /** Provisions {@code data} under a fresh dataset group called {@code name}. */
  static Provisioned provision(PersonalizeEmulator emulator, String name, ContractData data) {
    return provision(emulator, name, data.items(), data.users(), data.interactions(), data.filters());
  }

  static Provisioned provision(PersonalizeEmulator emulator, String name, List<Item> items, List<User> users,
      List<Interaction> interactions, Map<String, String> filterExpressions) {
    try (PersonalizeClient cp = control(emulator); PersonalizeEventsClient ev = events(emulator)) {
      String group = cp.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
      await(() -> cp.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status());
      String interactionsSchema = cp.createSchema(r -> r.name(name + "-interactions").schema(INTERACTIONS_SCHEMA)).schemaArn();
      String itemsSchema = cp.createSchema(r -> r.name(name + "-items").schema(ITEMS_SCHEMA)).schemaArn();
      String usersSchema = cp.createSchema(r -> r.name(name + "-users").schema(USERS_SCHEMA)).schemaArn();
      String interactionsDs = cp.createDataset(r -> r.name(name + "-interactions").datasetGroupArn(group)
          .datasetType("Interactions").schemaArn(interactionsSchema)).datasetArn();
      String itemsDs = cp.createDataset(r -> r.name(name + "-items").datasetGroupArn(group)
          .datasetType("Items").schemaArn(itemsSchema)).datasetArn();
      String usersDs = cp.createDataset(r -> r.name(name + "-users").datasetGroupArn(group)
          .datasetType("Users").schemaArn(usersSchema)).datasetArn();
      for (String ds : List.of(interactionsDs, itemsDs, usersDs)) {
        await(() -> cp.describeDataset(r -> r.datasetArn(ds)).dataset().status());
      }
      String trackerArn = cp.createEventTracker(r -> r.name(name + "-tracker").datasetGroupArn(group)).eventTrackerArn();
      await(() -> cp.describeEventTracker(r -> r.eventTrackerArn(trackerArn)).eventTracker().status());
      String trackingId = cp.describeEventTracker(r -> r.eventTrackerArn(trackerArn)).eventTracker().trackingId();

      for (int from = 0; from < items.size(); from += 10) {
        List<Item> batch = items.subList(from, Math.min(items.size(), from + 10));
        ev.putItems(r -> r.datasetArn(itemsDs).items(batch.stream().map(i ->
            software.amazon.awssdk.services.personalizeevents.model.Item.builder().itemId(i.id().value())
                .properties(dev.personalize4j.AttributeValue.propertiesJson(i.attributes())).build()).toList()));
      }
      for (int from = 0; from < users.size(); from += 10) {
        List<User> batch = users.subList(from, Math.min(users.size(), from + 10));
        ev.putUsers(r -> r.datasetArn(usersDs).users(batch.stream().map(u ->
            software.amazon.awssdk.services.personalizeevents.model.User.builder().userId(u.id().value())
                .properties(dev.personalize4j.AttributeValue.propertiesJson(u.attributes())).build()).toList()));
      }
      Map<String, List<Interaction>> byUser = new LinkedHashMap<>();
      for (Interaction i : interactions) {
        byUser.computeIfAbsent(i.sessionOrUser(), k -> new ArrayList<>()).add(i);
      }
      byUser.forEach((user, list) -> {
        for (int from = 0; from < list.size(); from += 10) {
          List<Interaction> batch = list.subList(from, Math.min(list.size(), from + 10));
          ev.putEvents(r -> r.trackingId(trackingId).userId(user).sessionId(user).eventList(batch.stream()
              .map(i -> Event.builder().eventId(i.eventId().orElseThrow()).eventType(i.eventType().name())
                  .itemId(i.itemId().value()).sentAt(i.timestamp().orElseThrow()).build()).toList()));
        }
      });

      Map<String, String> filters = new LinkedHashMap<>();
      filterExpressions.forEach((filterName, expression) -> {
        String arn = cp.createFilter(r -> r.name(name + "-" + filterName).datasetGroupArn(group)
            .filterExpression(expression)).filterArn();
        await(() -> cp.describeFilter(r -> r.filterArn(arn)).filter().status());
        filters.put(filterName, arn);
      });

      String user = campaign(cp, group, name + "-user", "aws-user-personalization");
      String similar = campaign(cp, group, name + "-similar", "aws-similar-items");
      String ranking = campaign(cp, group, name + "-ranking", "aws-personalized-ranking");
      String popular = campaign(cp, group, name + "-popular", "aws-popularity-count");
      return new Provisioned(group, itemsDs, usersDs, interactionsDs, trackingId, user, similar, ranking, popular,
          Map.copyOf(filters));
    }
  }

  private static String campaign(PersonalizeClient cp, String group, String name, String recipe) {
    String solution = cp.createSolution(r -> r.name(name).datasetGroupArn(group)
        .recipeArn("arn:aws:personalize:::recipe/" + recipe).performAutoTraining(false)).solutionArn();
    await(() -> cp.describeSolution(r -> r.solutionArn(solution)).solution().status());
    String version = cp.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
    await(() -> cp.describeSolutionVersion(r -> r.solutionVersionArn(version)).solutionVersion().status());
    String campaign = cp.createCampaign(r -> r.name(name).solutionVersionArn(version)
        .campaignConfig(c -> c.enableMetadataWithRecommendations(true))).campaignArn();
    await(() -> cp.describeCampaign(r -> r.campaignArn(campaign)).campaign().status());
    return campaign;
  }

  /** Polls until ACTIVE (the emulator activates resources by the first call after creation). */
  static void await(Supplier<String> status) {
    for (int i = 0; i < 1000; i++) {
      String s = status.get();
      if ("ACTIVE".equals(s)) {
        return;
      }
      if (s != null && s.contains("FAILED")) {
        throw new AssertionError("resource ended " + s);
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("resource not ACTIVE after 1000 polls");
  }

  static Duration longDeadline() {
    return Duration.ofSeconds(30);
  }
}
