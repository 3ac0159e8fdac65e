package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test-side JSON checker must itself reject what is not JSON, or the properties tests prove nothing. */
class JsonCheckerTest {

  @Test
  void acceptsFlatObjects() {
    assertThat(JsonChecker.parseFlatObject("{}")).isEmpty();
    assertThat(JsonChecker.parseFlatObject("{\"a\":\"x\\\"y\\u0001\",\"b\":-1.5e3,\"c\":0}"))
        .isEqualTo(Map.of("a", "x\"y\u0001", "b", "-1.5e3", "c", "0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{\"a\":}", "{\"a\":\"x}", "{\"a\":\"\n\"}", "{\"a\":01}", "{\"a\":1.}",
      "{\"a\":\"\\x\"}", "{\"a\":1,\"a\":2}", "{\"a\":1}x", "{a:1}", "{\"a\":\"\uD800\"}", "{\"a\":NaN}"})
  void rejectsWhatIsNotJson(String text) {
    assertThatThrownBy(() -> JsonChecker.parseFlatObject(text)).isInstanceOf(IllegalStateException.class);
  }
}
