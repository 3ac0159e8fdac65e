package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** USER_ID, ITEM_ID and sessionId: 1 to 256 characters (personalize-api.md B.1 and D). */
class IdTest {

  static Stream<Arguments> ids() {
    return Stream.of(
        Arguments.of("userId", (Function<String, Object>) UserId::of, (Function<Object, String>) o -> ((UserId) o).value()),
        Arguments.of("itemId", (Function<String, Object>) ItemId::of, (Function<Object, String>) o -> ((ItemId) o).value()),
        Arguments.of("sessionId", (Function<String, Object>) SessionId::of, (Function<Object, String>) o -> ((SessionId) o).value()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void acceptsOneCharacter(String field, Function<String, Object> factory, Function<Object, String> value) {
    assertThat(value.apply(factory.apply("a"))).isEqualTo("a");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void acceptsExactly256Characters(String field, Function<String, Object> factory, Function<Object, String> value) {
    String max = "x".repeat(256);
    assertThat(value.apply(factory.apply(max))).isEqualTo(max);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void rejects257Characters(String field, Function<String, Object> factory, Function<Object, String> value) {
    assertThatThrownBy(() -> factory.apply("x".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(field + " must be at most 256 characters but was 257");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void rejectsEmpty(String field, Function<String, Object> factory, Function<Object, String> value) {
    assertThatThrownBy(() -> factory.apply(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " must not be empty")
        .hasMessageContaining("256");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void rejectsBlank(String field, Function<String, Object> factory, Function<Object, String> value) {
    assertThatThrownBy(() -> factory.apply(" \t "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(field + " must not be blank");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void rejectsLiteralNull(String field, Function<String, Object> factory, Function<Object, String> value) {
    assertThatThrownBy(() -> factory.apply("null"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " must not be the literal \"null\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void otherCasingsOfNullAreOrdinaryIds(String field, Function<String, Object> factory, Function<Object, String> value) {
    assertThat(value.apply(factory.apply("NULL"))).isEqualTo("NULL");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void rejectsNullWithTheFieldName(String field, Function<String, Object> factory, Function<Object, String> value) {
    assertThatNullPointerException().isThrownBy(() -> factory.apply(null)).withMessage(field);
  }

  @Test
  void idsAreValuesOrderedByTheirString() {
    assertThat(UserId.of("a")).isEqualTo(new UserId("a")).hasSameHashCodeAs(UserId.of("a"));
    assertThat(UserId.of("a")).isLessThan(UserId.of("b"));
    assertThat(ItemId.of("b")).isGreaterThan(ItemId.of("a"));
    assertThat(SessionId.of("a").compareTo(SessionId.of("a"))).isZero();
    assertThat(ItemId.of("sku-1")).hasToString("sku-1");
  }

  @Test
  void idTypesWithTheSameValueAreNotEqual() {
    assertThat((Object) UserId.of("same")).isNotEqualTo(SessionId.of("same"));
  }

  @Test
  void eventTypeAcceptsOneTo256Characters() {
    assertThat(EventType.of("v").name()).isEqualTo("v");
    assertThat(EventType.of("e".repeat(256)).name()).hasSize(256);
  }

  @Test
  void eventTypeRejects257Characters() {
    assertThatThrownBy(() -> EventType.of("e".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventType must be at most 256 characters but was 257");
  }

  @Test
  void eventTypeRejectsEmpty() {
    assertThatThrownBy(() -> EventType.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventType must not be empty (1 to 256 characters)");
  }

  @Test
  void eventTypeRejectsBlank() {
    assertThatThrownBy(() -> EventType.of("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventType must not be blank");
  }

  @Test
  void eventTypeRejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> EventType.of(null)).withMessage("eventType");
  }

  @Test
  void eventTypeMatchesIgnoringCaseButEqualsExactly() {
    assertThat(EventType.of("purchase")).isNotEqualTo(EventType.PURCHASE);
    assertThat(EventType.PURCHASE.matches("PURCHASE")).isTrue();
    assertThat(EventType.VIEW.matches("Click")).isFalse();
    assertThat(EventType.of("View")).isEqualTo(EventType.VIEW);
    assertThat(EventType.ADD_TO_CART).hasToString("AddToCart");
  }
}
