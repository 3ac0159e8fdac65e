package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Users and Items datasets: metadata fields, reserved names and counts (personalize-api.md D, E). */
class UserItemTest {

  @Test
  void userAcceptsExactly25Attributes() {
    User.Builder b = User.builder(UserId.of("u1"));
    for (int i = 0; i < 25; i++) {
      b.numeric("F" + i, i);
    }
    assertThat(b.build().attributes()).hasSize(25);
  }

  @Test
  void userRejectsA26thAttributeAndStaysUsable() {
    User.Builder b = User.builder(UserId.of("u1"));
    for (int i = 0; i < 25; i++) {
      b.numeric("F" + i, i);
    }
    assertThatThrownBy(() -> b.categorical("ONE_TOO_MANY", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user attributes must have at most 25 entries but had 26");
    b.numeric("F0", 100);
    User u = b.build();
    assertThat(u.attributes()).hasSize(25).doesNotContainKey("ONE_TOO_MANY");
    assertThat(u.numeric("F0")).hasValue(100);
  }

  @Test
  void itemAcceptsExactly100AttributesAndRejectsThe101st() {
    Item.Builder b = Item.builder(ItemId.of("i1"));
    for (int i = 0; i < 100; i++) {
      b.categorical("F" + i, "v");
    }
    assertThat(b.build().attributes()).hasSize(100);
    assertThatThrownBy(() -> b.numeric("EXTRA", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item attributes must have at most 100 entries but had 101");
  }

  @ParameterizedTest
  @ValueSource(strings = {"USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE", "IMPRESSION",
      "RECOMMENDATION_ID", "user_id", "Item_Id"})
  void reservedFieldNamesAreRejected(String name) {
    assertThatThrownBy(() -> User.builder(UserId.of("u")).categorical(name, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user attribute name must not be the reserved field " + name);
    assertThatThrownBy(() -> Item.builder(ItemId.of("i")).numeric(name, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item attribute name must not be the reserved field " + name);
  }

  @Test
  void attributeNamesFollowThePatternAndLengthLimit() {
    assertThatThrownBy(() -> User.builder(UserId.of("u")).numeric("1AGE", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("user attribute name must start with a letter");
    assertThat(Item.builder(ItemId.of("i")).numeric("N".repeat(150), 1).build().attributes()).hasSize(1);
    assertThatThrownBy(() -> Item.builder(ItemId.of("i")).numeric("N".repeat(151), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item attribute name must be at most 150 characters but was 151");
  }

  @Test
  void attributeNamesMustNotCollideAsSchemaFields() {
    User.Builder b = User.builder(UserId.of("u")).categorical("GENRES_FIELD_1", "x");
    assertThatThrownBy(() -> b.categorical("GENRESFIELD1", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user attribute name GENRESFIELD1 collides with GENRES_FIELD_1"
            + " (field names must differ in more than case and '_')");
    assertThatThrownBy(() -> Item.builder(ItemId.of("i")).price(1).numeric("price", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("item attribute name price collides with PRICE");
    assertThat(b.categorical("GENRES_FIELD_1", "replaced").build().categorical("GENRES_FIELD_1")).contains("replaced");
  }

  @Test
  void attributeValueMustNotBeNull() {
    assertThatNullPointerException().isThrownBy(() -> User.builder(UserId.of("u")).attribute("AGE", null));
    assertThatNullPointerException().isThrownBy(() -> User.builder(null));
    assertThatNullPointerException().isThrownBy(() -> Item.of(null));
    assertThatNullPointerException().isThrownBy(() -> Item.builder(ItemId.of("i")).creationTime(null))
        .withMessage("creationTime");
    assertThatNullPointerException().isThrownBy(() -> Item.builder(ItemId.of("i")).categoryL1((String[]) null))
        .withMessage("categorical values");
  }

  @Test
  void itemPriceMustBeFiniteAndNotNegative() {
    assertThat(Item.builder(ItemId.of("i")).price(0).build().price()).hasValue(0);
    for (double bad : new double[] {-0.01, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> Item.builder(ItemId.of("i")).price(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("price must be a finite number >= 0 but was " + bad);
    }
  }

  @Test
  void itemAccessorsReadTheEcommerceFields() {
    Instant created = Instant.parse("2024-05-01T10:15:30Z");
    Item item = Item.builder(ItemId.of("sku-1"))
        .price(9.99)
        .categoryL1("shoes", "men")
        .categoryL2("running")
        .categoryL3("trail")
        .creationTime(created)
        .description("Light trail shoe")
        .build();
    assertThat(item.price()).hasValue(9.99);
    assertThat(item.categoryL1()).contains("shoes");
    assertThat(item.firstCategorical(Item.CATEGORY_L2)).contains("running");
    assertThat(item.firstCategorical(Item.CATEGORY_L3)).contains("trail");
    assertThat(item.firstCategorical(Item.PRICE)).isEmpty();
    assertThat(item.creationTime()).contains(created);
    assertThat(item.attribute(Item.CREATION_TIMESTAMP)).contains(AttributeValue.numeric(1714558530));
    assertThat(item.description()).contains("Light trail shoe");
    assertThat(item.attributes().keySet()).containsExactly(
        "PRICE", "CATEGORY_L1", "CATEGORY_L2", "CATEGORY_L3", "CREATION_TIMESTAMP", "PRODUCT_DESCRIPTION");
  }

  @Test
  void emptyItemHasNoOptionalFields() {
    Item item = Item.of(ItemId.of("sku-1"));
    assertThat(item.price()).isEmpty();
    assertThat(item.categoryL1()).isEmpty();
    assertThat(item.creationTime()).isEmpty();
    assertThat(item.description()).isEmpty();
    assertThat(item.attribute("X")).isEmpty();
  }

  @Test
  void userAccessorsReadTypedValues() {
    User user = User.builder(UserId.of("u1")).categorical("GENDER", "f").numeric("AGE", 31).build();
    assertThat(user.id()).isEqualTo(UserId.of("u1"));
    assertThat(user.categorical("GENDER")).contains("f");
    assertThat(user.categorical("AGE")).isEmpty();
    assertThat(user.numeric("AGE")).hasValue(31);
    assertThat(user.numeric("GENDER")).isEmpty();
    assertThat(user.attribute("MISSING")).isEmpty();
  }

  @Test
  void usersAreEqualByIdAndAttributes() {
    User a = User.builder(UserId.of("u1")).categorical("TIER", "gold").numeric("AGE", 30).build();
    User same = User.builder(UserId.of("u1")).categorical("TIER", "gold").numeric("AGE", 30).build();
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a).isNotEqualTo(User.builder(UserId.of("u1")).categorical("TIER", "silver").numeric("AGE", 30).build());
    assertThat(a).isNotEqualTo(User.builder(UserId.of("u2")).categorical("TIER", "gold").numeric("AGE", 30).build());
    assertThat(a).isNotEqualTo(User.of(UserId.of("u1")));
    assertThat(a).isNotEqualTo("u1");
  }

  @Test
  void itemsAreEqualByIdAndAttributes() {
    Item a = Item.builder(ItemId.of("i1")).price(5).categoryL1("hats").build();
    Item same = Item.builder(ItemId.of("i1")).price(5).categoryL1("hats").build();
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a).isNotEqualTo(Item.builder(ItemId.of("i1")).price(6).categoryL1("hats").build());
    assertThat(a).isNotEqualTo(Item.builder(ItemId.of("i2")).price(5).categoryL1("hats").build());
    assertThat(a).isNotEqualTo(Item.of(ItemId.of("i1")));
  }

  @Test
  void toBuilderCopiesAndLeavesTheOriginalUnchanged() {
    User original = User.builder(UserId.of("u1")).numeric("AGE", 30).build();
    User changed = original.toBuilder().numeric("AGE", 31).categorical("TIER", "gold").build();
    assertThat(original.numeric("AGE")).hasValue(30);
    assertThat(original.attributes()).hasSize(1);
    assertThat(changed.numeric("AGE")).hasValue(31);
    assertThat(changed.id()).isEqualTo(original.id());

    Item item = Item.builder(ItemId.of("i1")).price(1).build();
    Item repriced = item.toBuilder().price(2).build();
    assertThat(item.price()).hasValue(1);
    assertThat(repriced.price()).hasValue(2);
  }

  @Test
  void attributeMapsAreUnmodifiableAndBuildersDoNotLeak() {
    User.Builder b = User.builder(UserId.of("u1")).numeric("AGE", 30);
    User first = b.build();
    b.numeric("HEIGHT", 180);
    assertThat(first.attributes()).containsOnlyKeys("AGE");
    assertThatThrownBy(() -> first.attributes().put("X", AttributeValue.numeric(1)))
        .isInstanceOf(UnsupportedOperationException.class);
    Item item = Item.builder(ItemId.of("i")).price(1).build();
    assertThatThrownBy(() -> item.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void userToStringNeverPrintsAttributeValues() {
    User user = User.builder(UserId.of("u1"))
        .categorical("EMAIL_DOMAIN", "s3cr3t-value")
        .numeric("INCOME", 987654.25)
        .attribute("NOTE", AttributeValue.textual("top-secret-note"))
        .build();
    assertThat(user.toString())
        .contains("u1", "EMAIL_DOMAIN", "INCOME", "NOTE", "redacted")
        .doesNotContain("s3cr3t-value", "987654", "top-secret-note");
  }

  @Test
  void itemToStringNamesTheFields() {
    assertThat(Item.builder(ItemId.of("sku-9")).price(3).build().toString()).contains("sku-9", "PRICE");
  }
}
