package dev.personalize4j.aws.provisioning.internal;

import dev.personalize4j.Limits;
import dev.personalize4j.aws.provisioning.DatasetType;
import dev.personalize4j.aws.provisioning.Domain;
import dev.personalize4j.aws.provisioning.Field;
import dev.personalize4j.aws.provisioning.FieldType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates Personalize's Avro schemas from declared fields and enforces the schema rules: generated
 * id fields, required and reserved fields with their types, unions for optional fields, categorical
 * and textual flags, and the per-dataset limits.
 */
public final class AvroSchemas {
  /** The namespace of every Personalize schema. */
  public static final String NAMESPACE = "com.amazonaws.personalize.schema";
  /** Maximum length of a schema's JSON. */
  public static final int MAX_SCHEMA_LENGTH = 20_000;
  /** Maximum number of interaction metadata fields, excluding reserved ones. */
  public static final int MAX_INTERACTION_METADATA = 5;
  /** Maximum number of textual fields of an Items dataset. */
  public static final int MAX_TEXTUAL_FIELDS = 1;

  private static final Set<String> INTERACTION_ONLY =
      Set.of("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE", "IMPRESSION",
          "RECOMMENDATION_ID", "EVENT_ATTRIBUTION_SOURCE");

  private AvroSchemas() {}

  /** The fields Personalize requires that this generator adds itself, in schema order. */
  public static List<Field> generatedFields(DatasetType type) {
    return switch (type) {
      case INTERACTIONS -> List.of(
          Field.required("USER_ID", FieldType.STRING),
          Field.required("ITEM_ID", FieldType.STRING),
          Field.required("EVENT_TYPE", FieldType.STRING),
          Field.required("TIMESTAMP", FieldType.LONG));
      case ITEMS -> List.of(Field.required("ITEM_ID", FieldType.STRING));
      case USERS -> List.of(Field.required("USER_ID", FieldType.STRING));
    };
  }

  /**
   * The reserved fields a dataset may declare, with the types Personalize accepts for them; empty
   * when {@code name} is an ordinary metadata field.
   */
  public static Set<FieldType> reservedTypes(Domain domain, DatasetType type, String name) {
    switch (type) {
      case INTERACTIONS:
        return switch (name) {
          case "EVENT_VALUE" -> EnumSet.of(FieldType.FLOAT);
          case "IMPRESSION", "RECOMMENDATION_ID", "EVENT_ATTRIBUTION_SOURCE" -> EnumSet.of(FieldType.STRING);
          default -> Set.of();
        };
      case ITEMS:
        if (name.equals("CREATION_TIMESTAMP")) {
          return domain == Domain.ECOMMERCE ? EnumSet.of(FieldType.LONG, FieldType.FLOAT) : EnumSet.of(FieldType.LONG);
        }
        if (domain == Domain.ECOMMERCE) {
          return switch (name) {
            case "PRICE" -> EnumSet.of(FieldType.FLOAT);
            case "CATEGORY_L1", "CATEGORY_L2", "CATEGORY_L3", "AGE_GROUP", "GENDER" -> EnumSet.of(FieldType.CATEGORICAL);
            case "ADULT" -> EnumSet.of(FieldType.CATEGORICAL, FieldType.BOOLEAN);
            case "PRODUCT_DESCRIPTION" -> EnumSet.of(FieldType.TEXTUAL);
            default -> Set.of();
          };
        }
        return Set.of();
      default:
        return Set.of();
    }
  }

