package dev.personalize4j;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An ordered list of recommended items with the recommendation id and where the answer came from,
 * so callers can tell a live answer from a cached, stale or fallback one.
 */
@Value.Immutable
@ValueStyle
public abstract class Recommendations {
  /** Where an answer came from. */
  public enum Source {
    /** Freshly computed by the backend. */
    LIVE,
    /** Served from the cache while still fresh. */
    CACHED,
    /** The last good answer, served because the backend failed. */
    STALE,
    /** From the fallback chain (e.g. popular items, or empty) because the backend failed. */
    FALLBACK
  }

  Recommendations() {}

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** An empty fallback answer served at {@code now}. */
  public static Recommendations empty(Source source, Instant now) {
    return builder().source(source).servedAt(now).build();
  }

  /** The recommended items, best first. */
  public abstract List<Recommendation> items();

  /** The id to echo into events for attribution, when the backend gave one. */
  public abstract Optional<String> recommendationId();

  /** Where this answer came from. */
  public abstract Source source();

  /** When this answer was produced by its source. */
  public abstract Instant servedAt();

  /** The item ids in order. */
  @Value.Derived
  @Value.Auxiliary
  public List<ItemId> itemIds() {
    return items().stream().map(Recommendation::itemId).toList();
  }

  /** Whether there are no items. */
  public boolean isEmpty() {
    return items().isEmpty();
  }

  /** Returns a copy marked as coming from {@code source}. */
  public Recommendations withSource(Source source) {
    if (source == source()) {
      return this;
    }
    Builder b = new Builder();
    b.from(this);
    return b.source(source).build();
  }

  /** Builds a {@link Recommendations}. */
  public static final class Builder extends ImmutableRecommendations.Builder {
    Builder() {}
  }
}
