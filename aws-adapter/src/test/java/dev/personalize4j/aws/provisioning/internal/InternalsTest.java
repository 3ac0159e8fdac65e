package dev.personalize4j.aws.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalsTest {
  @Test
  void backoffGrowsExponentiallyAndIsCapped() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0);
    assertThat(List.of(b.delay(0), b.delay(1), b.delay(2), b.delay(3), b.delay(4), b.delay(60))).containsExactly(
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
        Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
        .hasMessage("max poll interval must be at least the initial PT2S but was PT1S");
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2))
        .hasMessage("initial poll interval must be positive but was PT0S");
  }

  @Test
  void schemaJsonParsesSchemaDocuments() {
    Object v = SchemaJson.parse(" {\"a\": [1, 2.50, \"x\\\"y\\u0041\"], \"b\": {\"c\": true, \"d\": null}} ");
    assertThat(v).isInstanceOf(Map.class);
    assertThat(v.toString()).isEqualTo("{a=[1, 2.5, x\"yA], b={c=true, d=Optional.empty}}");
    assertThatThrownBy(() -> SchemaJson.parse("{\"a\":1,}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid JSON");
    assertThatThrownBy(() -> SchemaJson.parse("{\"a\":"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid JSON");
  }

  @Test
  void schemaDiffIgnoresFormattingAndNamesDifferences() {
    String declared = "{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"ns\",\"fields\":["
        + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"PRICE\",\"type\":\"float\"}],\"version\":\"1.0\"}";
    String reformatted = "{\n  \"name\": \"Items\", \"type\": \"record\", \"namespace\": \"ns\", \"version\": \"1.0\",\n"
        + "  \"fields\": [ {\"type\": \"string\", \"name\": \"ITEM_ID\"}, {\"name\": \"PRICE\", \"type\": \"float\"} ]\n}";
    assertThat(SchemaDiff.difference(reformatted, declared)).isEmpty();
    String other = declared.replace("\"float\"", "\"double\"").replace("}],", "},{\"name\":\"X\",\"type\":\"int\"}],");
    assertThat(SchemaDiff.difference(other, declared)).contains(
        "field PRICE is {\"name\":\"PRICE\",\"type\":\"double\"} but declared {\"name\":\"PRICE\",\"type\":\"float\"};"
            + " field X exists but is not declared");
    String reordered = "{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"ns\",\"fields\":["
        + "{\"name\":\"PRICE\",\"type\":\"float\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"}],\"version\":\"1.0\"}";
    assertThat(SchemaDiff.difference(reordered, declared)).contains(
        "field order is [PRICE, ITEM_ID] but declared [ITEM_ID, PRICE]");
  }

  @Test
  void namesFollowPersonalizeRules() {
    assertThat(Names.validate("solution name", "a-b_1")).isEqualTo("a-b_1");
    assertThatThrownBy(() -> Names.validate("solution name", "x".repeat(64)))
        .hasMessageStartingWith("solution name must be 1 to 63 characters but was 64");
    assertThatThrownBy(() -> Names.validate("filter name", "a b"))
        .hasMessage("filter name must start with a letter or digit and contain only letters, digits, '-' and '_' but was 'a b'");
  }
}
