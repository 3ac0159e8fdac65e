package dev.personalize4j;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Asks how likely a user is to choose each of a list of candidate items: the mission's "which of
 * these will this customer buy". At most 500 candidates (50 with metadata columns).
 */
@Value.Immutable
@ValueStyle
public abstract class RankingRequest {
  RankingRequest() {}

  /** Returns a request ranking {@code candidates} for {@code user}. */
  public static RankingRequest of(UserId user, List<ItemId> candidates) {
    return builder().userId(user).addAllCandidates(candidates).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The user to rank for. */
  public abstract UserId userId();

  /** The candidate items, 1 to 500, without duplicates. */
  public abstract List<ItemId> candidates();

  /** The name of the filter to apply. */
  public abstract Optional<String> filterName();

  /** Values for the filter's placeholders. */
  public abstract Map<String, List<String>> filterValues();

  /** Contextual metadata. */
  public abstract Map<String, String> context();

  /** Item metadata columns to return. */
  public abstract List<String> metadataColumns();

  @Value.Check
  RankingRequest check() {
    if (candidates().isEmpty()) {
      throw new IllegalArgumentException("candidates must have at least 1 item");
    }
    if (metadataColumns().isEmpty()) {
      Check.size("candidates", candidates().size(), Limits.MAX_RANKING_CANDIDATES);
    } else {
      Check.size("candidates (with metadataColumns)", candidates().size(), Limits.MAX_NUM_RESULTS_WITH_METADATA);
    }
    Set<ItemId> seen = new HashSet<>();
    for (ItemId candidate : candidates()) {
      if (!seen.add(candidate)) {
        throw new IllegalArgumentException(
            "candidates must not contain duplicates but " + Check.abbreviate(candidate.value()) + " appears twice");
      }
    }
    Check.filter("filter", filterName(), filterValues());
    Check.context(context());
    Check.metadataColumns(metadataColumns());
    if (Check.valuesCopied(filterValues())) {
      return this;
    }
    return builder().from(this).filterValues(Check.copyValues(filterValues())).build();
  }

  /** Builds a {@link RankingRequest}. */
  public static final class Builder extends ImmutableRankingRequest.Builder {
    Builder() {}
  }
}
