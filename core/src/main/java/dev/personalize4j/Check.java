package dev.personalize4j;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation helpers whose messages name the field, the problem and the limit. */
final class Check {
  private Check() {}

  static String id(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty (1 to " + Limits.MAX_ID_LENGTH + " characters)");
    }
    if (value.length() > Limits.MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be at most " + Limits.MAX_ID_LENGTH + " characters but was " + value.length());
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.equals("null")) {
      throw new IllegalArgumentException(
          field + " must not be the literal \"null\" (Amazon Personalize ignores such records)");
    }
    return value;
  }

  static String length(String field, String value, int min, int max) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty() && min > 0) {
      throw new IllegalArgumentException(
          field + " must not be empty (" + min + " to " + max + " characters)");
    }
    if (value.length() < min) {
      throw new IllegalArgumentException(
          field + " must be at least " + min + " characters but was " + value.length());
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters but was " + value.length());
    }
    return value;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be between " + min + " and " + max + " but was " + value);
    }
    return value;
  }

  static void size(String field, int size, int max) {
    if (size > max) {
      throw new IllegalArgumentException(
          field + " must have at most " + max + " entries but had " + size);
    }
  }

  static String pattern(String field, String value, Pattern pattern, String rule) {
    Objects.requireNonNull(value, field);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must " + rule + " but was '" + abbreviate(value) + "'");
    }
    return value;
  }

  static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 37) + "...";
  }

  private static final Pattern CONTEXT_KEY = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern FILTER_PARAM = Pattern.compile("[A-Za-z0-9_]+");

  static void context(Map<String, String> context) {
    size("context", context.size(), Limits.MAX_CONTEXT_ENTRIES);
    context.forEach((k, v) -> {
      length("context key", k, 1, Limits.MAX_CONTEXT_KEY_LENGTH);
      pattern("context key", k, CONTEXT_KEY, "contain only letters, digits and '_'");
      length("context value for " + k, v, 0, Limits.MAX_CONTEXT_VALUE_LENGTH);
    });
  }

  static void filter(String field, Optional<String> filterName, Map<String, List<String>> values) {
    filterName.ifPresent(n -> length(field + "Name", n, 1, Limits.MAX_ID_LENGTH));
    if (filterName.isEmpty() && !values.isEmpty()) {
      throw new IllegalArgumentException(field + "Values must not be set without a " + field + "Name");
    }
    size(field + "Values", values.size(), Limits.MAX_FILTER_VALUES);
    values.forEach((k, v) -> {
      length(field + " parameter", k, 1, Limits.MAX_FILTER_PARAMETER_LENGTH);
      pattern(field + " parameter", k, FILTER_PARAM, "contain only letters, digits and '_' (no '$')");
      if (v.isEmpty()) {
        throw new IllegalArgumentException(field + " parameter " + k + " must have at least 1 value");
      }
      for (String value : v) {
        Objects.requireNonNull(value, field + " parameter " + k + " value");
      }
      int rendered = FilterValues.render(v).length();
      if (rendered > Limits.MAX_FILTER_VALUE_LENGTH) {
        throw new IllegalArgumentException(field + " parameter " + k + " must render to at most "
            + Limits.MAX_FILTER_VALUE_LENGTH + " characters but was " + rendered);
      }
    });
  }

  static void metadataColumns(List<String> columns) {
    size("metadataColumns", columns.size(), Limits.MAX_METADATA_COLUMNS);
    for (String c : columns) {
      length("metadata column", c, 1, Limits.MAX_ATTRIBUTE_NAME_LENGTH);
    }
  }

  /**
   * Returns a name among {@code existing}, other than {@code name} itself, that Personalize treats as
   * the same schema field ({@code GENRES_FIELD_1} and {@code GenresField1} collide), or null.
   */
  static String collision(Iterable<String> existing, String name) {
    String normal = normalName(name);
    for (String other : existing) {
      if (!other.equals(name) && normalName(other).equals(normal)) {
        return other;
      }
    }
    return null;
  }

  private static String normalName(String name) {
    return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether every value list is already an unmodifiable copy that callers cannot change. */
  static boolean valuesCopied(Map<String, List<String>> values) {
    for (List<String> v : values.values()) {
      if (v != List.copyOf(v)) {
        return false;
      }
    }
    return true;
  }

  static Map<String, List<String>> copyValues(Map<String, List<String>> values) {
    Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(
        Objects.requireNonNull(k, "filterValues key"),
        List.copyOf(Objects.requireNonNull(v, "filterValues value for " + k))));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
