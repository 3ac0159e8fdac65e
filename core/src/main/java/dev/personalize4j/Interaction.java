package dev.personalize4j;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One thing a customer did with a product (viewed, clicked, bought...), as recorded through an
 * {@link EventSink} into Personalize's Interactions dataset. {@link #toString()} redacts properties.
 */
@Value.Immutable
@ValueStyle
public abstract class Interaction {
  private static final Set<String> FORBIDDEN_PROPERTY_KEYS =
      Set.of("userid", "sessionid", "eventtype", "timestamp", "recommendationid", "impression");

  Interaction() {}

  /**
   * Returns an interaction of a known user; the timestamp is set when it is recorded, from the
   * recording sink's clock.
   */
  public static Interaction of(UserId user, ItemId item, EventType type) {
    return builder().userId(user).itemId(item).eventType(type).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The known user, if any; an anonymous interaction has only a {@link #sessionId()}. */
  public abstract Optional<UserId> userId();

  /** The session, if any. Personalize requires one per call; adapters default it to the user id. */
  public abstract Optional<SessionId> sessionId();

  /** The product interacted with. */
  public abstract ItemId itemId();

  /** What happened. */
  public abstract EventType eventType();

  /** When it happened; empty until a sink stamps it at record time. */
  public abstract Optional<Instant> timestamp();

  /** A weight such as a rating or a price, if any. */
  public abstract OptionalDouble eventValue();

  /** The id of the recommendation that led here (at most 40 characters), for attribution. */
  public abstract Optional<String> recommendationId();

  /** The items shown to the user when this happened (at most 25). */
  public abstract List<ItemId> impressions();

  /**
   * Extra interaction fields keyed by schema field name (e.g. {@code DEVICE}); sent as camelCase
   * JSON of at most 1024 characters.
   */
  public abstract Map<String, AttributeValue> properties();

  /** A unique id for deduplication; sinks assign one at record time when absent. */
  public abstract Optional<String> eventId();

  /** The id Personalize groups events by: the session if set, else the user id. */
  public String sessionOrUser() {
    return sessionId().map(SessionId::value).orElseGet(() -> userId().orElseThrow().value());
  }

  /** The properties as the JSON string Personalize's PutEvents expects, if there are any. */
  public Optional<String> propertiesJson() {
    return properties().isEmpty() ? Optional.empty() : Optional.of(Json.properties(properties()));
  }

  /** Returns a copy stamped with {@code time} if it has no timestamp yet. */
  public Interaction stampedIfAbsent(Instant time, String newEventId) {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(newEventId, "newEventId");
    if (timestamp().isPresent() && eventId().isPresent()) {
      return this;
    }
    Builder b = new Builder();
    b.from(this);
    if (timestamp().isEmpty()) {
      b.timestamp(time);
    }
    if (eventId().isEmpty()) {
      b.eventId(newEventId);
    }
    return b.build();
  }

  /** Returns a copy that carries a served recommendation's id and impressions, for attribution. */
  public Interaction attributedTo(Recommendations served) {
    Builder b = new Builder();
    b.from(this);
    served.recommendationId().ifPresent(b::recommendationId);
    List<ItemId> shown = served.itemIds();
    b.impressions(shown.subList(0, Math.min(shown.size(), Limits.MAX_IMPRESSIONS)));
    return b.build();
  }

  @Value.Check
  void check() {
    if (userId().isEmpty() && sessionId().isEmpty()) {
      throw new IllegalArgumentException("interaction must have a userId or a sessionId");
    }
    eventValue().ifPresent(v -> {
      if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
        throw new IllegalArgumentException("eventValue must be a finite float but was " + v);
      }
    });
    recommendationId().ifPresent(r -> Check.length("recommendationId", r, 1, Limits.MAX_RECOMMENDATION_ID_LENGTH));
    Check.size("impressions", impressions().size(), Limits.MAX_IMPRESSIONS);
    eventId().ifPresent(id -> Check.length("eventId", id, 1, Limits.MAX_ID_LENGTH));
    List<String> seen = new java.util.ArrayList<>(properties().size());
    for (String key : properties().keySet()) {
      AttributeValue.validateName("properties key", key);
      String collision = Check.collision(seen, key);
      if (collision != null) {
        throw new IllegalArgumentException("properties key " + key + " collides with " + collision
            + " (field names must differ in more than case and '_')");
      }
      seen.add(key);
      String camel = AttributeValue.propertyKey(key).toLowerCase(Locale.ROOT);
      if (FORBIDDEN_PROPERTY_KEYS.contains(camel)) {
        throw new IllegalArgumentException(
            "properties key must not be the reserved field " + key + " (set it through its own field)");
      }
    }
    propertiesJson().ifPresent(json -> {
      if (json.length() > Limits.MAX_EVENT_PROPERTIES_LENGTH) {
        throw new IllegalArgumentException(
            "properties must serialise to at most " + Limits.MAX_EVENT_PROPERTIES_LENGTH
                + " characters but was " + json.length());
      }
    });
  }

  /** Prints ids, type and time; property values are redacted. */
  @Override
  public String toString() {
    return "Interaction{user=" + userId().map(UserId::value).orElse("-")
        + ", session=" + sessionId().map(SessionId::value).orElse("-")
        + ", item=" + itemId() + ", type=" + eventType()
        + ", timestamp=" + timestamp().map(Instant::toString).orElse("-")
        + ", properties=" + properties().keySet() + " (values redacted)}";
  }

  /** Builds an {@link Interaction}; {@link #build()} validates every Personalize limit. */
  public static final class Builder extends ImmutableInteraction.Builder {
    Builder() {}
  }
}
