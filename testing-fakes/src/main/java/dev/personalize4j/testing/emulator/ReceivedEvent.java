package dev.personalize4j.testing.emulator;

import java.time.Instant;
import java.util.Optional;

/**
 * One event the emulator accepted through PutEvents, as it arrived on the wire.
 *
 * @param trackingId the event tracker's tracking id
 * @param sessionId the request's session id
 * @param userId the request's user id, if any
 * @param eventId the event's id (assigned by the emulator when the caller sent none)
 * @param eventType the event type as sent
 * @param itemId the item, if any
 * @param sentAt when the event happened
 * @param properties the properties JSON string as sent, if any
 * @param recommendationId the attributed recommendation id, if any
 */
public record ReceivedEvent(
    String trackingId,
    String sessionId,
    Optional<String> userId,
    String eventId,
    String eventType,
    Optional<String> itemId,
    Instant sentAt,
    Optional<String> properties,
    Optional<String> recommendationId) {}
