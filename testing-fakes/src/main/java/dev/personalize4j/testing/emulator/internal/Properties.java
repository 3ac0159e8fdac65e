package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personalize4j.AttributeValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code properties} JSON string of a PutEvents/PutItems/PutUsers record (camelCase keys)
 * and CSV cells into typed attributes keyed by schema field name.
 */
final class Properties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Fields that have their own member or column and are never stored as attributes. */
  static final Set<String> RESERVED =
      Set.of("USER_ID", "ITEM_ID", "ACTION_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE", "IMPRESSION", "RECOMMENDATION_ID",
          "EVENT_ATTRIBUTION_SOURCE");
  private static final Set<String> FORBIDDEN_EVENT_KEYS =
      Set.of("userid", "sessionid", "eventtype", "timestamp", "recommendationid", "impression");

  private Properties() {}

  /**
   * Parses {@code json}, maps keys to schema fields ({@code schema} empty: camelCase to UPPER_SNAKE)
   * and types the values.
   */
  static Map<String, AttributeValue> parse(String field, String json, Optional<Schema> schema, boolean event) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (Exception e) {
      throw ApiException.invalidInput(field + " must be a JSON object in a string but could not be parsed");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.invalidInput(field + " must be a JSON object in a string");
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (var e : root.properties()) {
      String key = e.getKey();
      if (event && FORBIDDEN_EVENT_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
        throw ApiException.invalidInput(field + " must not contain the reserved key " + key + " (it has its own member)");
      }
      Optional<Schema.Field> f = schema.flatMap(s -> s.byPropertyKey(key));
      if (schema.isPresent() && f.isEmpty()) {
        throw ApiException.invalidInput(field + " key " + key + " matches no field of the dataset's schema "
            + schema.get().fields.stream().map(x -> AttributeValue.propertyKey(x.name())).toList());
      }
      String name = f.map(Schema.Field::name).orElseGet(() -> upperSnake(key));
      if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
        throw ApiException.invalidInput(field + " must not contain the reserved field " + key);
      }
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      if (!v.isValueNode()) {
        throw ApiException.invalidInput(field + " value of " + key + " must be a string, number or boolean");
      }
      out.put(name, value(field + " value of " + key, v.isNumber() ? null : v.asText(), v.isNumber() ? v.doubleValue() : null, f));
    }
    return out;
  }

  /** A CSV cell (or JSON text) typed by its schema field. */
  static AttributeValue value(String what, String text, Double number, Optional<Schema.Field> field) {
    try {
      if (field.isPresent() && field.get().numeric()) {
        if (number != null) {
          return AttributeValue.numeric(number);
        }
        try {
          return AttributeValue.numeric(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
          throw ApiException.invalidInput(what + " must be a number (field type " + field.get().type() + ") but was '" + text + "'");
        }
      }
      if (number != null) {
        return field.isEmpty() ? AttributeValue.numeric(number) : AttributeValue.categorical(numberText(number));
      }
      if (field.isPresent() && field.get().textual()) {
        return AttributeValue.textual(text);
      }
      return AttributeValue.categorical(Arrays.stream(text.split("\\|", -1)).toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidInput(what + ": " + e.getMessage());
    }
  }

  private static String numberText(double d) {
    return AttributeValue.numeric(d).render();
  }

  /** {@code categoryL1} → {@code CATEGORY_L1}. */
  static String upperSnake(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean boundary = i > 0 && ((Character.isUpperCase(c) && !Character.isUpperCase(key.charAt(i - 1)))
          || (Character.isDigit(c) && !Character.isDigit(key.charAt(i - 1))));
      if (boundary) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
