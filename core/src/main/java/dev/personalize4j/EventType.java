package dev.personalize4j;

/**
 * The kind of an interaction, such as a view or a purchase. Well-known types are constants; any
 * other name of 1 to 256 characters is a custom type. Personalize matches event types
 * case-insensitively in filters, so {@link #equals} here is exact but {@link #matches} is not.
 *
 * @param name the event type as sent to Personalize
 */
public record EventType(String name) {
  /** A product was viewed (the ECOMMERCE domain's {@code View}). */
  public static final EventType VIEW = new EventType("View");
  /** A product was clicked. */
  public static final EventType CLICK = new EventType("Click");
  /** A product was added to the cart. */
  public static final EventType ADD_TO_CART = new EventType("AddToCart");
  /** A product was bought (the ECOMMERCE domain's {@code Purchase}). */
  public static final EventType PURCHASE = new EventType("Purchase");

  /** Validates the name: 1 to 256 characters, not blank. */
  public EventType {
    Check.length("eventType", name, 1, Limits.MAX_EVENT_TYPE_LENGTH);
    if (name.isBlank()) {
      throw new IllegalArgumentException("eventType must not be blank");
    }
  }

  /** Returns the event type called {@code name}, well-known or custom. */
  public static EventType of(String name) {
    return new EventType(name);
  }

  /** Whether this type has the same name as {@code other}, ignoring case as Personalize filters do. */
  public boolean matches(String other) {
    return name.equalsIgnoreCase(other);
  }

  @Override
  public String toString() {
    return name;
  }
}
