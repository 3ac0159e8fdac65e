package dev.personalize4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/** One recommended item, with its score, promotion, reasons and requested metadata when known. */
@Value.Immutable
@ValueStyle
public abstract class Recommendation {
  Recommendation() {}

  /** A recommendation without a score. */
  public static Recommendation of(ItemId item) {
    return builder().itemId(item).build();
  }

  /** A recommendation with a score in [0, 1]. */
  public static Recommendation of(ItemId item, double score) {
    return builder().itemId(item).score(score).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The recommended item. */
  public abstract ItemId itemId();

  /** The relevance or likelihood in [0, 1], when the recipe gives one. */
  public abstract OptionalDouble score();

  /** The promotion that placed this item, if any. */
  public abstract Optional<String> promotionName();

  /** Why the item was chosen (e.g. "Exploration"), as opaque strings. */
  public abstract List<String> reasons();

  /** Requested item metadata columns and their values. */
  public abstract Map<String, String> metadata();

  @Value.Check
  void check() {
    score().ifPresent(s -> {
      if (!(s >= 0.0 && s <= 1.0)) {
        throw new IllegalArgumentException("score must be between 0 and 1 but was " + s);
      }
    });
  }

  /** Builds a {@link Recommendation}. */
  public static final class Builder extends ImmutableRecommendation.Builder {
    Builder() {}
  }
}
