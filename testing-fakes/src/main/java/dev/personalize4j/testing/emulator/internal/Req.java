package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed, validating access to one JSON object of a request. Every problem becomes an
 * InvalidInputException naming the member, the problem and the limit; JSON nulls count as absent.
 */
final class Req {
  static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");

  private final ObjectNode node;
  private final String path;

  Req(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static Req of(JsonNode node, String path) {
    if (!(node instanceof ObjectNode o)) {
      throw ApiException.serialization((path.isEmpty() ? "request body" : path) + " must be a JSON object");
    }
    return new Req(o, path);
  }

  ObjectNode node() {
    return node;
  }

  private String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private JsonNode get(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  Optional<String> str(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ApiException.serialization(field(name) + " must be a string but was " + v.getNodeType());
    }
    return Optional.of(v.textValue());
  }

  Optional<String> str(String name, int min, int max) {
    Optional<String> s = str(name);
    s.ifPresent(v -> length(field(name), v, min, max));
    return s;
  }

  String required(String name, int min, int max) {
    return str(name, min, max).orElseThrow(() -> ApiException.invalidInput(field(name) + " is required"));
  }

  String requiredName(String name) {
    String v = required(name, 1, 63);
    if (!NAME.matcher(v).matches()) {
      throw ApiException.invalidInput(field(name) + " must match [a-zA-Z0-9][a-zA-Z0-9\\-_]* (1 to 63 characters) but was '" + v + "'");
    }
    return v;
  }

  String requiredArn(String name) {
    return required(name, 1, 256);
  }

  Optional<Integer> integer(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw ApiException.serialization(field(name) + " must be an integer but was " + v);
    }
    return Optional.of(v.intValue());
  }

  Optional<Double> number(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isNumber()) {
      throw ApiException.serialization(field(name) + " must be a number but was " + v.getNodeType());
    }
    return Optional.of(v.doubleValue());
  }

  Optional<Boolean> bool(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw ApiException.serialization(field(name) + " must be a boolean but was " + v.getNodeType());
    }
    return Optional.of(v.booleanValue());
  }

  /** Epoch seconds as a JSON number, with or without a fraction (1733318401 and 1733318401.000 alike). */
  Optional<Instant> timestamp(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isNumber()) {
      throw ApiException.serialization(field(name) + " must be epoch seconds as a number but was " + v.getNodeType());
    }
    try {
      BigDecimal seconds = v.decimalValue();
      long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Optional.of(Instant.ofEpochSecond(whole, nanos));
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw ApiException.invalidInput(field(name) + " must be epoch seconds within the supported range but was " + v);
    }
  }

  Optional<Req> obj(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    return Optional.of(Req.of(v, field(name)));
  }

  Optional<List<JsonNode>> list(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isArray()) {
      throw ApiException.serialization(field(name) + " must be a list but was " + v.getNodeType());
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return Optional.of(out);
  }

  Optional<List<String>> strings(String name, int maxEntries, int maxLength) {
    Optional<List<JsonNode>> raw = list(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (raw.get().size() > maxEntries) {
      throw ApiException.invalidInput(field(name) + " must have at most " + maxEntries + " entries but had " + raw.get().size());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : raw.get()) {
      if (!e.isTextual()) {
        throw ApiException.serialization(field(name) + " entries must be strings but one was " + e.getNodeType());
      }
      length(field(name) + " entry", e.textValue(), 1, maxLength);
      out.add(e.textValue());
    }
    return Optional.of(out);
  }

  Map<String, String> stringMap(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw ApiException.serialization(field(name) + " must be a map but was " + v.getNodeType());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : v.properties()) {
      if (!e.getValue().isTextual()) {
        throw ApiException.serialization(field(name) + "." + e.getKey() + " must be a string but was " + e.getValue().getNodeType());
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  static void length(String field, String value, int min, int max) {
    if (value.length() < min) {
      throw ApiException.invalidInput(field + " must be at least " + min + " characters but was " + value.length());
    }
    if (value.length() > max) {
      throw ApiException.invalidInput(field + " must be at most " + max + " characters but was " + value.length());
    }
  }
}
