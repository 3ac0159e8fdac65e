package dev.personalize4j;

/**
 * Identifies a user in Amazon Personalize: 1 to 256 characters, not blank and not the literal
 * {@code "null"}.
 *
 * @param value the raw id
 */
public record UserId(String value) implements Comparable<UserId> {
  /** Validates the id; see the type's description for the rules. */
  public UserId {
    Check.id("userId", value);
  }

  /**
   * Returns the id for {@code value}.
   *
   * @throws IllegalArgumentException if the value breaks a Personalize id rule
   */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
