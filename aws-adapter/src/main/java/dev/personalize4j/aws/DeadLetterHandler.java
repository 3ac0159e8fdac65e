package dev.personalize4j.aws;

import dev.personalize4j.Interaction;
import dev.personalize4j.PersonalizeException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives events the sink could not deliver: rejected as invalid by the service, still failing
 * after every retry, or still pending when the sink closed. Called on the sink's sender thread (or
 * the closing thread); it should return quickly and must not throw.
 */
@FunctionalInterface
public interface DeadLetterHandler {

  /**
   * Handles undeliverable events.
   *
   * @param interactions the events, with their timestamps and event ids as they were sent
   * @param cause why they could not be delivered; {@link PersonalizeException#isRetryable()} tells a
   *     transient failure (retries exhausted, closed while pending) from a rejection
   */
  void deadLetter(List<Interaction> interactions, PersonalizeException cause);

  /** The default: logs a WARN per call with the event ids and the reason, never the properties. */
  static DeadLetterHandler logging() {
    Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
    return (interactions, cause) -> log.warn("{} event(s) dead-lettered ({}): eventIds={}",
        interactions.size(), cause.getMessage(),
        interactions.stream().map(i -> i.eventId().orElse("-")).toList());
  }
}
