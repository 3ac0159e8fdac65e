package dev.personalize4j;

import java.util.Collection;

/**
 * Records what customers do (views, clicks, purchases) so that recommendations react in real time.
 * {@link #record} never blocks on the network in production implementations; events are delivered,
 * retried, or handed to a dead-letter handler, never silently dropped.
 */
public interface EventSink extends AutoCloseable {

  /**
   * Records one interaction. A missing timestamp is set from the sink's clock and a missing event id
   * is assigned, once, here.
   *
   * @throws IllegalStateException if the sink is closed
   * @throws PersonalizeException if the sink cannot accept the event (e.g. its buffer is full)
   */
  void record(Interaction interaction);

  /** Records several interactions, in order. */
  default void recordAll(Collection<Interaction> interactions) {
    for (Interaction i : interactions) {
      record(i);
    }
  }

  /** Waits until every event recorded so far is delivered or dead-lettered. */
  void flush();

  /** Delivers pending events within the implementation's drain timeout, then releases resources. */
  @Override
  void close();
}
