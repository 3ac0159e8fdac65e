package dev.personalize4j.aws.provisioning;

import dev.personalize4j.AttributeValue;
import java.util.Objects;

/**
 * One declared metadata field of a dataset: its schema name, its {@link FieldType} and whether records
 * must carry it (optional fields become {@code ["null", type]} unions).
 *
 * @param name the schema field name, e.g. {@code CATEGORY_L1}
 * @param type the field type
 * @param required whether every record must have a value
 */
public record Field(String name, FieldType type, boolean required) {
  /** Validates the name by Personalize's field-name rules. */
  public Field {
    AttributeValue.validateName("field name", name);
    Objects.requireNonNull(type, "type");
  }

  /** Returns a field every record must carry. */
  public static Field required(String name, FieldType type) {
    return new Field(name, type, true);
  }

  /** Returns a field records may leave empty. */
  public static Field optional(String name, FieldType type) {
    return new Field(name, type, false);
  }

  @Override
  public String toString() {
    return name + " " + type + (required ? "" : " (optional)");
  }
}
