package dev.personalize4j.testing;

import dev.personalize4j.ItemId;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Recommender} that answers exactly what a test scripted, primarily for tests that need
 * exact output: "for user u answer [a, b, c]". Scripted answers are returned as given (cut to the
 * request's limit, without scores; filters and promotions are not applied), with source LIVE.
 * Unscripted calls go to the fallback recommender if one was given, else get an empty answer (and
 * {@code rank} keeps the input order with equal scores). Thread-safe; scripts may change while in
 * use.
 */
public final class ScriptedRecommender implements Recommender {
  private final Clock clock;
  private final Optional<Recommender> fallback;
  private final Map<UserId, List<ItemId>> forUser = new ConcurrentHashMap<>();
  private final Map<ItemId, List<ItemId>> similar = new ConcurrentHashMap<>();
  private final AtomicReference<List<ItemId>> popular = new AtomicReference<>();
  private final Map<UserId, RuntimeException> failures = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private ScriptedRecommender(Clock clock, Optional<Recommender> fallback) {
    this.clock = clock;
    this.fallback = fallback;
  }

  /** A recommender with no scripts whose unscripted answers are empty; served at system UTC time. */
  public static ScriptedRecommender create() {
    return builder().build();
  }

  /** A recommender with no scripts that asks {@code fallback} whenever a call is unscripted. */
  public static ScriptedRecommender fallingBackTo(Recommender fallback) {
    return builder().fallback(fallback).build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Scripts {@link #forUser} (and the order of {@link #rank}) for {@code user}; replaces any script. */
  public ScriptedRecommender givenForUser(UserId user, ItemId... items) {
    forUser.put(Objects.requireNonNull(user, "user"), copy(items));
    return this;
  }

  /** Scripts {@link #similarTo} for {@code item}; replaces any script. */
  public ScriptedRecommender givenSimilarTo(ItemId item, ItemId... items) {
    similar.put(Objects.requireNonNull(item, "item"), copy(items));
    return this;
  }

  /** Scripts {@link #popular}; replaces any script. */
  public ScriptedRecommender givenPopular(ItemId... items) {
    popular.set(copy(items));
    return this;
  }

  /** Makes every {@code forUser} and {@code rank} call for {@code user} throw {@code failure}. */
  public ScriptedRecommender givenFailure(UserId user, RuntimeException failure) {
    failures.put(Objects.requireNonNull(user, "user"), Objects.requireNonNull(failure, "failure"));
    return this;
  }

  /** Forgets every script and failure. */
  public void reset() {
    forUser.clear();
    similar.clear();
    popular.set(null);
    failures.clear();
  }

  @Override
  public Recommendations forUser(UserId user, RecommendationRequest request) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(request, "request");
    throwIfFailing(user);
    List<ItemId> script = forUser.get(user);
    if (script == null) {
      return fallback.map(f -> f.forUser(user, request)).orElseGet(this::empty);
    }
    return answer(script, request.limit());
  }

  @Override
  public Recommendations similarTo(ItemId item, RecommendationRequest request) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(request, "request");
    List<ItemId> script = similar.get(item);
    if (script == null) {
      return fallback.map(f -> f.similarTo(item, request)).orElseGet(this::empty);
    }
    return answer(script, request.limit());
  }

  @Override
  public Recommendations popular(RecommendationRequest request) {
    Objects.requireNonNull(request, "request");
    List<ItemId> script = popular.get();
    if (script == null) {
      return fallback.map(f -> f.popular(request)).orElseGet(this::empty);
    }
    return answer(script, request.limit());
  }

  /**
   * Ranks scripted items of the user first, in script order, then the other candidates in input
   * order; scores decrease linearly and sum to 1.
   */
  @Override
  public Recommendations rank(RankingRequest request) {
    Objects.requireNonNull(request, "request");
    throwIfFailing(request.userId());
    List<ItemId> script = forUser.get(request.userId());
    if (script == null && fallback.isPresent()) {
      return fallback.get().rank(request);
    }
    List<ItemId> order = new ArrayList<>();
    if (script != null) {
      script.stream().filter(request.candidates()::contains).forEach(order::add);
    }
    request.candidates().stream().filter(c -> !order.contains(c)).forEach(order::add);
    int n = order.size();
    double total = script == null ? n : n * (n + 1) / 2.0;
    List<Recommendation> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double weight = script == null ? 1 : n - i;
      items.add(Recommendation.of(order.get(i), weight / total));
    }
    return build(items);
  }

  private void throwIfFailing(UserId user) {
    RuntimeException failure = failures.get(user);
    if (failure != null) {
      throw failure;
    }
  }

  private Recommendations answer(List<ItemId> script, int limit) {
    return build(script.stream().limit(limit).map(Recommendation::of).toList());
  }

  private Recommendations empty() {
    return build(List.of());
  }

  private Recommendations build(List<Recommendation> items) {
    return Recommendations.builder()
        .items(items)
        .recommendationId("scripted-" + ids.incrementAndGet())
        .source(Recommendations.Source.LIVE)
        .servedAt(clock.instant())
        .build();
  }

  private static List<ItemId> copy(ItemId[] items) {
    List<ItemId> list = List.copyOf(Arrays.asList(items));
    if (list.stream().distinct().count() != list.size()) {
      throw new IllegalArgumentException("scripted items must not contain duplicates but were " + list);
    }
    return list;
  }

  /** Builds a {@link ScriptedRecommender}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Recommender fallback;

    private Builder() {}

    /** The clock for {@link Recommendations#servedAt()}; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The recommender that answers unscripted calls; default none (empty answers). */
    public Builder fallback(Recommender fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /** Returns the recommender. */
    public ScriptedRecommender build() {
      return new ScriptedRecommender(clock, Optional.ofNullable(fallback));
    }
  }
}
