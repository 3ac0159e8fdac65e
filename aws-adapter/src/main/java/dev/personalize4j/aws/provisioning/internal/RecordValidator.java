package dev.personalize4j.aws.provisioning.internal;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.aws.provisioning.Field;
import dev.personalize4j.aws.provisioning.FieldType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks records' attribute values against declared schema fields. */
public final class RecordValidator {
  private RecordValidator() {}

  /**
   * Validates {@code attributes} of the record {@code what} (e.g. {@code item 42}) against the
   * declared metadata {@code fields} of {@code dataset}.
   *
   * @throws IllegalArgumentException naming the record, the field and the mismatch
   */
  public static void validate(String what, String dataset, List<Field> fields, Map<String, AttributeValue> attributes) {
    Map<String, Field> byName = fields.stream().collect(Collectors.toMap(Field::name, f -> f));
    attributes.forEach((name, value) -> {
      Field f = byName.get(name);
      if (f == null) {
        throw new IllegalArgumentException(what + " has field " + name + " which the " + dataset
            + " schema does not declare (declared: " + fields.stream().map(Field::name).toList() + ")");
      }
      check(what, f, value);
    });
    for (Field f : fields) {
      if (f.required() && !attributes.containsKey(f.name())) {
        throw new IllegalArgumentException(
            what + " lacks the required " + dataset + " field " + f.name() + " (" + f.type() + ")");
      }
    }
  }

  /** Validates one value against its field's type. */
  public static void check(String what, Field f, AttributeValue value) {
    String prefix = what + " field " + f.name() + " must be ";
    switch (f.type()) {
      case CATEGORICAL, STRING -> {
        if (!(value instanceof AttributeValue.Categorical)) {
          throw new IllegalArgumentException(prefix + "categorical but was " + kind(value));
        }
      }
      case BOOLEAN -> {
        if (!(value instanceof AttributeValue.Categorical c)
            || c.values().size() != 1
            || !(c.values().get(0).equals("True") || c.values().get(0).equals("False"))) {
          throw new IllegalArgumentException(prefix + "the categorical value True or False but was "
              + (value instanceof AttributeValue.Categorical ? "'" + value.render() + "'" : kind(value)));
        }
      }
      case TEXTUAL -> {
        if (!(value instanceof AttributeValue.Textual)) {
          throw new IllegalArgumentException(prefix + "textual but was " + kind(value));
        }
      }
      case INT, LONG, FLOAT, DOUBLE -> {
        if (!(value instanceof AttributeValue.Numeric n)) {
          throw new IllegalArgumentException(prefix + "numeric (" + f.type() + ") but was " + kind(value));
        }
        checkRange(prefix, f.type(), n.value());
      }
      default -> throw new IllegalStateException("unknown field type " + f.type());
    }
  }

  private static void checkRange(String prefix, FieldType type, double v) {
    switch (type) {
      case INT -> {
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(prefix + "an INT (a whole number between " + Integer.MIN_VALUE
              + " and " + Integer.MAX_VALUE + ") but was " + v);
        }
      }
      case LONG -> {
        if (v != Math.rint(v) || v < -0x1p63 || v >= 0x1p63) {
          throw new IllegalArgumentException(prefix + "a LONG (a whole 64-bit number) but was " + v);
        }
      }
      case FLOAT -> {
        if (Math.abs(v) > Float.MAX_VALUE) {
          throw new IllegalArgumentException(prefix + "a FLOAT (at most " + Float.MAX_VALUE + " in magnitude) but was " + v);
        }
      }
      default -> {
      }
    }
  }

  private static String kind(AttributeValue v) {
    if (v instanceof AttributeValue.Categorical) {
      return "categorical";
    }
    if (v instanceof AttributeValue.Numeric) {
      return "numeric";
    }
    return "textual";
  }
}
