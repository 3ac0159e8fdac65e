package dev.personalize4j;

/**
 * Identifies a item in Amazon Personalize: 1 to 256 characters, not blank and not the literal
 * {@code "null"}.
 *
 * @param value the raw id
 */
public record ItemId(String value) implements Comparable<ItemId> {
  /** Validates the id; see the type's description for the rules. */
  public ItemId {
    Check.id("itemId", value);
  }

  /**
   * Returns the id for {@code value}.
   *
   * @throws IllegalArgumentException if the value breaks a Personalize id rule
   */
  public static ItemId of(String value) {
    return new ItemId(value);
  }

  @Override
  public int compareTo(ItemId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
