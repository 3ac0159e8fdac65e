package dev.personalize4j.testing;

import dev.personalize4j.CatalogSync;
import dev.personalize4j.EventSink;
import dev.personalize4j.InvalidRequestException;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.Personalize;
import dev.personalize4j.Promotion;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.internal.Engine;
import dev.personalize4j.testing.internal.FilterExpression;
import dev.personalize4j.testing.internal.ItemFilter;
import dev.personalize4j.testing.internal.ScoredItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A complete {@link Personalize} in memory, primarily for tests and local development: events
 * recorded through {@link #eventSink()} and items and users upserted through {@link #catalog()}
 * change what {@link #recommender()} answers at once. Recommendations come from a small
 * deterministic engine (popularity, item co-occurrence, user history, demographic cold start) and
 * honour named Personalize filter expressions, promotions and metadata columns; request context is
 * ignored. Answers have source LIVE, {@code servedAt} from the clock and a recommendation id
 * {@code rid-<n>}. Exact answers can be scripted per user with {@link #givenRecommendations}.
 * Thread-safe; needs no test framework.
 */
public final class InMemoryPersonalize implements Personalize {
  private final Clock clock;
  private final Engine engine;
  private final Map<String, FilterExpression> filters;
  private final AtomicLong recommendationIds = new AtomicLong();
  private final List<Interaction> recorded = new ArrayList<>();
  private final EngineRecommender engineRecommender = new EngineRecommender();
  private final ScriptedRecommender recommender;
  private final Sink sink = new Sink();
  private final Catalog catalog = new Catalog();

  private InMemoryPersonalize(Clock clock, Map<String, FilterExpression> filters) {
    this.clock = clock;
    this.engine = new Engine(clock);
    this.filters = filters;
    this.recommender = ScriptedRecommender.builder().clock(clock).fallback(engineRecommender).build();
  }

  /** An empty instance on the system UTC clock, without filters. */
  public static InMemoryPersonalize create() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Recommendations from the engine, or the scripted answer for users given one. */
  @Override
  public Recommender recommender() {
    return recommender;
  }

  /**
   * A sink that stamps a missing timestamp from the clock and a missing event id (a random UUID),
   * keeps the event for {@link #recordedEvents()} and feeds the engine at once. {@code flush} has
   * nothing to wait for; after {@code close}, {@code record} throws {@link IllegalStateException}.
   */
  @Override
  public EventSink eventSink() {
    return sink;
  }

  /** Upserts items and users into the engine at once; bulk loads stream without collecting. */
  @Override
  public CatalogSync catalog() {
    return catalog;
  }

  /** Closes the event sink. Recommendations keep working. */
  @Override
  public void close() {
    sink.close();
  }

  /** An immutable snapshot of every event recorded through {@link #eventSink()}, stamped, in order. */
  public List<Interaction> recordedEvents() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /**
   * Forgets every item, user, recorded event and scripted answer, as if freshly built (filters and
   * the clock stay); a closed event sink stays closed.
   */
  public void reset() {
    synchronized (recorded) {
      engine.clear();
      recorded.clear();
    }
    recommender.reset();
  }

  /** The item as last upserted, if any. */
  public Optional<Item> storedItem(ItemId id) {
    return engine.item(id.value());
  }

  /** The user as last upserted, if any. */
  public Optional<User> storedUser(UserId id) {
    return engine.user(id.value());
  }

  /** The names of the configured filters. */
  public Set<String> filterNames() {
    return filters.keySet();
  }

  /**
   * Scripts {@code recommender().forUser(user, …)} to answer exactly {@code items} (cut to the
   * request limit, no scores, filters not applied) until {@link #clearScripts()}; other users still
   * get the engine's answers. See {@link ScriptedRecommender}.
   */
  public InMemoryPersonalize givenRecommendations(UserId user, ItemId... items) {
    recommender.givenForUser(user, items);
    return this;
  }

  /** Scripts {@code recommender().similarTo(item, …)} to answer exactly {@code items}. */
  public InMemoryPersonalize givenSimilarItems(ItemId item, ItemId... items) {
    recommender.givenSimilarTo(item, items);
    return this;
  }

  /** Forgets every scripted answer; the engine answers everything again. */
  public void clearScripts() {
    recommender.reset();
  }

  private ItemFilter filter(Optional<String> name, Map<String, List<String>> values,
      Optional<String> userId, Optional<String> currentItem) {
    if (name.isEmpty()) {
      return ItemFilter.all();
    }
    FilterExpression expression = filters.get(name.get());
    if (expression == null) {
      throw new InvalidRequestException("filter '" + name.get() + "' does not exist; configured filters: "
          + new java.util.TreeSet<>(filters.keySet()));
    }
    try {
      return expression.bind(engine, userId, currentItem, values);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("filter '" + name.get() + "': " + e.getMessage(), e);
    }
  }

  private Recommendations answer(List<Recommendation> items) {
    return Recommendations.builder()
        .items(items)
        .recommendationId("rid-" + recommendationIds.incrementAndGet())
        .source(Recommendations.Source.LIVE)
        .servedAt(clock.instant())
        .build();
  }

  private Recommendation recommendation(ScoredItem s, List<String> columns, Optional<String> promotion) {
    Recommendation.Builder b = Recommendation.builder().itemId(ItemId.of(s.itemId()))
        .score(Math.max(0.0, Math.min(1.0, s.score())));
    promotion.ifPresent(b::promotionName);
    if (!columns.isEmpty()) {
      engine.item(s.itemId()).ifPresent(item -> {
        for (String c : columns) {
          item.attribute(c).ifPresent(v -> b.putMetadata(c, v.render()));
        }
      });
    }
    return b.build();
  }

  /** What a recipe asks the engine for: the best {@code n} items passing a filter. */
  @FunctionalInterface
  private interface Query {
    List<ScoredItem> top(int n, ItemFilter filter);
  }

  private Recommendations recommend(RecommendationRequest request, Optional<String> userId,
      Optional<String> currentItem, Query query) {
    ItemFilter main = filter(request.filterName(), request.filterValues(), userId, currentItem);
    List<String> columns = request.metadataColumns();
    int limit = request.limit();
    if (request.promotion().isEmpty()) {
      return answer(query.top(limit, main).stream()
          .map(s -> recommendation(s, columns, Optional.empty())).toList());
    }
    Promotion promotion = request.promotion().get();
    ItemFilter promoFilter = filter(Optional.of(promotion.filterName()), promotion.filterValues(), userId, currentItem);
    int wanted = (int) Math.ceil(limit * promotion.percentPromotedItems() / 100.0);
    List<ScoredItem> promoted = query.top(wanted, promoFilter);
    Set<String> promotedIds = new HashSet<>();
    promoted.forEach(s -> promotedIds.add(s.itemId()));
    List<ScoredItem> rest = query.top(limit - promoted.size(), id -> !promotedIds.contains(id) && main.test(id));
    // Promoted items are spread evenly among the others, keeping their own order.
    List<Recommendation> out = new ArrayList<>(limit);
    int total = promoted.size() + rest.size();
    int p = 0;
    int r = 0;
    for (int i = 0; i < total; i++) {
      boolean takePromoted = p < promoted.size()
          && (r >= rest.size() || 2L * (i + 1) * promoted.size() >= (2L * p + 1) * total);
      if (takePromoted) {
        out.add(recommendation(promoted.get(p++), columns, Optional.of(promotion.name())));
      } else {
        out.add(recommendation(rest.get(r++), columns, Optional.empty()));
      }
    }
    return answer(out);
  }

  private final class EngineRecommender implements Recommender {
    @Override
    public Recommendations forUser(UserId user, RecommendationRequest request) {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(request, "request");
      return recommend(request, Optional.of(user.value()), Optional.empty(),
          (n, f) -> engine.forUser(user.value(), n, f));
    }

    @Override
    public Recommendations similarTo(ItemId item, RecommendationRequest request) {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(request, "request");
      return recommend(request, Optional.empty(), Optional.of(item.value()),
          (n, f) -> engine.similar(item.value(), n, f));
    }

    @Override
    public Recommendations popular(RecommendationRequest request) {
      Objects.requireNonNull(request, "request");
      return recommend(request, Optional.empty(), Optional.empty(),
          (n, f) -> engine.popular(n, Optional.empty(), f));
    }

    @Override
    public Recommendations rank(RankingRequest request) {
      Objects.requireNonNull(request, "request");
      String user = request.userId().value();
      ItemFilter f = filter(request.filterName(), request.filterValues(), Optional.of(user), Optional.empty());
      List<String> candidates = request.candidates().stream().map(ItemId::value).toList();
      return answer(engine.rank(user, candidates, f).stream()
          .map(s -> recommendation(s, request.metadataColumns(), Optional.empty())).toList());
    }
  }

  private final class Sink implements EventSink {
    private volatile boolean closed;

    @Override
    public void record(Interaction interaction) {
      Objects.requireNonNull(interaction, "interaction");
      Interaction stamped = interaction.stampedIfAbsent(clock.instant(), UUID.randomUUID().toString());
      synchronized (recorded) {
        if (closed) {
          throw new IllegalStateException("event sink is closed; cannot record " + interaction);
        }
        engine.record(stamped);
        recorded.add(stamped);
      }
    }

    @Override
    public void flush() {
      // Every event reaches the engine inside record().
    }

    @Override
    public void close() {
      synchronized (recorded) {
        closed = true;
      }
    }
  }

  private final class Catalog implements CatalogSync {
    @Override
    public void upsertItems(Collection<Item> items) {
      Objects.requireNonNull(items, "items").forEach(i -> engine.putItem(Objects.requireNonNull(i, "item")));
    }

    @Override
    public void upsertUsers(Collection<User> users) {
      Objects.requireNonNull(users, "users").forEach(u -> engine.putUser(Objects.requireNonNull(u, "user")));
    }

    @Override
    public long bulkLoadItems(Stream<Item> items) {
      AtomicLong count = new AtomicLong();
      Objects.requireNonNull(items, "items").forEachOrdered(i -> {
        engine.putItem(Objects.requireNonNull(i, "item"));
        count.incrementAndGet();
      });
      return count.get();
    }

    @Override
    public long bulkLoadUsers(Stream<User> users) {
      AtomicLong count = new AtomicLong();
      Objects.requireNonNull(users, "users").forEachOrdered(u -> {
        engine.putUser(Objects.requireNonNull(u, "user"));
        count.incrementAndGet();
      });
      return count.get();
    }
  }

  /** Builds an {@link InMemoryPersonalize}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private final Map<String, FilterExpression> filters = new LinkedHashMap<>();

    private Builder() {}

    /** The clock for event stamping, recency and {@code servedAt}; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Defines the filter {@code name}, used by requests' {@code filterName}, from a Personalize
     * filter expression.
     *
     * @throws IllegalArgumentException naming the filter if the expression is invalid or unsupported
     */
    public Builder filter(String name, String expression) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("filter name must not be blank");
      }
      try {
        filters.put(name, FilterExpression.parse(expression));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("filter '" + name + "': " + e.getMessage(), e);
      }
      return this;
    }

    /** Defines every filter of {@code expressionsByName}. */
    public Builder filters(Map<String, String> expressionsByName) {
      expressionsByName.forEach(this::filter);
      return this;
    }

    /** Returns the instance. */
    public InMemoryPersonalize build() {
      return new InMemoryPersonalize(clock, Collections.unmodifiableMap(new LinkedHashMap<>(filters)));
    }
  }
}