  /**
   * Validates the declared fields of a dataset and returns every schema field, generated ones first.
   *
   * @throws IllegalArgumentException naming the dataset, the field, the rule and the limit
   */
  public static List<Field> schemaFields(Domain domain, DatasetType type, List<Field> declared) {
    String ds = type.apiName();
    List<Field> all = new ArrayList<>(generatedFields(type));
    Map<String, String> seen = new HashMap<>();
    for (Field g : all) {
      seen.put(normalized(g.name()), g.name());
    }
    int metadata = 0;
    String textual = null;
    for (Field f : declared) {
      String name = f.name();
      if (generatedFields(type).stream().anyMatch(g -> g.name().equalsIgnoreCase(name))) {
        throw new IllegalArgumentException(ds + " field " + name
            + " must not be declared: it is generated automatically as a required field");
      }
      if (type != DatasetType.INTERACTIONS && INTERACTION_ONLY.contains(name.toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException(ds + " field " + name
            + " must not be declared: the name is reserved for the Interactions dataset");
      }
      String previous = seen.putIfAbsent(normalized(name), name);
      if (previous != null) {
        throw new IllegalArgumentException(ds + " field " + name + " collides with field " + previous
            + " (field names must differ ignoring case and '_')");
      }
      Set<FieldType> reserved = reservedTypes(domain, type, name);
      if (!reserved.isEmpty()) {
        if (!reserved.contains(f.type())) {
          throw new IllegalArgumentException(ds + " field " + name + " is a reserved field and must be of type "
              + (reserved.size() == 1 ? reserved.iterator().next() : "one of " + reserved) + " but was " + f.type());
        }
      } else {
        if (f.type() == FieldType.STRING) {
          throw new IllegalArgumentException(ds + " field " + name
              + " must be CATEGORICAL or TEXTUAL, not STRING: Personalize does not use plain strings"
              + " (STRING is only for IMPRESSION, RECOMMENDATION_ID and EVENT_ATTRIBUTION_SOURCE)");
        }
        metadata++;
      }
      if (f.type() == FieldType.TEXTUAL) {
        if (type != DatasetType.ITEMS) {
          throw new IllegalArgumentException(ds + " field " + name
              + " must not be TEXTUAL: textual fields are allowed only in the Items dataset");
        }
        if (textual != null) {
          throw new IllegalArgumentException("Items must have at most " + MAX_TEXTUAL_FIELDS
              + " textual field but declared " + textual + " and " + name);
        }
        textual = name;
      }
      all.add(f);
    }
    if (type != DatasetType.INTERACTIONS) {
      metadataCount(type, declared.size());
    } else if (metadata > MAX_INTERACTION_METADATA) {
      throw new IllegalArgumentException("Interactions must have at most " + MAX_INTERACTION_METADATA
          + " metadata fields (excluding reserved fields) but had " + metadata);
    }
    if (domain == Domain.ECOMMERCE && type == DatasetType.ITEMS) {
      requireDeclared(declared, "PRICE", FieldType.FLOAT);
      requireDeclared(declared, "CATEGORY_L1", FieldType.CATEGORICAL);
    }
    return List.copyOf(all);
  }

  private static void metadataCount(DatasetType type, int count) {
    int max = type == DatasetType.USERS ? Limits.MAX_USER_ATTRIBUTES : Limits.MAX_ITEM_ATTRIBUTES;
    if (count < 1) {
      throw new IllegalArgumentException(type.apiName() + " must have at least 1 metadata field but had 0");
    }
    if (count > max) {
      throw new IllegalArgumentException(
          type.apiName() + " must have at most " + max + " metadata fields but had " + count);
    }
  }

  private static void requireDeclared(List<Field> declared, String name, FieldType type) {
    Field f = declared.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("ECOMMERCE Items must declare the required field " + name + " (" + type + ")"));
    if (!f.required()) {
      throw new IllegalArgumentException(
          "ECOMMERCE Items field " + name + " is required by the domain and must not be optional");
    }
  }

  /**
   * Returns the schema JSON for a dataset: compact, fields in declaration order after the generated
   * ones, optional fields as {@code ["null", type]} unions.
   *
   * @throws IllegalArgumentException if the fields break a rule or the JSON exceeds 20000 characters
   */
  public static String generate(Domain domain, DatasetType type, List<Field> declared) {
    List<Field> fields = schemaFields(domain, type, declared);
    StringBuilder json = new StringBuilder(256);
    json.append("{\"type\":\"record\",\"name\":\"").append(type.apiName())
        .append("\",\"namespace\":\"").append(NAMESPACE).append("\",\"fields\":[");
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"name\":\"").append(f.name()).append("\",\"type\":");
      if (f.required()) {
        json.append('"').append(f.type().avroType()).append('"');
      } else {
        json.append("[\"null\",\"").append(f.type().avroType()).append("\"]");
      }
      if (f.type().isCategorical()) {
        json.append(",\"categorical\":true");
      } else if (f.type() == FieldType.TEXTUAL) {
        json.append(",\"textual\":true");
      }
      json.append('}');
    }
    json.append("],\"version\":\"1.0\"}");
    if (json.length() > MAX_SCHEMA_LENGTH) {
      throw new IllegalArgumentException(type.apiName() + " schema must be at most " + MAX_SCHEMA_LENGTH
          + " characters but was " + json.length());
    }
    return json.toString();
  }

  private static String normalized(String name) {
    return name.replace("_", "").toUpperCase(Locale.ROOT);
  }
}
