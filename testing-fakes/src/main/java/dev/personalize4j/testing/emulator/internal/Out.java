package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Building response JSON: epoch-second timestamps, optional members left out rather than null. */
final class Out {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Out() {}

  static ObjectNode obj() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode arr() {
    return MAPPER.createArrayNode();
  }

  /** Epoch seconds with millisecond precision, as a JSON number. */
  static BigDecimal seconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
  }

  static void opt(ObjectNode node, String name, Optional<String> value) {
    value.ifPresent(v -> node.put(name, v));
  }

  static void nonNull(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
