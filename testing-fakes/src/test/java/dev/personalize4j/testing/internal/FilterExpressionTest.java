package dev.personalize4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterExpressionTest {
  static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  Engine engine;
  long second;

  @BeforeEach
  void setUp() {
    engine = new Engine(Clock.fixed(NOW, ZoneOffset.UTC));
    engine.putItem(Item.builder(ItemId.of("tent")).categoryL1("outdoor").price(200).build());
    engine.putItem(Item.builder(ItemId.of("bag")).categoryL1("outdoor").price(80).build());
    engine.putItem(Item.builder(ItemId.of("phone")).categoryL1("electronics").price(500).build());
    engine.putItem(Item.builder(ItemId.of("cable")).categoryL1("electronics", "accessories").price(10).build());
    engine.putItem(Item.builder(ItemId.of("novel")).categoryL1("books").price(15).build());
    engine.putItem(Item.builder(ItemId.of("bare")).build());
    record("u", "tent", EventType.PURCHASE);
    record("u", "phone", EventType.VIEW);
    record("u", "novel", EventType.of("click"));
  }

  void record(String user, String item, EventType type) {
    engine.record(Interaction.builder().userId(UserId.of(user)).itemId(ItemId.of(item))
        .eventType(type).timestamp(NOW.plusSeconds(second++)).build());
  }

  List<String> matching(String expression, Map<String, List<String>> values) {
    return matching(expression, Optional.of("u"), Optional.empty(), values);
  }

  List<String> matching(String expression, Optional<String> user, Optional<String> current,
      Map<String, List<String>> values) {
    ItemFilter f = FilterExpression.parse(expression).bind(engine, user, current, values);
    return engine.items().stream().map(i -> i.id().value()).filter(f::test).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\"); bag cable novel phone bare",
      "exclude itemid where interactions.event_type in (\"purchase\"); bag cable novel phone bare",
      "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"PURCHASE\", \"view\"); bag cable novel bare",
      "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\"); bag cable bare",
      "INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Click\"); novel",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"outdoor\"); bag tent",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"Outdoor\"); ''",
      "include itemid where items.category_l1 in (\"outdoor\"); bag tent",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"accessories\"); cable",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 NOT IN (\"outdoor\", \"books\"); bare cable phone",
      "EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"outdoor\"); bare cable novel phone",
      "INCLUDE ItemID WHERE Items.PRICE <= 80; bag cable novel",
      "INCLUDE ItemID WHERE Items.PRICE < 80; cable novel",
      "INCLUDE ItemID WHERE Items.PRICE > 200; phone",
      "INCLUDE ItemID WHERE Items.PRICE >= 200; phone tent",
      "INCLUDE ItemID WHERE Items.PRICE = 15; novel",
      "INCLUDE ItemID WHERE Items.PRICE != 15; bag cable phone tent",
      "INCLUDE ItemID WHERE Items.PRICE = \"15\"; novel",
      "INCLUDE ItemID WHERE Items.PRICE > 50 AND Items.CATEGORY_L1 IN (\"outdoor\"); bag tent",
      "INCLUDE ItemID WHERE Items.PRICE > 300 OR Items.CATEGORY_L1 IN (\"books\"); novel phone",
      "INCLUDE ItemID WHERE Items.PRICE < 20 AND (Items.CATEGORY_L1 IN (\"books\") OR Items.PRICE < 11); cable novel",
      "INCLUDE ItemID WHERE Items.PRICE < 20 AND Items.CATEGORY_L1 IN (\"books\") OR Items.PRICE > 300; novel phone",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"outdoor\") | INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"books\"); bag novel tent",
      "EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"outdoor\") | EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"books\"); bare cable phone",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"outdoor\") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\"); bag",
      "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\") | INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"outdoor\"); bag",
      "INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"view\") OR Interactions.EVENT_TYPE IN (\"click\"); novel phone",
  })
  void evaluates(String expression, String expected) {
    List<String> want = expected.isBlank() ? List.of() : List.of(expected.trim().split(" +"));
    assertThat(matching(expression, Map.of())).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  @DisplayName("binds placeholders in IN lists and comparisons")
  void placeholders() {
    FilterExpression f = FilterExpression.parse(
        "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CATEGORY) AND Items.PRICE <= $PRICE");
    assertThat(f.parameters()).containsExactly("CATEGORY", "PRICE");
    assertThat(f.expression()).startsWith("INCLUDE");
    assertThat(matching(f.expression(), Map.of("CATEGORY", List.of("outdoor", "books"), "PRICE", List.of("100"))))
        .containsExactlyInAnyOrder("bag", "novel");
    assertThat(matching("INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($A, \"books\")", Map.of("A", List.of("outdoor"))))
        .containsExactlyInAnyOrder("bag", "tent", "novel");
  }

  @Test
  @DisplayName("a missing INCLUDE placeholder is an error naming it")
  void missingInclude() {
    assertThatThrownBy(() -> matching("INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CATEGORY)", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$CATEGORY");
  }

  @Test
  @DisplayName("a missing EXCLUDE placeholder skips that condition")
  void missingExclude() {
    assertThat(matching("EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CATEGORY)", Map.of())).hasSize(6);
    assertThat(matching("EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CATEGORY) OR Items.PRICE > 300", Map.of()))
        .doesNotContain("phone").hasSize(5);
    assertThat(matching("EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($C) | EXCLUDE ItemID WHERE Items.PRICE > $P",
        Map.of("P", List.of("100")))).containsExactlyInAnyOrder("bag", "cable", "novel", "bare");
  }

  @Test
  @DisplayName("a non-numeric value for a comparison is an error")
  void notANumber() {
    assertThatThrownBy(() -> matching("INCLUDE ItemID WHERE Items.PRICE <= $PRICE", Map.of("PRICE", List.of("cheap"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cheap").hasMessageContaining("number");
  }

  @Test
  @DisplayName("CurrentItem values compare with the related item's attributes")
  void currentItem() {
    assertThat(matching("INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (CurrentItem.CATEGORY_L1)",
        Optional.empty(), Optional.of("tent"), Map.of())).containsExactlyInAnyOrder("tent", "bag");
    assertThat(matching("INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE",
        Optional.empty(), Optional.of("tent"), Map.of())).containsExactlyInAnyOrder("bag", "cable", "novel");
    assertThatThrownBy(() -> matching("INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current item");
  }

  @Test
  @DisplayName("interaction conditions without a user match nothing")
  void noUser() {
    assertThat(matching("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\")", Optional.empty(), Optional.empty(), Map.of()))
        .hasSize(6);
    assertThat(matching("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\")", Optional.empty(), Optional.empty(), Map.of()))
        .isEmpty();
  }

  @Test
  @DisplayName("only the 100 most recent interactions per event type count")
  void recentHundred() {
    for (int i = 0; i < 101; i++) {
      engine.putItem(Item.builder(ItemId.of("v" + i)).categoryL1("x").build());
      record("heavy", "v" + i, EventType.VIEW);
    }
    ItemFilter f = FilterExpression.parse("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"View\")")
        .bind(engine, Optional.of("heavy"), Optional.empty(), Map.of());
    assertThat(f.test("v0")).isTrue();
    assertThat(f.test("v1")).isFalse();
    assertThat(f.test("v100")).isFalse();
  }

  @Test
  @DisplayName("a bound filter sees events recorded after parsing")
  void realTime() {
    FilterExpression f = FilterExpression.parse("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")");
    assertThat(f.bind(engine, Optional.of("u"), Optional.empty(), Map.of()).test("bag")).isTrue();
    record("u", "bag", EventType.PURCHASE);
    assertThat(f.bind(engine, Optional.of("u"), Optional.empty(), Map.of()).test("bag")).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "'   '; blank",
      "ItemID WHERE Items.PRICE > 1; expected INCLUDE or EXCLUDE",
      "INCLUDE WHERE Items.PRICE > 1; expected ItemID",
      "INCLUDE ItemID Items.PRICE > 1; expected WHERE",
      "EXCLUDE UserID WHERE Users.AGE > 1; not supported",
      "INCLUDE ItemID WHERE Products.PRICE > 1; unknown dataset 'Products'",
      "INCLUDE ItemID WHERE Users.AGE > 1; Users dataset is not supported",
      "INCLUDE ItemID WHERE Items.PRICE > 1 AND Interactions.EVENT_TYPE IN (\"View\"); cannot mix Items and Interactions",
      "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"View\") OR Items.PRICE > 1; cannot mix Interactions and Items",
      "INCLUDE ItemID WHERE (Items.PRICE > 1; unbalanced parentheses",
      "INCLUDE ItemID WHERE Items.PRICE > 1); unbalanced parentheses",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"a\", \"b\"; unbalanced parentheses",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"a); unterminated string",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (); at least one value",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (shoes); double quotes",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 LIKE (\"a\"); expected an operator",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 NOT (\"a\"); expected IN after NOT",
      "INCLUDE ItemID WHERE Items.PRICE <= cheap; needs a number",
      "INCLUDE ItemID WHERE Items.PRICE <= \"cheap\"; needs a number",
      "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"*\"); '*' is only allowed",
      "INCLUDE ItemID WHERE Interactions.ITEM_ID IN (\"a\"); only Interactions.EVENT_TYPE",
      "INCLUDE ItemID WHERE Interactions.EVENT_TYPE NOT IN (\"a\"); supports only IN",
      "INCLUDE ItemID WHERE PRICE > 1; expected <Dataset>.<FIELD>",
      "INCLUDE ItemID WHERE CurrentItem.PRICE > 1; may only appear as a value",
      "EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE = $AGE; IF CurrentUser conditions are not supported",
      "INCLUDE ItemID WHERE Items.PRICE > 1 |; expected INCLUDE or EXCLUDE",
      "INCLUDE ItemID WHERE Items.PRICE > 1 Items.PRICE < 5; expected AND, OR",
      "INCLUDE ItemID WHERE Items.PRICE > $; without a placeholder name",
      "INCLUDE ItemID WHERE Items.PRICE ! 1; '!' without '='",
      "INCLUDE ItemID WHERE Items.PRICE > 1 # 2; unexpected character '#'",
  })
  void rejects(String expression, String message) {
    assertThatThrownBy(() -> FilterExpression.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("rejects expressions over 2500 characters and filters over 10 fields")
  void limits() {
    String longOne = "INCLUDE ItemID WHERE Items.A IN (\"" + "x".repeat(2500) + "\")";
    assertThatThrownBy(() -> FilterExpression.parse(longOne)).hasMessageContaining("at most 2500 characters");
    StringBuilder many = new StringBuilder("INCLUDE ItemID WHERE Items.F0 IN (\"a\")");
    for (int i = 1; i <= 10; i++) {
      many.append(" OR Items.F").append(i).append(" IN (\"a\")");
    }
    assertThatThrownBy(() -> FilterExpression.parse(many.toString())).hasMessageContaining("at most 10 distinct fields");
  }
}
