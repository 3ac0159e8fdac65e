package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.Item;
import software.amazon.awssdk.services.personalizeevents.model.User;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;
import software.amazon.awssdk.services.personalizeruntime.model.Promotion;
import software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException;

/** The runtime and events APIs through the real SDK: answers by recipe, validation and errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorRuntimeAndEventsTest {
  PersonalizeEmulator emulator;
  PersonalizeClient control;
  PersonalizeRuntimeClient runtime;
  PersonalizeEventsClient events;
  Fixture shop;
  String up;
  String popularPurchases;
  String ranking;
  String seasonal;

  @BeforeAll
  void setUp() {
    emulator = PersonalizeEmulator.builder().relaxTrainingMinimums(true).start();
    control = Sdk.control(emulator);
    runtime = Sdk.runtime(emulator);
    events = Sdk.events(emulator);
    shop = Fixture.ecommerce(control, "shop");
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String category = i % 3 == 0 ? "shoes" : i % 3 == 1 ? "hats" : "bags";
      items.add(Item.builder().itemId("i" + i).properties("{\"price\": " + (10 + i) + ", \"categoryL1\": \"" + category
          + "|sale\", \"categoryL2\": \"summer\"}").build());
      if (items.size() == 10) {
        events.putItems(b -> b.datasetArn(shop.items).items(items));
        items.clear();
      }
    }
    // i3 is viewed most, i6 bought most
    List<Event> list = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      list.add(Event.builder().eventType("View").itemId(k < 6 ? "i3" : "i9").sentAt(Instant.ofEpochSecond(1_733_318_401L + k))
          .build());
    }
    events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s1").userId("u1").eventList(list));
    for (int k = 0; k < 4; k++) {
      int n = k;
      events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s2").userId("u2").eventList(
          Event.builder().eventType("Purchase").itemId(n < 3 ? "i6" : "i12").sentAt(Instant.ofEpochSecond(1_733_318_501L + n))
              .build()));
    }
    up = shop.campaign("up", "aws-user-personalization", true, null);
    popularPurchases = shop.campaign("popular-purchases", "aws-popularity-count", false, "Purchase");
    ranking = shop.campaign("ranking", "aws-personalized-ranking-v2", false, null);
    seasonal = shop.filter("seasonal", "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"bags\")");
  }

  @AfterAll
  void tearDown() {
    control.close();
    runtime.close();
    events.close();
    emulator.close();
  }

  private static List<String> ids(List<PredictedItem> items) {
    return items.stream().map(PredictedItem::itemId).toList();
  }

  @Test
  void popularityCountAnswersByTheSolutionsEventType() {
    var items = runtime.getRecommendations(b -> b.campaignArn(popularPurchases).numResults(2)).itemList();
    assertThat(ids(items)).containsExactly("i6", "i12");
    assertThat(items).allSatisfy(p -> assertThat(p.score()).isNull());
  }

  @Test
  void defaultNumResultsIs25AndMetadataUsesSchemaFieldNames() {
    var items = runtime.getRecommendations(b -> b.campaignArn(up).userId("u1")
        .metadataColumns(Map.of("ITEMS", List.of("CATEGORY_L1", "PRICE", "CATEGORY_L2")))).itemList();
    assertThat(items).hasSize(25);
    PredictedItem i3 = items.stream().filter(p -> p.itemId().equals("i3")).findFirst().orElseThrow();
    assertThat(i3.metadata()).containsEntry("CATEGORY_L1", "shoes|sale").containsEntry("PRICE", "13")
        .containsEntry("CATEGORY_L2", "summer");
    assertThat(runtime.getRecommendations(b -> b.campaignArn(up).userId("u1")).itemList()).hasSize(25);
  }

  @Test
  void onePromotionPlacesFilteredItemsAmongTheOthers() {
    var items = runtime.getRecommendations(b -> b.campaignArn(up).userId("u1").numResults(10)
        .promotions(Promotion.builder().name("bags-promo").percentPromotedItems(30).filterArn(seasonal).build())).itemList();
    assertThat(items).hasSize(10);
    var promoted = items.stream().filter(p -> "bags-promo".equals(p.promotionName())).toList();
    assertThat(promoted).hasSize(3).allSatisfy(p -> assertThat(Integer.parseInt(p.itemId().substring(1)) % 3).isEqualTo(2));
    assertThat(ids(items)).doesNotHaveDuplicates();
  }

  @Test
  void rankingScoresSumToOneOverTheInput() {
    var ranked = runtime.getPersonalizedRanking(b -> b.campaignArn(ranking).userId("u1")
        .inputList("i1", "i3", "i9", "unknown-item")).personalizedRanking();
    assertThat(ids(ranked)).containsExactlyInAnyOrder("i1", "i3", "i9", "unknown-item");
    assertThat(ranked.stream().mapToDouble(PredictedItem::score).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(ids(ranked).get(ranked.size() - 1)).isEqualTo("unknown-item");
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(ranking).userId("u1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("GetPersonalizedRanking");
  }

  @Test
  void runtimeValidationIsTheServices() {
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(up).userId("u1").numResults(501)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("numResults").hasMessageContaining("500")
        .satisfies(e -> assertThat(((InvalidInputException) e).statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(up).userId("u1").numResults(51)
        .metadataColumns(Map.of("ITEMS", List.of("PRICE"))))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("50");
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(up).userId("u1")
        .metadataColumns(Map.of("ITEMS", Collections.nCopies(11, "PRICE"))))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(up)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("userId");
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.userId("u1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("campaignArn");
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(popularPurchases)
        .metadataColumns(Map.of("ITEMS", List.of("PRICE"))))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("enableMetadataWithRecommendations");
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(up).userId("u1").filterArn(seasonal)
        .filterValues(Map.of("bad-key", "\"x\"")))).isInstanceOf(InvalidInputException.class);
    Promotion p = Promotion.builder().name("p").percentPromotedItems(10).filterArn(seasonal).build();
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(up).userId("u1").promotions(p, p)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("promotions");
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(
        "arn:aws:personalize:us-east-1:000000000000:campaign/missing").userId("u1")))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
    assertThatThrownBy(() -> runtime.getRecommendations(b -> b.campaignArn(up).userId("u1").filterArn(
        "arn:aws:personalize:us-east-1:000000000000:filter/missing"))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void eventsValidationIsTheServices() {
    var eventsErrors = software.amazon.awssdk.services.personalizeevents.model.InvalidInputException.class;
    List<Event> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(Event.builder().eventType("View").itemId("i1").sentAt(Instant.ofEpochSecond(1_733_318_401L)).build());
    }
    assertThatThrownBy(() -> events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s").eventList(eleven)))
        .isInstanceOf(eventsErrors).hasMessageContaining("10");
    assertThatThrownBy(() -> events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s").eventList(List.of())))
        .isInstanceOf(eventsErrors);
    String big = "{\"categoryL1\":\"" + "x".repeat(1025 - 17) + "\"}";
    assertThat(big).hasSize(1025);
    assertThatThrownBy(() -> events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s").eventList(
        Event.builder().eventType("View").itemId("i1").properties(big).sentAt(Instant.now()).build())))
        .isInstanceOf(eventsErrors).hasMessageContaining("1024");
    assertThatThrownBy(() -> events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s").eventList(
        Event.builder().eventType("View").itemId("i1").recommendationId("r".repeat(41)).sentAt(Instant.now()).build())))
        .isInstanceOf(eventsErrors).hasMessageContaining("40");
    assertThatThrownBy(() -> events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s").eventList(
        Event.builder().eventType("View").itemId("i1").impression(Collections.nCopies(26, "i2")).sentAt(Instant.now()).build())))
        .isInstanceOf(eventsErrors).hasMessageContaining("25");
    assertThatThrownBy(() -> events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s").eventList(
        Event.builder().itemId("i1").sentAt(Instant.now()).build())))
        .isInstanceOf(eventsErrors).hasMessageContaining("eventType");
    assertThatThrownBy(() -> events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s").eventList(
        Event.builder().eventType("View").itemId("i1").properties("{\"userId\":\"x\"}").sentAt(Instant.now()).build())))
        .isInstanceOf(eventsErrors).hasMessageContaining("userId");
    assertThatThrownBy(() -> events.putEvents(b -> b.trackingId("no-such-tracker").sessionId("s").eventList(
        Event.builder().eventType("View").itemId("i1").sentAt(Instant.now()).build())))
        .isInstanceOf(software.amazon.awssdk.services.personalizeevents.model.ResourceNotFoundException.class);
    assertThatThrownBy(() -> events.putItems(b -> b.datasetArn(shop.items).items(
        Item.builder().itemId("x").properties("{\"colour\":\"red\"}").build())))
        .isInstanceOf(eventsErrors).hasMessageContaining("colour");
    assertThatThrownBy(() -> events.putItems(b -> b.datasetArn(shop.items).items(
        Item.builder().itemId("x").properties("{\"price\":\"cheap\"}").build())))
        .isInstanceOf(eventsErrors).hasMessageContaining("price");
    assertThatThrownBy(() -> events.putItems(b -> b.datasetArn(shop.users).items(Item.builder().itemId("x").build())))
        .isInstanceOf(eventsErrors).hasMessageContaining("Users");
    assertThatThrownBy(() -> events.putUsers(b -> b.datasetArn(shop.group.replace("dataset-group", "dataset") + "/NOPE")
        .users(User.builder().userId("x").build())))
        .isInstanceOf(software.amazon.awssdk.services.personalizeevents.model.ResourceNotFoundException.class);
  }

  @Test
  void acceptedRecordsAreInspectable() {
    int before = emulator.inspection().receivedEvents().size();
    events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s9").userId("u9").eventList(
        Event.builder().eventId("e-1").eventType("View").itemId("i1").eventValue(2.5f).recommendationId("RID-1")
            .impression("i1", "i2").properties("{}").sentAt(Instant.parse("2024-12-04T13:20:01.250Z")).build(),
        Event.builder().eventType("Click").itemId("i2").sentAt(Instant.ofEpochSecond(1_733_318_402L)).build()));
    var received = emulator.inspection().receivedEvents();
    assertThat(received).hasSize(before + 2);
    ReceivedEvent first = received.get(before);
    assertThat(first.trackingId()).isEqualTo(shop.trackingId);
    assertThat(first.sessionId()).isEqualTo("s9");
    assertThat(first.userId()).contains("u9");
    assertThat(first.eventId()).isEqualTo("e-1");
    assertThat(first.eventType()).isEqualTo("View");
    assertThat(first.itemId()).contains("i1");
    assertThat(first.sentAt()).isEqualTo(Instant.parse("2024-12-04T13:20:01.250Z"));
    assertThat(first.recommendationId()).contains("RID-1");
    assertThat(received.get(before + 1).eventId()).isNotBlank().isNotEqualTo("e-1");
    assertThat(emulator.inspection().distinctEventIds()).contains("e-1", received.get(before + 1).eventId());

    events.putUsers(b -> b.datasetArn(shop.users).users(User.builder().userId("u-new").properties(
        "{\"age\": 31, \"membershipStatus\": \"gold\"}").build()));
    assertThat(emulator.inspection().receivedUsers()).last()
        .isEqualTo(new ReceivedRecord(shop.users, "u-new", java.util.Optional.of("{\"age\": 31, \"membershipStatus\": \"gold\"}")));
    assertThat(emulator.inspection().receivedItems()).hasSizeGreaterThanOrEqualTo(30)
        .allSatisfy(r -> assertThat(r.datasetArn()).isEqualTo(shop.items));
    assertThat(emulator.inspection().requestCount("PutUsers")).isGreaterThanOrEqualTo(1);
    assertThat(emulator.inspection().createRequestCount()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void filtersMustNameFieldsOfTheGroupsSchemas() {
    assertThatThrownBy(() -> shop.filter("colour", "INCLUDE ItemID WHERE Items.COLOUR IN ($COLOUR)"))
        .isInstanceOf(software.amazon.awssdk.services.personalize.model.InvalidInputException.class)
        .hasMessageContaining("Items.COLOUR");
    assertThatThrownBy(() -> shop.filter("tier", "EXCLUDE ItemID WHERE Items.PRICE > 10 IF CurrentUser.TIER = \"gold\""))
        .isInstanceOf(software.amazon.awssdk.services.personalize.model.InvalidInputException.class);
    String literal = shop.filter("literal", "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"Items.NOT_A_FIELD\")");
    assertThat(literal).endsWith("filter/literal");
  }

  @Test
  void concurrentCallsAreAllAnsweredAndCounted() throws Exception {
    int recommendationsBefore = emulator.inspection().requestCount("GetRecommendations");
    int eventsBefore = emulator.inspection().receivedEvents().size();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        String user = "concurrent-" + t;
        results.add(pool.submit(() -> {
          go.await();
          int answered = 0;
          for (int i = 0; i < 25; i++) {
            int n = i;
            events.putEvents(b -> b.trackingId(shop.trackingId).sessionId(user).userId(user).eventList(
                Event.builder().eventType("View").itemId("i" + n).sentAt(Instant.ofEpochSecond(1_733_400_000L + n)).build()));
            answered += runtime.getRecommendations(b -> b.campaignArn(up).userId(user).numResults(5)).itemList().size();
          }
          return answered;
        }));
      }
      go.countDown();
      for (var r : results) {
        assertThat(r.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(125);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(emulator.inspection().requestCount("GetRecommendations")).isEqualTo(recommendationsBefore + 200);
    assertThat(emulator.inspection().receivedEvents()).hasSize(eventsBefore + 200);
  }

  @Test
  void streamedItemsAreVisibleToRecommendationsAtOnce() {
    events.putItems(b -> b.datasetArn(shop.items).items(Item.builder().itemId("fresh").properties(
        "{\"price\": 1.5, \"categoryL1\": \"bags\"}").build()));
    var items = runtime.getRecommendations(b -> b.campaignArn(up).userId("u1").numResults(50).filterArn(seasonal)
        .metadataColumns(Map.of("ITEMS", List.of("PRICE")))).itemList();
    assertThat(ids(items)).contains("fresh");
    assertThat(items.stream().filter(p -> p.itemId().equals("fresh")).findFirst().orElseThrow().metadata())
        .containsEntry("PRICE", "1.5");
  }
}
