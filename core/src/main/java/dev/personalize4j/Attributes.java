package dev.personalize4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Shared building and validation of metadata maps for {@link User} and {@link Item}. */
final class Attributes {
  private static final Set<String> RESERVED =
      Set.of("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE", "IMPRESSION", "RECOMMENDATION_ID");

  private final String owner;
  private final int max;
  private final LinkedHashMap<String, AttributeValue> values = new LinkedHashMap<>();

  Attributes(String owner, int max) {
    this.owner = owner;
    this.max = max;
  }

  void put(String name, AttributeValue value) {
    AttributeValue.validateName(owner + " attribute name", name);
    Objects.requireNonNull(value, "value");
    if (RESERVED.contains(name.toUpperCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException(
          owner + " attribute name must not be the reserved field " + name);
    }
    String collision = Check.collision(values.keySet(), name);
    if (collision != null) {
      throw new IllegalArgumentException(owner + " attribute name " + name + " collides with " + collision
          + " (field names must differ in more than case and '_')");
    }
    values.put(name, value);
    if (values.size() > max) {
      values.remove(name);
      throw new IllegalArgumentException(
          owner + " attributes must have at most " + max + " entries but had " + (max + 1));
    }
  }

  void putAll(Map<String, AttributeValue> all) {
    all.forEach(this::put);
  }

  Map<String, AttributeValue> build() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
