package dev.personalize4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The typed value of a user or item metadata field: categorical (one or more strings), numeric or
 * textual. The field types map one-to-one onto Personalize's schema types, so a schema generated
 * from these values and the records sent to it cannot disagree.
 */
public sealed interface AttributeValue
    permits AttributeValue.Categorical, AttributeValue.Numeric, AttributeValue.Textual {

  /** Field names: a letter, then letters, digits or underscores (Avro and Personalize rules). */
  Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** The value as Personalize's record properties and CSV files carry it. */
  String render();

  /**
   * Returns one or more category values; multiple values are sent joined by {@code |}.
   *
   * @throws IllegalArgumentException if a value is empty, longer than 1000 characters or contains
   *     {@code |}
   */
  static Categorical categorical(String... values) {
    return new Categorical(Arrays.asList(Objects.requireNonNull(values, "categorical values")));
  }

  /** Returns a numeric value. */
  static Numeric numeric(double value) {
    return new Numeric(value);
  }

  /** Returns free text (Personalize's {@code textual} field; one per Items dataset). */
  static Textual textual(String text) {
    return new Textual(text);
  }

  /**
   * Returns the camelCase key under which Personalize expects {@code fieldName} in a record's
   * {@code properties} JSON: {@code CATEGORY_L1} becomes {@code categoryL1}.
   */
  static String propertyKey(String fieldName) {
    validateName("fieldName", fieldName);
    StringBuilder out = new StringBuilder(fieldName.length());
    boolean upperNext = false;
    for (int i = 0; i < fieldName.length(); i++) {
      char c = fieldName.charAt(i);
      if (c == '_') {
        upperNext = out.length() > 0;
        continue;
      }
      if (out.length() == 0) {
        out.append(Character.toLowerCase(c));
      } else if (upperNext) {
        out.append(Character.toUpperCase(c));
      } else {
        out.append(Character.toLowerCase(c));
      }
      upperNext = false;
    }
    return out.toString();
  }

  /**
   * Returns the JSON object Personalize expects as a record's {@code properties} string: keys in
   * camelCase ({@link #propertyKey}), numeric values as JSON numbers, all others as JSON strings
   * (multi-valued categorical values joined by {@code |}).
   */
  static String propertiesJson(java.util.Map<String, AttributeValue> fields) {
    return Json.properties(fields);
  }

  /**
   * Validates a metadata field name.
   *
   * @throws IllegalArgumentException if the name breaks Personalize's field-name rules
   */
  static String validateName(String field, String name) {
    Objects.requireNonNull(name, field);
    Check.length(field, name, 1, Limits.MAX_ATTRIBUTE_NAME_LENGTH);
    return Check.pattern(field, name, NAME, "start with a letter and contain only letters, digits and '_'");
  }

  /**
   * One or more category values.
   *
   * @param values the values, in order
   */
  record Categorical(List<String> values) implements AttributeValue {
    /** Validates and copies the values. */
    public Categorical {
      Objects.requireNonNull(values, "categorical values");
      for (String v : values) {
        Objects.requireNonNull(v, "categorical value");
      }
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("categorical value must have at least 1 value");
      }
      for (String v : values) {
        Check.length("categorical value", v, 1, Limits.MAX_CATEGORICAL_VALUE_LENGTH);
        if (v.indexOf('|') >= 0) {
          throw new IllegalArgumentException(
              "categorical value must not contain '|' (the multi-value separator) but was '" + Check.abbreviate(v) + "'");
        }
      }
      String joined = String.join("|", values);
      if (joined.length() > Limits.MAX_CATEGORICAL_VALUE_LENGTH) {
        throw new IllegalArgumentException(
            "categorical value must be at most " + Limits.MAX_CATEGORICAL_VALUE_LENGTH
                + " characters joined but was " + joined.length());
      }
    }

    @Override
    public String render() {
      return String.join("|", values);
    }
  }

  /**
   * A number.
   *
   * @param value the number; finite
   */
  record Numeric(double value) implements AttributeValue {
    /** Rejects NaN and infinities, which Personalize cannot store. */
    public Numeric {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("numeric value must be finite but was " + value);
      }
    }

    @Override
    public String render() {
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      return Double.toString(value).toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Free text, e.g. a product description.
   *
   * @param text the text
   */
  record Textual(String text) implements AttributeValue {
    /** Validates the length. */
    public Textual {
      Check.length("textual value", text, 1, Limits.MAX_TEXTUAL_VALUE_LENGTH);
    }

    @Override
    public String render() {
      return text;
    }
  }
}
