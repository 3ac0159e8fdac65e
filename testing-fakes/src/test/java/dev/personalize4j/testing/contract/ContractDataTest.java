package dev.personalize4j.testing.contract;

import static dev.personalize4j.testing.contract.ContractData.BEST_SELLER;
import static dev.personalize4j.testing.contract.ContractData.BOOK_CLUB_PICK;
import static dev.personalize4j.testing.contract.ContractData.COLD_ITEM;
import static dev.personalize4j.testing.contract.ContractData.SLEEPING_BAG;
import static dev.personalize4j.testing.contract.ContractData.TENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.internal.FilterExpression;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the facts documented on {@link ContractData} true. */
class ContractDataTest {
  final ContractData data = ContractData.standard();

  @Test
  @DisplayName("has the documented sizes and categories")
  void sizes() {
    assertThat(data.items()).hasSize(50);
    assertThat(data.users()).hasSize(32);
    assertThat(data.interactions()).hasSize(236);
    for (String c : ContractData.CATEGORIES) {
      assertThat(data.itemIds(c)).hasSize(10);
    }
    assertThat(data.items()).allSatisfy(i -> assertThat(i.price()).isPresent());
    assertThat(data.users()).allSatisfy(u -> assertThat(u.attributes()).containsKeys("AGE", "GENDER", "MEMBERSHIP"));
    assertThat(data.filters().values()).allSatisfy(FilterExpression::parse);
  }

  @Test
  @DisplayName("interactions are in time order with fixed timestamps and unique event ids")
  void timestamps() {
    assertThat(data.interactions().get(0).timestamp()).contains(ContractData.START);
    assertThat(data.end()).isEqualTo(ContractData.START.plus(ContractData.STEP.multipliedBy(235)));
    assertThat(data.interactions().stream().map(i -> i.eventId().orElseThrow()).distinct()).hasSize(236);
    assertThat(data.interactions()).allSatisfy(i -> assertThat(data.item(i.itemId())).isPresent());
  }

  @Test
  @DisplayName("the best seller has the most events and purchases, the book club pick is second")
  void popularity() {
    Map<ItemId, Long> events = data.interactions().stream()
        .collect(Collectors.groupingBy(Interaction::itemId, Collectors.counting()));
    Map<ItemId, Long> purchases = data.interactions().stream().filter(i -> i.eventType().equals(EventType.PURCHASE))
        .collect(Collectors.groupingBy(Interaction::itemId, Collectors.counting()));
    assertThat(events.get(BEST_SELLER)).isEqualTo(24);
    assertThat(purchases.get(BEST_SELLER)).isEqualTo(12);
    assertThat(events.get(BOOK_CLUB_PICK)).isEqualTo(20);
    assertThat(purchases.get(BOOK_CLUB_PICK)).isEqualTo(10);
    events.forEach((item, n) -> {
      if (!item.equals(BEST_SELLER) && !item.equals(BOOK_CLUB_PICK)) {
        assertThat(n).as("events of %s", item).isLessThan(20);
      }
    });
    assertThat(events).doesNotContainKey(COLD_ITEM);
  }

  @Test
  @DisplayName("exactly user-01 to user-06 bought the tent, and all of them the sleeping bag")
  void tentBuyers() {
    Function<ItemId, Set<UserId>> buyers = item -> data.interactions().stream()
        .filter(i -> i.itemId().equals(item) && i.eventType().equals(EventType.PURCHASE))
        .map(i -> i.userId().orElseThrow()).collect(Collectors.toSet());
    Set<UserId> expected = Set.of("user-01", "user-02", "user-03", "user-04", "user-05", "user-06").stream()
        .map(UserId::of).collect(Collectors.toSet());
    assertThat(buyers.apply(TENT)).isEqualTo(expected);
    assertThat(buyers.apply(SLEEPING_BAG)).isEqualTo(expected);
    assertThat(data.purchasedBy(ContractData.TENT_BUYER)).containsExactly(TENT, SLEEPING_BAG);
  }

  @Test
  @DisplayName("newcomers and the unknown user have no events")
  void newcomers() {
    assertThat(data.interactions()).noneSatisfy(i -> assertThat(i.userId().orElseThrow())
        .isIn(ContractData.YOUNG_NEWCOMER, ContractData.SENIOR_NEWCOMER, ContractData.UNKNOWN_USER));
    assertThat(data.users()).extracting(u -> u.id()).contains(ContractData.YOUNG_NEWCOMER, ContractData.SENIOR_NEWCOMER)
        .doesNotContain(ContractData.UNKNOWN_USER);
  }
}
