package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Domain;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Action;
import software.amazon.awssdk.services.personalizeevents.model.ActionInteraction;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.Item;
import software.amazon.awssdk.services.personalizeevents.model.ResourceInUseException;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedAction;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/** ECOMMERCE recommenders by use case, actions, and the events API's ResourceInUse (409). */
class EmulatorRecommendersAndActionsTest {

  @Test
  void ecommerceUseCasesAnswerByTheirRecipe() {
    try (PersonalizeEmulator emulator = PersonalizeEmulator.builder().relaxTrainingMinimums(true).start();
        PersonalizeClient control = Sdk.control(emulator);
        PersonalizeEventsClient events = Sdk.events(emulator);
        PersonalizeRuntimeClient runtime = Sdk.runtime(emulator)) {
      Fixture shop = Fixture.ecommerce(control, "uc");
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        items.add(Item.builder().itemId("p" + i).properties("{\"price\": 3, \"categoryL1\": \"c" + (i % 2) + "\"}").build());
      }
      events.putItems(b -> b.datasetArn(shop.items).items(items));
      // p1 is viewed most, p2 bought most; u1 bought p2 and views p1
      record(events, shop, "u1", "View", "p1", "p1", "p1", "p3");
      record(events, shop, "u2", "View", "p1", "p1", "p5");
      record(events, shop, "u1", "Purchase", "p2");
      record(events, shop, "u2", "Purchase", "p2", "p4");
      record(events, shop, "u3", "Purchase", "p2", "p4");
      String mostViewed = recommender(control, shop, "most-viewed", "aws-ecomm-popular-items-by-views");
      String bestSellers = recommender(control, shop, "best-sellers", "aws-ecomm-popular-items-by-purchases");
      String rfy = recommender(control, shop, "rfy", "aws-ecomm-recommended-for-you");
      String fbt = recommender(control, shop, "fbt", "aws-ecomm-frequently-bought-together");
      assertThat(ids(runtime.getRecommendations(b -> b.recommenderArn(mostViewed).userId("u9").numResults(1)).itemList()))
          .containsExactly("p1");
      assertThat(ids(runtime.getRecommendations(b -> b.recommenderArn(bestSellers).userId("u9").numResults(2)).itemList()))
          .containsExactly("p2", "p4");
      List<String> forU1 = ids(runtime.getRecommendations(b -> b.recommenderArn(rfy).userId("u1")).itemList());
      assertThat(forU1).isNotEmpty().doesNotContain("p2");
      List<String> together = ids(runtime.getRecommendations(b -> b.recommenderArn(fbt).itemId("p2").numResults(3)).itemList());
      assertThat(together).doesNotContain("p2").contains("p4");
      assertThatThrownBy(() -> runtime.getRecommendations(b -> b.recommenderArn(fbt).userId("u1")))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("itemId");
    }
  }

  @Test
  void actionsAreRecommendedFromActionInteractions() {
    try (PersonalizeEmulator emulator = PersonalizeEmulator.builder().relaxTrainingMinimums(true).start();
        PersonalizeClient control = Sdk.control(emulator);
        PersonalizeEventsClient events = Sdk.events(emulator);
        PersonalizeRuntimeClient runtime = Sdk.runtime(emulator)) {
      String group = control.createDatasetGroup(b -> b.name("actions")).datasetGroupArn();
      control.describeDatasetGroup(b -> b.datasetGroupArn(group));
      String actionsSchema = control.createSchema(b -> b.name("actions").schema("{\"type\":\"record\",\"name\":\"Actions\","
          + "\"fields\":[{\"name\":\"ACTION_ID\",\"type\":\"string\"},{\"name\":\"VALUE\",\"type\":\"int\"}]}")).schemaArn();
      String interactionsSchema = control.createSchema(b -> b.name("action-interactions").schema(
          "{\"type\":\"record\",\"name\":\"Action_Interactions\",\"fields\":[{\"name\":\"USER_ID\",\"type\":\"string\"},"
              + "{\"name\":\"ACTION_ID\",\"type\":\"string\"},{\"name\":\"TIMESTAMP\",\"type\":\"long\"},"
              + "{\"name\":\"EVENT_TYPE\",\"type\":\"string\"}]}")).schemaArn();
      String actions = control.createDataset(b -> b.name("actions").datasetGroupArn(group).datasetType("Actions")
          .schemaArn(actionsSchema)).datasetArn();
      String interactions = control.createDataset(b -> b.name("action-interactions").datasetGroupArn(group)
          .datasetType("Action_Interactions").schemaArn(interactionsSchema)).datasetArn();
      String trackingId = control.describeDataset(b -> b.datasetArn(interactions)).dataset().trackingId();
      control.describeDataset(b -> b.datasetArn(actions));
      assertThat(trackingId).isNotBlank();
      events.putActions(b -> b.datasetArn(actions).actions(
          Action.builder().actionId("join-club").properties("{\"value\": 10}").build(),
          Action.builder().actionId("download-app").properties("{\"value\": 5}").build()));
      List<ActionInteraction> taken = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        taken.add(ActionInteraction.builder().actionId("download-app").sessionId("s" + i).userId("u" + i)
            .eventType("Taken").timestamp(Instant.ofEpochSecond(1_733_318_401L + i)).build());
      }
      events.putActionInteractions(b -> b.trackingId(trackingId).actionInteractions(taken));
      String solution = control.createSolution(b -> b.name("nba").datasetGroupArn(group)
          .recipeArn("arn:aws:personalize:::recipe/aws-next-best-action")).solutionArn();
      control.describeSolution(b -> b.solutionArn(solution));
      String version = control.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
      control.describeSolutionVersion(b -> b.solutionVersionArn(version));
      String campaign = control.createCampaign(b -> b.name("nba").solutionVersionArn(version)).campaignArn();
      control.describeCampaign(b -> b.campaignArn(campaign));
      var answer = runtime.getActionRecommendations(b -> b.campaignArn(campaign).userId("new-user"));
      assertThat(answer.actionList()).extracting(PredictedAction::actionId).startsWith("download-app");
      assertThat(answer.recommendationId()).isNotBlank();
      assertThatThrownBy(() -> runtime.getActionRecommendations(b -> b.campaignArn(campaign).numResults(101)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("100");
    }
  }

  @Test
  void putItemsIntoADatasetThatIsNotActiveIsResourceInUse409() {
    MutableClock clock = MutableClock.of(Instant.parse("2026-12-04T12:00:00Z"));
    try (PersonalizeEmulator emulator = PersonalizeEmulator.builder().clock(clock).timeToActive(Duration.ofMinutes(1)).start();
        PersonalizeClient control = Sdk.control(emulator);
        PersonalizeEventsClient events = Sdk.events(emulator)) {
      String group = control.createDatasetGroup(b -> b.name("slow").domain(Domain.ECOMMERCE)).datasetGroupArn();
      clock.advance(Duration.ofMinutes(1));
      String schema = control.createSchema(b -> b.name("items").domain(Domain.ECOMMERCE).schema(Schemas.ITEMS)).schemaArn();
      String items = control.createDataset(b -> b.name("items").datasetGroupArn(group).datasetType("Items")
          .schemaArn(schema)).datasetArn();
      Item item = Item.builder().itemId("i1").properties("{\"price\": 1, \"categoryL1\": \"a\"}").build();
      assertThatThrownBy(() -> events.putItems(b -> b.datasetArn(items).items(item)))
          .isInstanceOfSatisfying(ResourceInUseException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
      clock.advance(Duration.ofMinutes(1));
      events.putItems(b -> b.datasetArn(items).items(item));
      assertThat(emulator.inspection().receivedItems()).hasSize(1);
    }
  }

  private static void record(PersonalizeEventsClient events, Fixture shop, String user, String type, String... items) {
    List<Event> list = new ArrayList<>();
    for (String item : items) {
      list.add(Event.builder().eventType(type).itemId(item).sentAt(Instant.ofEpochSecond(1_733_318_401L + list.size()))
          .build());
    }
    events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s-" + user).userId(user).eventList(list));
  }

  private static String recommender(PersonalizeClient control, Fixture shop, String name, String recipe) {
    String arn = control.createRecommender(b -> b.name(name).datasetGroupArn(shop.group)
        .recipeArn("arn:aws:personalize:::recipe/" + recipe)).recommenderArn();
    assertThat(control.describeRecommender(b -> b.recommenderArn(arn)).recommender().status()).isEqualTo("ACTIVE");
    return arn;
  }

  private static List<String> ids(List<PredictedItem> items) {
    return items.stream().map(PredictedItem::itemId).toList();
  }
}
