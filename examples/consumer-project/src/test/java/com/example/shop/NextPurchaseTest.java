package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.InMemoryPersonalize;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextPurchaseTest {

  private static void buy(EventSink sink, String user, String item) {
    sink.record(Interaction.of(UserId.of(user), ItemId.of(item), EventType.PURCHASE));
  }

  @Test
  void aNewcomerIsOfferedTheBestSeller() {
    InMemoryPersonalize personalize = InMemoryPersonalize.create();
    EventSink sink = personalize.eventSink();
    for (int u = 0; u < 5; u++) {
      buy(sink, "fan-" + u, "best-seller");
    }
    buy(sink, "other", "niche-item");
    sink.flush();

    NextPurchase app = new NextPurchase(personalize.recommender());

    assertEquals("best-seller", app.topPickFor("u-42"));
  }

  @Test
  void aTentBuyerIsOfferedTheSleepingBagOtherTentBuyersBought() {
    InMemoryPersonalize personalize = InMemoryPersonalize.create();
    EventSink sink = personalize.eventSink();
    for (int u = 0; u < 3; u++) {
      buy(sink, "camper-" + u, "tent");
      buy(sink, "camper-" + u, "sleeping-bag");
    }
    for (int u = 0; u < 10; u++) {
      buy(sink, "snacker-" + u, "chocolate-bar"); // more popular, unrelated to tents
    }
    buy(sink, "u-42", "tent");
    sink.flush();

    NextPurchase app = new NextPurchase(personalize.recommender());
    List<ItemId> recommended = personalize.recommender().forUser(UserId.of("u-42")).itemIds();

    assertEquals("sleeping-bag", app.topPickFor("u-42"));
    assertTrue(
        recommended.indexOf(ItemId.of("sleeping-bag")) < recommended.indexOf(ItemId.of("chocolate-bar"))
            || !recommended.contains(ItemId.of("chocolate-bar")),
        "sleeping bag ranks ahead of the unrelated best seller: " + recommended);
  }
}
