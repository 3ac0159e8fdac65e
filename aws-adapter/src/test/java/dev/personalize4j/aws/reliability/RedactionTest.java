package dev.personalize4j.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import org.junit.jupiter.api.Test;

/** {@code toString()} of the values that carry personal data names fields but never prints their values. */
class RedactionTest {

  @Test
  void userToStringRedactsAttributeValues() {
    User u = User.builder(UserId.of("u-1"))
        .categorical("MEMBERSHIP", "secret-gold-tier")
        .numeric("AGE", 4_815_162_342d)
        .attribute("BIO", AttributeValue.textual("secret free text about the customer"))
        .build();
    String s = u.toString();
    assertThat(s).contains("u-1", "MEMBERSHIP", "AGE", "BIO")
        .doesNotContain("secret-gold-tier", "4815162342", "secret free text");
    assertThat(String.valueOf(u)).isEqualTo(s);
  }

  @Test
  void interactionToStringRedactsPropertyValues() {
    Interaction i = Interaction.builder()
        .userId(UserId.of("u-1"))
        .itemId(ItemId.of("i-1"))
        .eventType(EventType.PURCHASE)
        .putProperties("DEVICE", AttributeValue.categorical("secret-device-model"))
        .putProperties("BASKET_VALUE", AttributeValue.numeric(271_828.5))
        .putProperties("NOTE", AttributeValue.textual("secret note"))
        .build();
    String s = i.toString();
    assertThat(s).contains("u-1", "i-1", "DEVICE", "BASKET_VALUE", "NOTE")
        .doesNotContain("secret-device-model", "271828", "secret note");
  }
}
