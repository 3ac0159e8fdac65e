package dev.personalize4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The acceptance scenario of the issue, with nothing but {@link InMemoryPersonalize#create()}. */
class AcceptanceTest {
  static final ItemId TENT = ItemId.of("tent");
  static final ItemId SLEEPING_BAG = ItemId.of("sleeping-bag");
  static final ItemId PHONE = ItemId.of("phone");
  static final ItemId MUG = ItemId.of("mug");

  @Test
  @DisplayName("purchases make a best seller the first recommendation for a newcomer, and a tent buyer"
      + " is offered the sleeping bag other tent buyers bought ahead of a more popular unrelated item")
  void issueScenario() {
    try (InMemoryPersonalize personalize = InMemoryPersonalize.create()) {
      personalize.catalog().upsertItems(List.of(
          Item.builder(TENT).categoryL1("Outdoor").price(249).build(),
          Item.builder(SLEEPING_BAG).categoryL1("Outdoor").price(89).build(),
          Item.builder(PHONE).categoryL1("Electronics").price(699).build(),
          Item.builder(MUG).categoryL1("Kitchen").price(9).build()));
      EventSink events = personalize.eventSink();
      Recommender recommender = personalize.recommender();

      for (int i = 0; i < 12; i++) {
        events.record(Interaction.of(UserId.of("phone-buyer-" + i), PHONE, EventType.PURCHASE));
      }
      for (int i = 0; i < 3; i++) {
        events.record(Interaction.of(UserId.of("mug-buyer-" + i), MUG, EventType.PURCHASE));
      }
      assertThat(recommender.forUser(UserId.of("newcomer")).itemIds()).first().isEqualTo(PHONE);

      for (int i = 0; i < 4; i++) {
        UserId camper = UserId.of("camper-" + i);
        events.record(Interaction.of(camper, TENT, EventType.PURCHASE));
        events.record(Interaction.of(camper, SLEEPING_BAG, EventType.PURCHASE));
      }
      UserId customer = UserId.of("customer");
      events.record(Interaction.of(customer, TENT, EventType.PURCHASE));

      List<ItemId> forCustomer = recommender.forUser(customer).itemIds();
      assertThat(forCustomer).first().isEqualTo(SLEEPING_BAG);
      assertThat(forCustomer.indexOf(SLEEPING_BAG)).isLessThan(forCustomer.indexOf(PHONE));
      assertThat(recommender.forUser(UserId.of("another-newcomer")).itemIds()).first().isEqualTo(PHONE);
    }
  }
}
