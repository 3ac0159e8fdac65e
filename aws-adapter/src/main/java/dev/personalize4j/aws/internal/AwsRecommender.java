package dev.personalize4j.aws.internal;

import dev.personalize4j.FilterValues;
import dev.personalize4j.InvalidRequestException;
import dev.personalize4j.ItemId;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.Promotion;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.Ticker;
import dev.personalize4j.UserId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * {@link Recommender} over personalize-runtime: maps requests onto GetRecommendations and
 * GetPersonalizedRanking, caches answers, and serves stale, fallback or empty answers when the
 * service fails with a retryable error.
 */
public final class AwsRecommender implements Recommender {
  private static final Logger LOG = LoggerFactory.getLogger(AwsRecommender.class);
  static final String GET_RECOMMENDATIONS = "GetRecommendations";
  static final String GET_PERSONALIZED_RANKING = "GetPersonalizedRanking";

  /** The ARNs the recommender calls, by use; null when not configured. */
  public record Arns(String forUser, String similarItems, String ranking, String popular) {}

  private final PersonalizeRuntimeClient client;
  private final Arns arns;
  private final Map<String, String> filters;
  private final RecommendationCache cache;
  private final Resilience resilience;
  private final Recommender fallback;
  private final Clock clock;
  private final Ticker ticker;
  private final Counters counters;
  private final ConcurrentHashMap<String, Long> lastWarning = new ConcurrentHashMap<>();
  private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  public AwsRecommender(PersonalizeRuntimeClient client, Arns arns, Map<String, String> filters,
      RecommendationCache cache, Resilience resilience, Recommender fallback, Clock clock, Ticker ticker,
      Counters counters) {
    this.client = client;
    this.arns = arns;
    this.filters = Map.copyOf(filters);
    this.cache = cache;
    this.resilience = resilience;
    this.fallback = fallback;
    this.clock = clock;
    this.ticker = ticker;
    this.counters = counters;
  }

