package dev.personalize4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Options of a recommendation call: how many results, a business-rule filter by name with its
 * values, context, one promotion and metadata columns. {@link #defaults()} asks for 25 results.
 */
@Value.Immutable
@ValueStyle
public abstract class RecommendationRequest {
  private static final RecommendationRequest DEFAULTS = builder().build();

  RecommendationRequest() {}

  /** The default request: 25 results, no filter, no context. */
  public static RecommendationRequest defaults() {
    return DEFAULTS;
  }

  /** A request for {@code limit} results and nothing else. */
  public static RecommendationRequest ofLimit(int limit) {
    return builder().limit(limit).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many results to return: 1 to 500 (50 when metadata columns are requested); default 25. */
  @Value.Default
  public int limit() {
    return Limits.DEFAULT_NUM_RESULTS;
  }

  /** The name of the filter to apply, as configured for the implementation. */
  public abstract Optional<String> filterName();

  /** Values for the filter's {@code $PLACEHOLDER}s, keyed by placeholder name without {@code $}. */
  public abstract Map<String, List<String>> filterValues();

  /** Contextual metadata such as {@code DEVICE=mobile}. */
  public abstract Map<String, String> context();

  /** At most one promotion. */
  public abstract Optional<Promotion> promotion();

  /** Item metadata columns to return with each result (at most 10). */
  public abstract List<String> metadataColumns();

  /** Returns a builder initialised from this request. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.from(this);
    return b;
  }

  @Value.Check
  RecommendationRequest check() {
    if (metadataColumns().isEmpty()) {
      Check.range("limit", limit(), 1, Limits.MAX_NUM_RESULTS);
    } else {
      Check.range("limit (with metadataColumns)", limit(), 1, Limits.MAX_NUM_RESULTS_WITH_METADATA);
    }
    Check.filter("filter", filterName(), filterValues());
    Check.context(context());
    Check.metadataColumns(metadataColumns());
    if (Check.valuesCopied(filterValues())) {
      return this;
    }
    return toBuilder().filterValues(Check.copyValues(filterValues())).build();
  }

  /** Builds a {@link RecommendationRequest}; {@link #build()} validates every limit. */
  public static final class Builder extends ImmutableRecommendationRequest.Builder {
    Builder() {}

    /** Applies the filter {@code name}. */
    public Builder filter(String name) {
      filterName(name);
      return this;
    }

    /** Applies the filter {@code name} and sets one placeholder's values. */
    public Builder filter(String name, String parameter, String... values) {
      filterName(name);
      putFilterValues(parameter, Arrays.asList(values));
      return this;
    }
  }
}
