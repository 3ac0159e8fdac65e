package dev.personalize4j.testing.emulator.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Personalize's dataset types, by their canonical (upper-case) ARN spelling. */
final class DatasetType {
  static final String INTERACTIONS = "INTERACTIONS";
  static final String ITEMS = "ITEMS";
  static final String USERS = "USERS";
  static final String ACTIONS = "ACTIONS";
  static final String ACTION_INTERACTIONS = "ACTION_INTERACTIONS";
  static final List<String> ALL = List.of(INTERACTIONS, ITEMS, USERS, ACTIONS, ACTION_INTERACTIONS);

  private DatasetType() {}

  /** The type for a datasetType request value or a schema record name, case-insensitively. */
  static Optional<String> of(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return ALL.contains(upper) ? Optional.of(upper) : Optional.empty();
  }

  /** The API spelling, e.g. {@code Interactions}. */
  static String display(String type) {
    return switch (type) {
      case INTERACTIONS -> "Interactions";
      case ITEMS -> "Items";
      case USERS -> "Users";
      case ACTIONS -> "Actions";
      default -> "Action_Interactions";
    };
  }
}