  @Override
  public Recommendations forUser(UserId user, RecommendationRequest request) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(request, "request");
    String arn = require(arns.forUser(), "forUserArn");
    RecommendationCache.Key key = new RecommendationCache.Key("forUser", user.value(), request, true);
    return serve(key, arn, () -> fetch(arn, recommendations(arn, request).userId(user.value()).build()),
        () -> fallback == null ? null : fallback.forUser(user, request));
  }

  @Override
  public Recommendations similarTo(ItemId item, RecommendationRequest request) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(request, "request");
    String arn = require(arns.similarItems(), "similarItemsArn");
    RecommendationCache.Key key = new RecommendationCache.Key("similarTo", item.value(), request, false);
    return serve(key, arn, () -> fetch(arn, recommendations(arn, request).itemId(item.value()).build()),
        () -> fallback == null ? null : fallback.similarTo(item, request));
  }

  @Override
  public Recommendations popular(RecommendationRequest request) {
    Objects.requireNonNull(request, "request");
    String arn = require(arns.popular(), "popularArn");
    RecommendationCache.Key key = new RecommendationCache.Key("popular", "", request, false);
    return serve(key, arn, () -> fetch(arn, recommendations(arn, request).build()),
        () -> fallback == null ? null : fallback.popular(request));
  }

  @Override
  public Recommendations rank(RankingRequest request) {
    Objects.requireNonNull(request, "request");
    String arn = require(arns.ranking(), "rankingArn");
    RecommendationCache.Key key = new RecommendationCache.Key("rank", request.userId().value(), request, true);
    return serve(key, arn, () -> {
      GetPersonalizedRankingRequest.Builder b = GetPersonalizedRankingRequest.builder()
          .campaignArn(arn)
          .userId(request.userId().value())
          .inputList(request.candidates().stream().map(ItemId::value).toList());
      request.filterName().ifPresent(f -> b.filterArn(filterArn(f)));
      if (!request.filterValues().isEmpty()) {
        b.filterValues(render(request.filterValues()));
      }
      if (!request.context().isEmpty()) {
        b.context(request.context());
      }
      if (!request.metadataColumns().isEmpty()) {
        b.metadataColumns(Map.of("ITEMS", request.metadataColumns()));
      }
      GetPersonalizedRankingRequest sdk = b.build();
      GetPersonalizedRankingResponse r = resilience.call(GET_PERSONALIZED_RANKING, arn,
          attempt -> client.getPersonalizedRanking(sdk.toBuilder()
              .overrideConfiguration(attempt::configure).build()));
      return map(r.personalizedRanking(), r.recommendationId());
    }, () -> fallback == null ? null : fallback.rank(request));
  }

  /** Invalidates every cached answer for {@code user}; called when an event for them is recorded. */
  public void invalidate(String user) {
    cache.invalidateUser(user);
  }

  private Recommendations fetch(String arn, GetRecommendationsRequest sdk) {
    GetRecommendationsResponse r = resilience.call(GET_RECOMMENDATIONS, arn,
        attempt -> client.getRecommendations(sdk.toBuilder()
            .overrideConfiguration(attempt::configure).build()));
    return map(r.itemList(), r.recommendationId());
  }

  private Recommendations serve(RecommendationCache.Key key, String arn, Supplier<Recommendations> load,
      Supplier<Recommendations> fallbackCall) {
    try {
      return cache.get(key, load);
    } catch (PersonalizeException e) {
      if (!e.isRetryable()) {
        throw e;
      }
      noteDegraded(arn, e);
      Optional<Recommendations> stale = cache.lastGood(key);
      if (stale.isPresent()) {
        counters.staleServed.increment();
        LOG.debug("serving a stale answer for {} after: {}", arn, e.getMessage());
        return stale.get().withSource(Recommendations.Source.STALE);
      }
      if (fallback != null) {
        try {
          Recommendations r = fallbackCall.get();
          if (r != null) {
            counters.fallbackServed.increment();
            return r.withSource(Recommendations.Source.FALLBACK);
          }
        } catch (RuntimeException fe) {
          LOG.warn("the fallback recommender failed too: {}", fe.toString());
        }
      }
      counters.emptyServed.increment();
      LOG.debug("serving an empty answer for {} after: {}", arn, e.getMessage());
      return Recommendations.empty(Recommendations.Source.FALLBACK, clock.instant());
    }
  }

  /** Logs the first degraded answer per endpoint per minute at WARN (the rest at DEBUG), without user data. */
  private void noteDegraded(String arn, PersonalizeException e) {
    long now = ticker.read();
    boolean[] warn = {false};
    lastWarning.compute(arn, (k, last) -> {
      if (last == null || now - last >= WARN_INTERVAL_NANOS) {
        warn[0] = true;
        return now;
      }
      return last;
    });
    if (warn[0]) {
      LOG.warn("{} failed, serving stale/fallback answers (further failures this minute at DEBUG): {}", arn,
          e.getMessage());
    } else {
      LOG.debug("{} failed: {}", arn, e.getMessage());
    }
  }

  private GetRecommendationsRequest.Builder recommendations(String arn, RecommendationRequest request) {
    GetRecommendationsRequest.Builder b = GetRecommendationsRequest.builder().numResults(request.limit());
    if (arn.contains(":recommender/")) {
      b.recommenderArn(arn);
    } else {
      b.campaignArn(arn);
    }
    request.filterName().ifPresent(f -> b.filterArn(filterArn(f)));
    if (!request.filterValues().isEmpty()) {
      b.filterValues(render(request.filterValues()));
    }
    if (!request.context().isEmpty()) {
      b.context(request.context());
    }
    request.promotion().ifPresent(p -> b.promotions(promotion(p)));
    if (!request.metadataColumns().isEmpty()) {
      b.metadataColumns(Map.of("ITEMS", request.metadataColumns()));
    }
    return b;
  }

  private software.amazon.awssdk.services.personalizeruntime.model.Promotion promotion(Promotion p) {
    software.amazon.awssdk.services.personalizeruntime.model.Promotion.Builder b =
        software.amazon.awssdk.services.personalizeruntime.model.Promotion.builder()
            .name(p.name())
            .percentPromotedItems(p.percentPromotedItems())
            .filterArn(filterArn(p.filterName()));
    if (!p.filterValues().isEmpty()) {
      b.filterValues(render(p.filterValues()));
    }
    return b.build();
  }

  private String filterArn(String name) {
    String arn = filters.get(name);
    if (arn == null) {
      throw new InvalidRequestException("unknown filter '" + name + "': configure it with "
          + "AwsPersonalize.builder().filter(\"" + name + "\", filterArn); known filters are " + filters.keySet());
    }
    return arn;
  }

  private static Map<String, String> render(Map<String, List<String>> values) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, FilterValues.render(v)));
    return out;
  }

  private Recommendations map(List<PredictedItem> items, String recommendationId) {
    Recommendations.Builder b = Recommendations.builder()
        .source(Recommendations.Source.LIVE)
        .servedAt(clock.instant());
    if (recommendationId != null) {
      b.recommendationId(recommendationId);
    }
    for (PredictedItem p : items) {
      Recommendation.Builder r = Recommendation.builder().itemId(ItemId.of(p.itemId()));
      Double score = p.score();
      if (score != null && score >= 0.0 && score <= 1.0) {
        r.score(score);
      }
      if (p.promotionName() != null) {
        r.promotionName(p.promotionName());
      }
      if (p.hasReason()) {
        r.reasons(p.reason());
      }
      if (p.hasMetadata()) {
        r.metadata(p.metadata());
      }
      b.addItems(r.build());
    }
    return b.build();
  }

  private static String require(String arn, String builderMethod) {
    if (arn == null) {
      throw new IllegalStateException("this call needs an ARN: configure AwsPersonalize.builder()." + builderMethod
          + "(...) with a campaign or recommender ARN");
    }
    return arn;
  }
}
