package dev.personalize4j.aws.provisioning.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Reads a schema document into plain values for structural comparison: objects become ordered
 * maps, arrays lists, numbers {@link BigDecimal}, and {@code null} {@link Optional#empty()}.
 * Parsing is the AWS SDK's own JSON reader (json-utils), which the SDK clients already bring.
 */
public final class SchemaJson {
  private SchemaJson() {}

  /**
   * Parses {@code json}.
   *
   * @throws IllegalArgumentException if it is not valid JSON
   */
  public static Object parse(String json) {
    JsonNode node;
    try {
      node = JsonNode.parser().parse(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
    return plain(node);
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.asObject().forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    if (node.isArray()) {
      return node.asArray().stream().map(SchemaJson::plain).toList();
    }
    if (node.isString()) {
      return node.asString();
    }
    if (node.isNumber()) {
      return new BigDecimal(node.asNumber()).stripTrailingZeros();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return Optional.empty();
  }
}
