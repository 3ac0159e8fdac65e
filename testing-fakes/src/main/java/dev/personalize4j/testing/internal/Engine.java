package dev.personalize4j.testing.internal;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Thread-safe in-memory recommendation engine behind the fakes and the emulator.
 *
 * <p>Models, all deterministic (ties break by item id):
 *
 * <ul>
 *   <li>popularity: per item (and per event type) sums of recency-weighted event counts, with a
 *       half-life of {@value #HALF_LIFE_DAYS} days; events from the future count as now;
 *   <li>related items: cosine similarity of item co-occurrence in user histories (counting the
 *       {@value #MAX_NEIGHBOURS} users who came to the item last), then items of the same {@code
 *       CATEGORY_L1} by popularity, then popularity;
 *   <li>per user: item-kNN from the user's {@value #HISTORY_WINDOW} most recent events (recent events
 *       and purchases weigh more; the {@value #MAX_ANCHORS} strongest items each contribute their
 *       {@value #MAX_NEIGHBOUR_ITEMS} nearest neighbours), blended with the user's category affinity
 *       and popularity;
 *   <li>cold start: users without events get what users sharing their attributes favour (numeric
 *       attributes bucketed by tens, e.g. AGE by decade), blended with popularity; popularity alone
 *       when nothing is known.
 * </ul>
 */
public final class Engine {
  static final int HALF_LIFE_DAYS = 30;
  static final int HISTORY_WINDOW = 50;
  static final int MAX_ANCHORS = 10;
  static final int MAX_NEIGHBOURS = 100;
  static final int MAX_NEIGHBOUR_ITEMS = 100;
  private static final double HISTORY_DECAY = 0.85;
  /** Blend of a known user's scores: item-kNN, category affinity, popularity (sum 1). */
  private static final double KNN_WEIGHT = 0.6;
  private static final double CATEGORY_WEIGHT = 0.3;
  private static final double POPULARITY_WEIGHT = 0.1;
  /** Share of what similar users favour in a cold-start score; the rest is popularity. */
  private static final double DEMOGRAPHIC_WEIGHT = 0.8;
  private static final double MAX_EXPONENT = 500;

  private final Clock clock;
  private final Instant reference;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ConcurrentSkipListMap<String, Item> items = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();

  // Guarded by lock.
  private final TreeSet<String> universe = new TreeSet<>();
  private final Map<String, List<String>> categoriesByItem = new HashMap<>();
  /** Cosine neighbours per item; entries a write changes are dropped at once. Bounded. */
  private final Map<String, Neighbours> cosineCache = new ConcurrentHashMap<>();
  private final Map<String, List<Event>> events = new HashMap<>();
  private final Map<String, LinkedHashMap<String, Double>> userItems = new HashMap<>();
  private final Map<String, Holders> itemUsers = new HashMap<>();
  private final Map<String, Double> popularity = new HashMap<>();
  private final Map<String, Map<String, Double>> popularityByType = new HashMap<>();
  private final Set<String> eventTypes = new LinkedHashSet<>();
  private long interactionCount;
  private long sequence;

  private record Event(String itemId, String type, Instant time, long seq) {}

  /** Cosine similarities of one item to all items, and the strongest of them, best first. */
  private record Neighbours(Map<String, Double> all, List<ScoredItem> strongest) {}

  /** The users of one item, in order of their first interaction with it. */
  private static final class Holders {
    final List<String> order = new ArrayList<>();
    final Set<String> members = new HashSet<>();

    void add(String user) {
      if (members.add(user)) {
        order.add(user);
      }
    }

    int size() {
      return order.size();
    }

    /** The users who came to the item last, at most {@code max}. */
    List<String> latest(int max) {
      return order.subList(Math.max(0, order.size() - max), order.size());
    }
  }

  private static final int COSINE_CACHE_SIZE = 2_000;
  private static final int MAX_PRECISE_INVALIDATION = 500;
  private static final Comparator<ScoredItem> BEST_FIRST =
      Comparator.comparingDouble((ScoredItem s) -> -s.score()).thenComparing(ScoredItem::itemId);
  private static final Comparator<Event> CHRONOLOGICAL =
      Comparator.comparing(Event::time).thenComparingLong(Event::seq);

  /** Creates an empty engine whose recency weighting reads {@code clock}. */
  public Engine(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reference = clock.instant();
  }

  /** Inserts or replaces an item by id. */
  public void putItem(Item item) {
    Objects.requireNonNull(item, "item");
    lock.writeLock().lock();
    try {
      items.put(item.id().value(), item);
      universe.add(item.id().value());
      categoriesByItem.put(item.id().value(), item.attribute(Item.CATEGORY_L1)
          .filter(AttributeValue.Categorical.class::isInstance)
          .map(v -> ((AttributeValue.Categorical) v).values())
          .orElse(List.of()));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Inserts or replaces a user by id. */
  public void putUser(User user) {
    Objects.requireNonNull(user, "user");
    users.put(user.id().value(), user);
  }

  /**
   * Records one interaction, keyed by its user id, else its session id.
   *
   * @throws IllegalArgumentException if the interaction has no timestamp
   */
  public void record(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    Instant time = interaction.timestamp().orElseThrow(
        () -> new IllegalArgumentException("interaction timestamp is required by the engine but was absent"));
    String user = interaction.userId().map(u -> u.value())
        .orElseGet(() -> interaction.sessionId().orElseThrow().value());
    String item = interaction.itemId().value();
    String type = interaction.eventType().name();
    Instant now = clock.instant();
    double weight = recencyWeight(time.isAfter(now) ? now : time);
    lock.writeLock().lock();
    try {
      Event e = new Event(item, type, time, sequence++);
      List<Event> list = events.computeIfAbsent(user, k -> new ArrayList<>());
      if (list.isEmpty() || CHRONOLOGICAL.compare(list.get(list.size() - 1), e) <= 0) {
        list.add(e);
      } else {
        int at = Collections.binarySearch(list, e, CHRONOLOGICAL);
        list.add(at < 0 ? -at - 1 : at, e);
      }
      LinkedHashMap<String, Double> mine = userItems.computeIfAbsent(user, k -> new LinkedHashMap<>());
      boolean newPair = !mine.containsKey(item);
      mine.merge(item, typeWeight(type), Math::max);
      Holders holders = itemUsers.computeIfAbsent(item, k -> new Holders());
      holders.add(user);
      if (newPair) {
        invalidateNeighbours(item, mine.keySet(), holders);
      }
      popularity.merge(item, weight, Double::sum);
      popularityByType.computeIfAbsent(type.toLowerCase(Locale.ROOT), k -> new HashMap<>())
          .merge(item, weight, Double::sum);
      eventTypes.add(type);
      universe.add(item);
      interactionCount++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Drops the cached neighbours that a new (user, item) pair changes: the item's own, those of the
   * user's items (their co-occurrence counts) and those of every item co-occurring with it (their
   * cosine denominators).
   */
  private void invalidateNeighbours(String item, Set<String> userItemIds, Holders holders) {
    if (cosineCache.isEmpty()) {
      return;
    }
    if (holders.size() > MAX_PRECISE_INVALIDATION) {
      cosineCache.clear();
      return;
    }
    cosineCache.remove(item);
    userItemIds.forEach(cosineCache::remove);
    for (String h : holders.order) {
      userItems.get(h).keySet().forEach(cosineCache::remove);
    }
  }

  /** The item with id {@code itemId}, if put. */
  public Optional<Item> item(String itemId) {
    return Optional.ofNullable(items.get(itemId));
  }

  /** The user with id {@code userId}, if put. */
  public Optional<User> user(String userId) {
    return Optional.ofNullable(users.get(userId));
  }

  /** A snapshot of every put item, in id order. */
  public List<Item> items() {
    return List.copyOf(items.values());
  }

  /** How many interactions were recorded. */
  public long interactionCount() {
    return read(() -> interactionCount);
  }

  /** How many users (or sessions) have at least one interaction. */
  public int userCount() {
    return read(events::size);
  }

  /** How many users (or sessions) have at least {@code interactions} interactions. */
  public int usersWithAtLeast(int interactions) {
    return read(() -> (int) events.values().stream().filter(l -> l.size() >= interactions).count());
  }

  /** The distinct event types recorded, spelled as first recorded, in order of first use. */
  public Set<String> eventTypes() {
    return read(() -> Collections.unmodifiableSet(new LinkedHashSet<>(eventTypes)));
  }

  /**
   * Recommends up to {@code n} items for {@code userId}: personalised when the user has events,
   * else by the user's attributes, else by popularity.
   */
  public List<ScoredItem> forUser(String userId, int n, ItemFilter filter) {
    return top(read(() -> ranked(userScores(userId), null)), n, filter);
  }

  /** Recommends up to {@code n} items related to {@code itemId}, never {@code itemId} itself. */
  public List<ScoredItem> similar(String itemId, int n, ItemFilter filter) {
    return top(read(() -> ranked(relatedScores(itemId), itemId)), n, filter);
  }

  /** The {@code n} most popular items, by events of {@code eventType} (any case) when given. */
  public List<ScoredItem> popular(int n, Optional<String> eventType, ItemFilter filter) {
    return top(read(() -> ranked(popularityScores(eventType), null)), n, filter);
  }

  /**
   * Orders the candidates that pass {@code filter} by how likely {@code userId} is to choose them,
   * with scores summing to 1; candidates unknown to the engine come last with score 0, in input
   * order.
   */
  public List<ScoredItem> rank(String userId, List<String> candidates, ItemFilter filter) {
    Map<String, Double> raw;
    Set<String> known = new HashSet<>();
    lock.readLock().lock();
    try {
      raw = userScores(userId);
      for (String c : candidates) {
        if (universe.contains(c)) {
          known.add(c);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    List<String> passing = new ArrayList<>();
    for (String c : candidates) {
      if (filter.test(c) && !passing.contains(c)) {
        passing.add(c);
      }
    }
    List<String> knownPassing = passing.stream().filter(known::contains).toList();
    double max = knownPassing.stream().mapToDouble(c -> raw.getOrDefault(c, 0.0)).max().orElse(0);
    double floor = max > 0 ? max * 1e-6 : 1;
    Map<String, Double> share = new HashMap<>();
    double total = 0;
    for (String c : knownPassing) {
      double s = raw.getOrDefault(c, 0.0) + floor;
      share.put(c, s);
      total += s;
    }
    List<ScoredItem> out = new ArrayList<>(passing.size());
    List<String> order = new ArrayList<>(knownPassing);
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < passing.size(); i++) {
      position.put(passing.get(i), i);
    }
    order.sort(Comparator.comparingDouble((String c) -> -share.get(c)).thenComparing(position::get));
    for (String c : order) {
      out.add(new ScoredItem(c, Math.min(1.0, share.get(c) / total)));
    }
    List<String> unknown = passing.stream().filter(c -> !known.contains(c)).toList();
    double unknownShare = knownPassing.isEmpty() && !unknown.isEmpty() ? 1.0 / unknown.size() : 0.0;
    for (String c : unknown) {
      out.add(new ScoredItem(c, unknownShare));
    }
    return List.copyOf(out);
  }

  /**
   * The distinct item ids {@code userId} interacted with, most recent first, counting at most
   * {@code maxPerType} most recent events of each event type; only events of {@code eventType}
   * (any case) when given.
   */
  public List<String> history(String userId, Optional<String> eventType, int maxPerType) {
    return read(() -> {
      List<Event> list = events.getOrDefault(userId, List.of());
      Map<String, Integer> perType = new HashMap<>();
      LinkedHashSet<String> out = new LinkedHashSet<>();
      for (int i = list.size() - 1; i >= 0; i--) {
        Event e = list.get(i);
        if (eventType.isPresent() && !eventType.get().equalsIgnoreCase(e.type())) {
          continue;
        }
        int seen = perType.merge(e.type().toLowerCase(Locale.ROOT), 1, Integer::sum);
        if (seen <= maxPerType) {
          out.add(e.itemId());
        }
      }
      return List.copyOf(out);
    });
  }

  /** Forgets every item, user and interaction. */
  public void clear() {
    lock.writeLock().lock();
    try {
      items.clear();
      users.clear();
      universe.clear();
      categoriesByItem.clear();
      cosineCache.clear();
      events.clear();
      userItems.clear();
      itemUsers.clear();
      popularity.clear();
      popularityByType.clear();
      eventTypes.clear();
      interactionCount = 0;
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- models; callers hold the read lock ----

  private Map<String, Double> popularityScores(Optional<String> eventType) {
    if (eventType.isEmpty()) {
      return popularity;
    }
    return popularityByType.getOrDefault(eventType.get().toLowerCase(Locale.ROOT), Map.of());
  }

  private Map<String, Double> userScores(String userId) {
    List<Event> history = events.get(userId);
    if (history == null || history.isEmpty()) {
      return coldStartScores(userId);
    }
    Map<String, Double> anchors = new LinkedHashMap<>();
    for (int i = history.size() - 1, r = 0; i >= 0 && r < HISTORY_WINDOW; i--, r++) {
      Event e = history.get(i);
      anchors.merge(e.itemId(), typeWeight(e.type()) * Math.pow(HISTORY_DECAY, r), Double::sum);
    }
    Map<String, Double> knn = new HashMap<>();
    Map<String, Double> categories = new HashMap<>();
    List<Map.Entry<String, Double>> strongest = new ArrayList<>(anchors.entrySet());
    strongest.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    for (int i = 0; i < strongest.size(); i++) {
      Map.Entry<String, Double> a = strongest.get(i);
      if (i < MAX_ANCHORS) {
        for (ScoredItem s : neighbours(a.getKey()).strongest()) {
          knn.merge(s.itemId(), a.getValue() * s.score(), Double::sum);
        }
      }
      for (String c : categories(a.getKey())) {
        categories.merge(c, a.getValue(), Double::sum);
      }
    }
    double maxKnn = max(knn);
    double maxCategory = max(categories);
    double maxPopularity = max(popularity);
    Map<String, Double> out = new HashMap<>();
    for (String id : universe) {
      double pop = maxPopularity > 0 ? popularity.getOrDefault(id, 0.0) / maxPopularity : 0;
      double cf = maxKnn > 0 ? knn.getOrDefault(id, 0.0) / maxKnn : 0;
      double category = 0;
      if (maxCategory > 0) {
        for (String c : categories(id)) {
          category = Math.max(category, categories.getOrDefault(c, 0.0) / maxCategory);
        }
      }
      double score = KNN_WEIGHT * cf + CATEGORY_WEIGHT * category * (0.5 + 0.5 * pop) + POPULARITY_WEIGHT * pop;
      if (score > 0) {
        out.put(id, score);
      }
    }
    return out;
  }

  private Map<String, Double> coldStartScores(String userId) {
    User user = users.get(userId);
    Set<String> features = user == null ? Set.of() : features(user);
    if (features.isEmpty()) {
      return popularity;
    }
    Map<String, Double> favoured = new HashMap<>();
    for (Map.Entry<String, LinkedHashMap<String, Double>> peer : userItems.entrySet()) {
      User other = users.get(peer.getKey());
      if (other == null) {
        continue;
      }
      Set<String> shared = new HashSet<>(features(other));
      shared.retainAll(features);
      if (shared.isEmpty()) {
        continue;
      }
      double similarity = (double) shared.size() / features.size();
      double weight = similarity * similarity;
      peer.getValue().forEach((item, strength) -> favoured.merge(item, weight * strength, Double::sum));
    }
    if (favoured.isEmpty()) {
      return popularity;
    }
    double maxFavoured = max(favoured);
    double maxPopularity = max(popularity);
    Map<String, Double> out = new HashMap<>();
    for (String id : universe) {
      double score = DEMOGRAPHIC_WEIGHT * favoured.getOrDefault(id, 0.0) / maxFavoured
          + (maxPopularity > 0 ? (1 - DEMOGRAPHIC_WEIGHT) * popularity.getOrDefault(id, 0.0) / maxPopularity : 0);
      if (score > 0) {
        out.put(id, score);
      }
    }
    return out;
  }

  private Map<String, Double> relatedScores(String itemId) {
    Map<String, Double> cf = cosine(itemId);
    Set<String> ownCategories = new HashSet<>(categories(itemId));
    double maxCf = max(cf);
    double maxPopularity = max(popularity);
    Map<String, Double> out = new HashMap<>();
    for (String id : universe) {
      if (id.equals(itemId)) {
        continue;
      }
      double pop = maxPopularity > 0 ? popularity.getOrDefault(id, 0.0) / maxPopularity : 0;
      double score;
      if (cf.getOrDefault(id, 0.0) > 0) {
        score = 2 + cf.get(id) / maxCf;
      } else if (!ownCategories.isEmpty() && categories(id).stream().anyMatch(ownCategories::contains)) {
        score = 1 + pop;
      } else {
        score = pop;
      }
      if (score > 0) {
        out.put(id, score);
      }
    }
    return out;
  }

  /**
   * Cosine similarity of {@code itemId} to every item that shares a user with it, counting the
   * {@value #MAX_NEIGHBOURS} users who came to it last.
   */
  private Map<String, Double> cosine(String itemId) {
    return neighbours(itemId).all();
  }

  private Neighbours neighbours(String itemId) {
    Neighbours cached = cosineCache.get(itemId);
    if (cached != null) {
      return cached;
    }
    Holders holders = itemUsers.get(itemId);
    if (holders == null) {
      return new Neighbours(Map.of(), List.of());
    }
    Map<String, int[]> together = new HashMap<>();
    for (String u : holders.latest(MAX_NEIGHBOURS)) {
      for (String other : userItems.get(u).keySet()) {
        if (!other.equals(itemId)) {
          together.computeIfAbsent(other, k -> new int[1])[0]++;
        }
      }
    }
    Map<String, Double> out = new HashMap<>(together.size() * 2);
    together.forEach((other, count) ->
        out.put(other, count[0] / Math.sqrt((double) holders.size() * itemUsers.get(other).size())));
    List<ScoredItem> strongest = new ArrayList<>(out.size());
    out.forEach((id, score) -> strongest.add(new ScoredItem(id, score)));
    strongest.sort(BEST_FIRST);
    Neighbours result = new Neighbours(out,
        List.copyOf(strongest.subList(0, Math.min(MAX_NEIGHBOUR_ITEMS, strongest.size()))));
    if (cosineCache.size() >= COSINE_CACHE_SIZE) {
      cosineCache.clear();
    }
    cosineCache.put(itemId, result);
    return result;
  }

  private List<String> categories(String itemId) {
    return categoriesByItem.getOrDefault(itemId, List.of());
  }

  /** Categorical values as NAME=value, numeric ones bucketed by tens as NAME~bucket. */
  private static Set<String> features(User user) {
    Set<String> out = new HashSet<>();
    user.attributes().forEach((name, value) -> {
      if (value instanceof AttributeValue.Categorical c) {
        c.values().forEach(v -> out.add(name + "=" + v));
      } else if (value instanceof AttributeValue.Numeric num) {
        out.add(name + "~" + (long) Math.floor(num.value() / 10));
      }
    });
    return out;
  }

  /**
   * Every item of the universe (except {@code excluded}) best first: scored items by descending
   * score, then unscored ones, each tie in id order; scores divided by their sum.
   */
  private List<ScoredItem> ranked(Map<String, Double> raw, String excluded) {
    List<ScoredItem> scored = new ArrayList<>(raw.size());
    double total = 0;
    for (Map.Entry<String, Double> e : raw.entrySet()) {
      if (e.getValue() > 0 && universe.contains(e.getKey()) && !e.getKey().equals(excluded)) {
        scored.add(new ScoredItem(e.getKey(), e.getValue()));
        total += e.getValue();
      }
    }
    scored.sort(BEST_FIRST);
    List<ScoredItem> out = new ArrayList<>(universe.size());
    for (ScoredItem s : scored) {
      out.add(new ScoredItem(s.itemId(), Math.min(1.0, s.score() / total)));
    }
    for (String id : universe) {
      Double score = raw.get(id);
      if ((score == null || score <= 0) && !id.equals(excluded)) {
        out.add(new ScoredItem(id, 0.0));
      }
    }
    return out;
  }

  private static List<ScoredItem> top(List<ScoredItem> ranked, int n, ItemFilter filter) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0 but was " + n);
    }
    Objects.requireNonNull(filter, "filter");
    List<ScoredItem> out = new ArrayList<>(Math.min(n, ranked.size()));
    for (ScoredItem s : ranked) {
      if (out.size() >= n) {
        break;
      }
      if (filter.test(s.itemId())) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private double recencyWeight(Instant time) {
    double days = Duration.between(reference, time).toMillis() / 86_400_000.0;
    double exponent = Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, days / HALF_LIFE_DAYS));
    return Math.pow(2, exponent);
  }

  /** How strongly an event type signals interest; purchases count most. */
  static double typeWeight(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "purchase", "buy", "order" -> 1.0;
      case "addtocart", "add-to-cart", "add_to_cart" -> 0.7;
      case "click", "rating", "watch", "stream" -> 0.5;
      default -> 0.4;
    };
  }

  private static double max(Map<String, Double> values) {
    double m = 0;
    for (double v : values.values()) {
      m = Math.max(m, v);
    }
    return m;
  }

  private <T> T read(java.util.function.Supplier<T> body) {
    lock.readLock().lock();
    try {
      return body.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
