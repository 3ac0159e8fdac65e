package dev.personalize4j.aws.provisioning;

import dev.personalize4j.aws.provisioning.internal.Names;
import java.util.Objects;
import java.util.Optional;

/** A declared domain recommender: a {@link UseCase} of an ECOMMERCE or VIDEO_ON_DEMAND dataset group. */
public final class RecommenderSpec {
  private final String name;
  private final UseCase useCase;
  private final int minRecommendationRequestsPerSecond;
  private final Optional<ItemExploration> exploration;

  private RecommenderSpec(Builder b) {
    this.name = b.name;
    this.useCase = b.useCase;
    this.minRecommendationRequestsPerSecond = b.minRps;
    this.exploration = b.exploration;
  }

  /** Returns a recommender with 1 request per second provisioned. */
  public static RecommenderSpec of(String name, UseCase useCase) {
    return builder(name, useCase).build();
  }

  /** Returns a builder for the recommender {@code name} of {@code useCase}. */
  public static Builder builder(String name, UseCase useCase) {
    return new Builder(name, useCase);
  }

  /** The recommender name. */
  public String name() {
    return name;
  }

  /** The use case. */
  public UseCase useCase() {
    return useCase;
  }

  /** The billed throughput floor, at least 1 request per second. */
  public int minRecommendationRequestsPerSecond() {
    return minRecommendationRequestsPerSecond;
  }

  /** The item exploration config, if any. */
  public Optional<ItemExploration> exploration() {
    return exploration;
  }

  /** Builds a {@link RecommenderSpec}; setters validate at once. */
  public static final class Builder {
    private final String name;
    private final UseCase useCase;
    private int minRps = 1;
    private Optional<ItemExploration> exploration = Optional.empty();

    private Builder(String name, UseCase useCase) {
      this.name = Names.validate("recommender name", name);
      this.useCase = Objects.requireNonNull(useCase, "useCase");
    }

    /** Sets the billed throughput floor (default 1). */
    public Builder minRecommendationRequestsPerSecond(int rps) {
      if (rps < 1) {
        throw new IllegalArgumentException(
            "minRecommendationRequestsPerSecond of recommender " + name + " must be at least 1 but was " + rps);
      }
      this.minRps = rps;
      return this;
    }

    /**
     * Sets the item exploration config.
     *
     * @throws IllegalArgumentException if the use case does not explore
     */
    public Builder exploration(ItemExploration exploration) {
      if (!useCase.supportsExploration()) {
        throw new IllegalArgumentException("exploration of recommender " + name
            + " must not be set: use case " + useCase + " does not explore items");
      }
      this.exploration = Optional.of(Objects.requireNonNull(exploration, "exploration"));
      return this;
    }

    /** Returns the recommender. */
    public RecommenderSpec build() {
      return new RecommenderSpec(this);
    }
  }
}
