package dev.personalize4j.aws;

import dev.personalize4j.CatalogSync;
import dev.personalize4j.EventSink;
import dev.personalize4j.Personalize;
import dev.personalize4j.Recommender;
import dev.personalize4j.Ticker;
import dev.personalize4j.aws.internal.AwsCatalogSync;
import dev.personalize4j.aws.internal.AwsEventSink;
import dev.personalize4j.aws.internal.AwsRecommender;
import dev.personalize4j.aws.internal.Counters;
import dev.personalize4j.aws.internal.MicrometerMetrics;
import dev.personalize4j.aws.internal.RecommendationCache;
import dev.personalize4j.aws.internal.Resilience;
import dev.personalize4j.aws.internal.SinkCounters;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * Amazon Personalize behind personalize4j's {@link Personalize}: a cached, resilient
 * {@link Recommender}, a batching {@link EventSink} and a {@link CatalogSync}, sharing one set of AWS
 * SDK clients, one clock and one cache-invalidation channel (an event recorded through
 * {@link #eventSink()} drops that user's cached recommendations at once).
 *
 * <pre>{@code
 * try (AwsPersonalize p = AwsPersonalize.builder()
 *     .region("eu-west-1")
 *     .forUserArn("arn:aws:personalize:eu-west-1:123456789012:campaign/for-you")
 *     .trackingId("6f1c...")
 *     .build()) {
 *   Recommendations r = p.recommender().forUser(UserId.of("u-42"));
 *   p.eventSink().record(Interaction.of(UserId.of("u-42"), r.itemIds().get(0), EventType.CLICK).attributedTo(r));
 * }
 * }</pre>
 *
 * <p>Attribution: {@link dev.personalize4j.Interaction#attributedTo(dev.personalize4j.Recommendations)}
 * copies a served answer's recommendation id and its first 25 items (as impressions) into an event,
 * which lets Personalize learn from what was shown and attribute the outcome.
 *
 * <p>The SDK's own retries are switched off ({@code doNotRetry}); this class retries retryable
 * failures itself, within a per-call deadline, so attempts never multiply.
 */
public final class AwsPersonalize implements Personalize {
  private final PersonalizeRuntimeClient runtime;
  private final PersonalizeEventsClient events;
  private final PersonalizeClient control;
  private final SdkHttpClient ownedHttpClient;
  private final Counters counters;
  private final Resilience resilience;
  private final RecommendationCache cache;
  private final AwsRecommender recommender;
  private final AwsEventSink eventSink;
  private final AwsCatalogSync catalog;
  private final Runnable unbindMetrics;
  /** Micrometer holds its meters' state weakly; this keeps it alive as long as this instance. */
  private final Supplier<AwsPersonalizeStats> statsForMeters = this::stats;
  private volatile boolean closed;

  private AwsPersonalize(Builder b) {
    Clock clock = b.clock;
    Ticker ticker = b.ticker;
    this.ownedHttpClient = b.httpClient == null ? ApacheHttpClient.builder().build() : null;
    SdkHttpClient http = b.httpClient != null ? b.httpClient : ownedHttpClient;
    Duration deadline = b.resilience.deadline();
    try {
      this.runtime = configure(PersonalizeRuntimeClient.builder(), b, deadline).httpClient(http).build();
      this.events = configure(PersonalizeEventsClient.builder(), b, Duration.ofSeconds(10)).httpClient(http).build();
      this.control = configure(PersonalizeClient.builder(), b, Duration.ofSeconds(30)).httpClient(http).build();
    } catch (SdkClientException e) {
      if (ownedHttpClient != null) {
        ownedHttpClient.close();
      }
      throw new IllegalStateException("cannot build the AWS SDK clients (is the region configured? set "
          + "AwsPersonalize.builder().region(...) or AWS_REGION): " + e.getMessage(), e);
    }
    try {
      this.counters = new Counters();
      this.resilience = new Resilience(b.resilience, ticker, b.sleeper, counters);
      this.cache = new RecommendationCache(b.cache, ticker, counters);
      this.recommender = new AwsRecommender(runtime,
          new AwsRecommender.Arns(b.forUserArn, b.similarItemsArn, b.rankingArn, b.popularArn),
          b.filters, cache, resilience, b.fallback, clock, ticker, counters);
      this.eventSink = new AwsEventSink(events, b.trackingId, b.events, clock, ticker, b.sleeper, counters,
          recommender::invalidate);
      this.catalog = new AwsCatalogSync(events, control, b.itemsDatasetArn, b.usersDatasetArn, b.catalog,
          resilience, deadline, ticker, b.sleeper, clock, counters);
      if (b.meterRegistry != null) {
        List<String> endpoints = Stream.of(b.forUserArn, b.similarItemsArn, b.rankingArn, b.popularArn,
            b.itemsDatasetArn, b.usersDatasetArn).filter(Objects::nonNull).distinct().toList();
        this.unbindMetrics = MicrometerMetrics.bind(b.meterRegistry, statsForMeters, endpoints);
      } else {
        this.unbindMetrics = () -> {};
      }
    } catch (RuntimeException e) {
      closeClients();
      throw e;
    }
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Builder b, Duration attemptTimeout) {
    if (b.region != null) {
      builder.region(Region.of(b.region));
    }
    if (b.credentialsProvider != null) {
      builder.credentialsProvider(b.credentialsProvider);
    }
    if (b.endpointOverride != null) {
      builder.endpointOverride(b.endpointOverride);
    }
    builder.overrideConfiguration(ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .apiCallAttemptTimeout(attemptTimeout)
        .build());
    return builder;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Recommender recommender() {
    return recommender;
  }

  @Override
  public EventSink eventSink() {
    return eventSink;
  }

  @Override
  public CatalogSync catalog() {
    return catalog;
  }

  /** A snapshot of the counters of this instance. */
  public AwsPersonalizeStats stats() {
    SinkCounters.Snapshot s = eventSink.counters();
    Map<String, AwsPersonalizeStats.CircuitState> circuits = new LinkedHashMap<>();
    resilience.states().forEach((k, v) -> circuits.put(k, state(v)));
    return new AwsPersonalizeStats(counters.cacheHits.sum(), counters.cacheMisses.sum(), counters.cacheLoads.sum(),
        cache.size(), counters.backendCalls(), counters.retries.sum(), counters.staleServed.sum(),
        counters.fallbackServed.sum(), counters.emptyServed.sum(), circuits, s.recorded(), s.delivered(),
        s.retried(), s.deadLettered(), s.pending(), counters.itemsUpserted.sum(), counters.usersUpserted.sum(),
        counters.itemsBulkLoaded.sum(), counters.usersBulkLoaded.sum());
  }

  private static AwsPersonalizeStats.CircuitState state(CircuitBreaker.State s) {
    return switch (s) {
      case CLOSED -> AwsPersonalizeStats.CircuitState.CLOSED;
      case OPEN -> AwsPersonalizeStats.CircuitState.OPEN;
      case HALF_OPEN -> AwsPersonalizeStats.CircuitState.HALF_OPEN;
      default -> AwsPersonalizeStats.CircuitState.OTHER;
    };
  }

  /** Delivers pending events (within the sink's drain timeout), removes its meters, then closes the SDK clients. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      eventSink.close();
    } finally {
      unbindMetrics.run();
      closeClients();
    }
  }

  private void closeClients() {
    runtime.close();
    events.close();
    control.close();
    if (ownedHttpClient != null) {
      ownedHttpClient.close();
    }
  }

  /** Configures an {@link AwsPersonalize}; only the ARNs of the calls you make are required. */
  public static final class Builder {
    private String region;
    private AwsCredentialsProvider credentialsProvider;
    private URI endpointOverride;
    private SdkHttpClient httpClient;
    private String forUserArn;
    private String similarItemsArn;
    private String rankingArn;
    private String popularArn;
    private final Map<String, String> filters = new LinkedHashMap<>();
    private String trackingId;
    private String itemsDatasetArn;
    private String usersDatasetArn;
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.system();
    private Sleeper sleeper = Sleeper.system();
    private CacheSettings cache = CacheSettings.defaults();
    private ResilienceSettings resilience = ResilienceSettings.defaults();
    private EventSinkSettings events = EventSinkSettings.defaults();
    private CatalogSettings catalog = CatalogSettings.defaults();
    private Recommender fallback;
    private Object meterRegistry;

    private Builder() {}

    /** The AWS region, e.g. {@code eu-west-1}; the SDK's default region chain if not set. */
    public Builder region(String region) {
      this.region = requireText("region", region);
      return this;
    }

    /** The credentials; the SDK's default credentials chain if not set. */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentialsProvider = Objects.requireNonNull(provider, "credentialsProvider");
      return this;
    }

    /** Sends every call to this endpoint instead of AWS's (e.g. a local emulator). */
    public Builder endpointOverride(URI endpoint) {
      this.endpointOverride = Objects.requireNonNull(endpoint, "endpointOverride");
      return this;
    }

    /** The HTTP client shared by the three SDK clients; not closed by {@link #close()}. Default: Apache. */
    public Builder httpClient(SdkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "httpClient");
      return this;
    }

    /** The campaign or recommender ({@code :recommender/} ARNs) behind {@code forUser}. */
    public Builder forUserArn(String arn) {
      this.forUserArn = arn("forUserArn", arn);
      return this;
    }

    /** The campaign or recommender behind {@code similarTo}. */
    public Builder similarItemsArn(String arn) {
      this.similarItemsArn = arn("similarItemsArn", arn);
      return this;
    }

    /** The personalized-ranking campaign behind {@code rank}. */
    public Builder rankingArn(String arn) {
      this.rankingArn = arn("rankingArn", arn);
      return this;
    }

    /** The campaign or recommender behind {@code popular}. */
    public Builder popularArn(String arn) {
      this.popularArn = arn("popularArn", arn);
      return this;
    }

    /** Makes the filter {@code filterArn} usable by {@code name} in requests and promotions. */
    public Builder filter(String name, String filterArn) {
      filters.put(requireText("filter name", name), arn("filterArn", filterArn));
      return this;
    }

    /** The event tracker's tracking id, needed to record events. */
    public Builder trackingId(String trackingId) {
      this.trackingId = requireText("trackingId", trackingId);
      return this;
    }

    /** The Items dataset, needed to upsert or bulk-load items. */
    public Builder itemsDatasetArn(String arn) {
      this.itemsDatasetArn = arn("itemsDatasetArn", arn);
      return this;
    }

    /** The Users dataset, needed to upsert or bulk-load users. */
    public Builder usersDatasetArn(String arn) {
      this.usersDatasetArn = arn("usersDatasetArn", arn);
      return this;
    }

    /** The wall clock for event timestamps and served-at times. Default: UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The time source of cache expiry, deadlines, circuit breakers and pacing. Default: system. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** How retry backoff, pacing and import polling wait. Default: {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Cache settings. */
    public Builder cache(CacheSettings settings) {
      this.cache = Objects.requireNonNull(settings, "cache");
      return this;
    }

    /** Retry, deadline and circuit-breaker settings. */
    public Builder resilience(ResilienceSettings settings) {
      this.resilience = Objects.requireNonNull(settings, "resilience");
      return this;
    }

    /** Event sink settings. */
    public Builder events(EventSinkSettings settings) {
      this.events = Objects.requireNonNull(settings, "events");
      return this;
    }

    /** Catalog sync settings. */
    public Builder catalogSync(CatalogSettings settings) {
      this.catalog = Objects.requireNonNull(settings, "catalogSync");
      return this;
    }

    /** Answers (marked FALLBACK) when the service fails and no stale answer is kept. */
    public Builder fallback(Recommender fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /**
     * Publishes metrics to a Micrometer {@code io.micrometer.core.instrument.MeterRegistry}
     * (typed {@code Object} so Micrometer stays an optional dependency).
     *
     * @throws IllegalArgumentException if {@code registry} is not a MeterRegistry or Micrometer is absent
     */
    public Builder meterRegistry(Object registry) {
      Objects.requireNonNull(registry, "meterRegistry");
      if (!MicrometerMetrics.isRegistry(registry)) {
        throw new IllegalArgumentException("meterRegistry must be an io.micrometer.core.instrument.MeterRegistry "
            + "(with micrometer-core on the classpath) but was " + registry.getClass().getName());
      }
      this.meterRegistry = registry;
      return this;
    }

    /** Builds the adapter and its SDK clients. */
    public AwsPersonalize build() {
      return new AwsPersonalize(this);
    }

    private static String requireText(String field, String value) {
      Objects.requireNonNull(value, field);
      if (value.isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank");
      }
      return value;
    }

    private static String arn(String field, String value) {
      requireText(field, value);
      if (!value.startsWith("arn:") || value.length() > 256) {
        throw new IllegalArgumentException(field + " must be an ARN (arn:...:personalize:..., at most 256 characters)"
            + " but was '" + value + "'");
      }
      return value;
    }
  }
}
