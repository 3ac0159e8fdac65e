package dev.personalize4j.aws.provisioning.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation of Personalize resource names. */
public final class Names {
  /** Personalize's name pattern: 1 to 63 characters, starting with a letter or digit. */
  public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
  /** Maximum length of a resource name. */
  public static final int MAX_LENGTH = 63;

  private Names() {}

  /**
   * Validates a resource name.
   *
   * @throws IllegalArgumentException naming {@code field}, the problem and the limit
   */
  public static String validate(String field, String name) {
    Objects.requireNonNull(name, field);
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be 1 to " + MAX_LENGTH + " characters but was " + name.length() + " ('" + name + "')");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(field + " must start with a letter or digit and contain only letters,"
          + " digits, '-' and '_' but was '" + name + "'");
    }
    return name;
  }
}
