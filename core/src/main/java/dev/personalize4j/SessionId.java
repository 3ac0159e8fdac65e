package dev.personalize4j;

/**
 * Identifies a session in Amazon Personalize: 1 to 256 characters, not blank and not the literal
 * {@code "null"}.
 *
 * @param value the raw id
 */
public record SessionId(String value) implements Comparable<SessionId> {
  /** Validates the id; see the type's description for the rules. */
  public SessionId {
    Check.id("sessionId", value);
  }

  /**
   * Returns the id for {@code value}.
   *
   * @throws IllegalArgumentException if the value breaks a Personalize id rule
   */
  public static SessionId of(String value) {
    return new SessionId(value);
  }

  @Override
  public int compareTo(SessionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
