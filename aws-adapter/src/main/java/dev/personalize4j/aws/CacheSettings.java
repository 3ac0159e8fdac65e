package dev.personalize4j.aws;

import java.time.Duration;

/**
 * How {@link AwsPersonalize} caches recommendations: how long an answer stays fresh, how many
 * answers are kept, and how many last-good answers are kept to serve (as STALE) when the backend
 * fails.
 *
 * @param enabled whether fresh answers are cached at all (stale-if-error works either way)
 * @param ttl how long a cached answer is served as CACHED; default 5 minutes
 * @param maximumSize how many fresh answers are kept; default 10,000
 * @param staleMaximumSize how many last-good answers are kept for stale-if-error; default 10,000
 * @param staleTtl how long a last-good answer may be served as STALE; default 24 hours
 */
public record CacheSettings(boolean enabled, Duration ttl, long maximumSize, long staleMaximumSize, Duration staleTtl) {

  /** Validates every field. */
  public CacheSettings {
    Checks.positive("cache ttl", ttl);
    Checks.range("cache maximumSize", maximumSize, 0, Long.MAX_VALUE);
    Checks.range("cache staleMaximumSize", staleMaximumSize, 0, Long.MAX_VALUE);
    Checks.positive("cache staleTtl", staleTtl);
  }

  /** The defaults: enabled, 5 minutes, 10,000 entries, 10,000 stale entries kept for 24 hours. */
  public static CacheSettings defaults() {
    return builder().build();
  }

  /** No caching of fresh answers; last-good answers are still kept for stale-if-error. */
  public static CacheSettings disabled() {
    return builder().enabled(false).build();
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from these settings. */
  public Builder toBuilder() {
    return new Builder().enabled(enabled).ttl(ttl).maximumSize(maximumSize)
        .staleMaximumSize(staleMaximumSize).staleTtl(staleTtl);
  }

  /** Builds {@link CacheSettings}. */
  public static final class Builder {
    private boolean enabled = true;
    private Duration ttl = Duration.ofMinutes(5);
    private long maximumSize = 10_000;
    private long staleMaximumSize = 10_000;
    private Duration staleTtl = Duration.ofHours(24);

    private Builder() {}

    /** Whether fresh answers are cached. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** How long an answer is fresh. */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /** How many fresh answers are kept. */
    public Builder maximumSize(long maximumSize) {
      this.maximumSize = maximumSize;
      return this;
    }

    /** How many last-good answers are kept. */
    public Builder staleMaximumSize(long staleMaximumSize) {
      this.staleMaximumSize = staleMaximumSize;
      return this;
    }

    /** How long a last-good answer may be served. */
    public Builder staleTtl(Duration staleTtl) {
      this.staleTtl = staleTtl;
      return this;
    }

    /** Validates and returns the settings. */
    public CacheSettings build() {
      return new CacheSettings(enabled, ttl, maximumSize, staleMaximumSize, staleTtl);
    }
  }
}
