package dev.personalize4j.testing.internal;

/** Decides whether an item may appear in an {@link Engine} answer; a bound {@link FilterExpression}. */
@FunctionalInterface
public interface ItemFilter {
  /** Whether the item {@code itemId} passes. */
  boolean test(String itemId);

  /** The filter that lets every item pass. */
  static ItemFilter all() {
    return id -> true;
  }
}
