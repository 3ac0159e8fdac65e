package dev.personalize4j;

/**
 * The three services of one Personalize setup, built together so that they share clients, clock
 * and cache invalidation: events recorded through {@link #eventSink()} are reflected at once by
 * {@link #recommender()}. Implemented by the AWS adapter and by the in-memory fakes, so tests can
 * swap one for the other.
 */
public interface Personalize extends AutoCloseable {
  /** Recommendations. */
  Recommender recommender();

  /** Live events. */
  EventSink eventSink();

  /** Items and users. */
  CatalogSync catalog();

  /** Flushes the event sink and releases every resource. */
  @Override
  void close();
}
