package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personalize4j.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A validated Personalize Avro schema (personalize-api.md §E): a flat record of typed fields. */
final class Schema {
  static final int MAX_LENGTH = 20_000;
  private static final Set<String> TYPES = Set.of("float", "double", "int", "long", "string", "boolean", "null");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One field: its non-null Avro type, whether null is allowed, and the Personalize flags. */
  record Field(String name, String type, boolean nullable, boolean categorical, boolean textual) {
    boolean numeric() {
      return type.equals("float") || type.equals("double") || type.equals("int") || type.equals("long");
    }
  }

  final String recordName;
  final List<Field> fields;
  private final Map<String, Field> byUpperName = new HashMap<>();
  private final Map<String, Field> byPropertyKey = new HashMap<>();

  private Schema(String recordName, List<Field> fields) {
    this.recordName = recordName;
    this.fields = List.copyOf(fields);
    for (Field f : fields) {
      byUpperName.put(f.name().toUpperCase(Locale.ROOT), f);
      byPropertyKey.put(AttributeValue.propertyKey(f.name()).toLowerCase(Locale.ROOT), f);
    }
  }

  Optional<Field> field(String name) {
    return Optional.ofNullable(byUpperName.get(name.toUpperCase(Locale.ROOT)));
  }

  /** The field behind a camelCase properties key ({@code categoryL1} → {@code CATEGORY_L1}). */
  Optional<Field> byPropertyKey(String key) {
    return Optional.ofNullable(byPropertyKey.get(key.toLowerCase(Locale.ROOT)));
  }

  /** The dataset type this schema's record name stands for, if it names one. */
  Optional<String> datasetType() {
    return DatasetType.of(recordName);
  }

