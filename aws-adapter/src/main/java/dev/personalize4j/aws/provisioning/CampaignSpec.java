package dev.personalize4j.aws.provisioning;

import dev.personalize4j.aws.provisioning.internal.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared campaign: real-time serving of the trained version of one declared solution, with a
 * provisioned throughput floor and, for User-Personalization, item exploration.
 */
public final class CampaignSpec {
  private final String name;
  private final String solutionName;
  private final int minProvisionedTps;
  private final Optional<ItemExploration> exploration;

  private CampaignSpec(Builder b) {
    this.name = b.name;
    this.solutionName = b.solutionName;
    this.minProvisionedTps = b.minProvisionedTps;
    this.exploration = b.exploration;
  }

  /** Returns a campaign with 1 provisioned TPS serving {@code solutionName}. */
  public static CampaignSpec of(String name, String solutionName) {
    return builder(name, solutionName).build();
  }

  /** Returns a builder for the campaign {@code name} serving the declared solution {@code solutionName}. */
  public static Builder builder(String name, String solutionName) {
    return new Builder(name, solutionName);
  }

  /** The campaign name. */
  public String name() {
    return name;
  }

  /** The name of the declared solution whose version it serves. */
  public String solutionName() {
    return solutionName;
  }

  /** The billed throughput floor, at least 1 transaction per second. */
  public int minProvisionedTps() {
    return minProvisionedTps;
  }

  /** The item exploration config, if any (User-Personalization only). */
  public Optional<ItemExploration> exploration() {
    return exploration;
  }

  /** Builds a {@link CampaignSpec}; setters validate at once. */
  public static final class Builder {
    private final String name;
    private final String solutionName;
    private int minProvisionedTps = 1;
    private Optional<ItemExploration> exploration = Optional.empty();

    private Builder(String name, String solutionName) {
      this.name = Names.validate("campaign name", name);
      this.solutionName = Names.validate("solution name of campaign " + name, solutionName);
    }

    /** Sets the billed throughput floor (default 1). */
    public Builder minProvisionedTps(int tps) {
      if (tps < 1) {
        throw new IllegalArgumentException("minProvisionedTPS of campaign " + name + " must be at least 1 but was " + tps);
      }
      this.minProvisionedTps = tps;
      return this;
    }

    /** Sets the item exploration config (the solution must use User-Personalization). */
    public Builder exploration(ItemExploration exploration) {
      this.exploration = Optional.of(Objects.requireNonNull(exploration, "exploration"));
      return this;
    }

    /** Returns the campaign. */
    public CampaignSpec build() {
      return new CampaignSpec(this);
    }
  }
}