  /** Parses and validates {@code json}; {@code domain} adds the domain's required fields. */
  static Schema parse(String json, Optional<String> domain) {
    if (json.length() > MAX_LENGTH) {
      throw ApiException.invalidInput("schema must be at most " + MAX_LENGTH + " characters but was " + json.length());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (Exception e) {
      throw ApiException.invalidInput("schema is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw ApiException.invalidInput("schema must be an Avro record (a JSON object)");
    }
    if (!"record".equals(root.path("type").asText(null))) {
      throw ApiException.invalidInput("schema type must be \"record\"");
    }
    String name = root.path("name").isTextual() ? root.path("name").textValue() : "";
    if (name.isEmpty()) {
      throw ApiException.invalidInput("schema must have a record name (e.g. \"Interactions\", \"Items\" or \"Users\")");
    }
    JsonNode fieldsNode = root.get("fields");
    if (fieldsNode == null || !fieldsNode.isArray() || fieldsNode.isEmpty()) {
      throw ApiException.invalidInput("schema must have a non-empty \"fields\" list");
    }
    List<Field> fields = new ArrayList<>();
    Map<String, String> normalized = new LinkedHashMap<>();
    for (JsonNode f : fieldsNode) {
      Field field = field(f);
      String norm = field.name().replace("_", "").toUpperCase(Locale.ROOT);
      String clash = normalized.putIfAbsent(norm, field.name());
      if (clash != null) {
        throw ApiException.invalidInput("schema field names must be unique ignoring case and '_': "
            + clash + " and " + field.name() + " collide");
      }
      fields.add(field);
    }
    Schema schema = new Schema(name, fields);
    schema.datasetType().ifPresent(t -> schema.checkFor(t, domain));
    return schema;
  }

  private static Field field(JsonNode f) {
    if (!f.isObject()) {
      throw ApiException.invalidInput("schema fields must be objects with a name and a type");
    }
    String name = f.path("name").isTextual() ? f.path("name").textValue() : "";
    if (!AttributeValue.NAME.matcher(name).matches() || name.length() > 150) {
      throw ApiException.invalidInput("schema field name must start with a letter, contain only letters, digits and '_'"
          + " and be at most 150 characters but was '" + name + "'");
    }
    JsonNode type = f.get("type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isTextual()) {
      types.add(type.textValue());
    } else if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!t.isTextual()) {
          throw ApiException.invalidInput("schema field " + name + " must be flat: nested records, arrays and maps are not supported");
        }
        types.add(t.textValue());
      }
    } else {
      throw ApiException.invalidInput("schema field " + name + " must be flat: its type must be a primitive type name or a union of them");
    }
    for (String t : types) {
      if (!TYPES.contains(t)) {
        throw ApiException.invalidInput("schema field " + name + " has type '" + t + "'; allowed are " + new java.util.TreeSet<>(TYPES));
      }
    }
    boolean nullable = types.contains("null");
    List<String> nonNull = types.stream().filter(t -> !t.equals("null")).distinct().toList();
    if (nonNull.size() != 1) {
      throw ApiException.invalidInput("schema field " + name + " must have exactly one non-null type but had " + nonNull);
    }
    String base = nonNull.get(0);
    boolean categorical = f.path("categorical").asBoolean(false);
    boolean textual = f.path("textual").asBoolean(false);
    if ((categorical || textual) && !base.equals("string")) {
      throw ApiException.invalidInput("schema field " + name + " is " + (categorical ? "categorical" : "textual")
          + " but only string fields can be");
    }
    if (categorical && textual) {
      throw ApiException.invalidInput("schema field " + name + " cannot be both categorical and textual");
    }
    return new Field(name, base, nullable, categorical, textual);
  }

  private void require(String name, String type, String datasetType) {
    Field f = field(name).filter(x -> x.name().equals(name)).orElseThrow(() -> ApiException.invalidInput(
        datasetType + " schema must have the field " + name + " of type " + type));
    boolean ok = type.equals("float") ? f.numeric() : f.type().equals(type) || (type.equals("long") && f.type().equals("int"));
    if (!ok) {
      throw ApiException.invalidInput(datasetType + " schema field " + name + " must be of type " + type + " but was " + f.type());
    }
  }

  private void checkFor(String datasetType, Optional<String> domain) {
    boolean ecommerce = domain.filter("ECOMMERCE"::equals).isPresent();
    long textualCount = fields.stream().filter(Field::textual).count();
    switch (datasetType) {
      case DatasetType.INTERACTIONS -> {
        require("USER_ID", "string", datasetType);
        require("ITEM_ID", "string", datasetType);
        require("TIMESTAMP", "long", datasetType);
        if (ecommerce) {
          require("EVENT_TYPE", "string", datasetType);
        }
        field("EVENT_TYPE").filter(Field::categorical).ifPresent(f -> {
          throw ApiException.invalidInput("Interactions schema field EVENT_TYPE must not be categorical");
        });
      }
      case DatasetType.ITEMS -> {
        require("ITEM_ID", "string", datasetType);
        if (ecommerce) {
          require("PRICE", "float", datasetType);
          require("CATEGORY_L1", "string", datasetType);
          if (!field("CATEGORY_L1").orElseThrow().categorical()) {
            throw ApiException.invalidInput("Items schema field CATEGORY_L1 must be categorical (\"categorical\": true)");
          }
        }
        if (fields.size() < 2) {
          throw ApiException.invalidInput("Items schema must have at least 1 metadata field besides ITEM_ID");
        }
        if (textualCount > 1) {
          throw ApiException.invalidInput("Items schema may have at most 1 textual field but had " + textualCount);
        }
      }
      case DatasetType.USERS -> {
        require("USER_ID", "string", datasetType);
        if (fields.size() < 2) {
          throw ApiException.invalidInput("Users schema must have at least 1 metadata field besides USER_ID");
        }
      }
      case DatasetType.ACTIONS -> require("ACTION_ID", "string", datasetType);
      case DatasetType.ACTION_INTERACTIONS -> {
        require("USER_ID", "string", datasetType);
        require("ACTION_ID", "string", datasetType);
        require("TIMESTAMP", "long", datasetType);
        require("EVENT_TYPE", "string", datasetType);
      }
      default -> { }
    }
    if (textualCount > 0 && !datasetType.equals(DatasetType.ITEMS)) {
      throw ApiException.invalidInput("textual fields are only allowed in an Items schema");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
