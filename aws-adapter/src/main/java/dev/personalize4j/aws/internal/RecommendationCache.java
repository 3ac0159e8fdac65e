package dev.personalize4j.aws.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Ticker;
import dev.personalize4j.aws.CacheSettings;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Caffeine-backed cache of recommendations with single-flight loading, per-user invalidation and a
 * bounded store of last-good answers for stale-if-error.
 *
 * <p>Concurrent misses for one key share one load. Every user has a generation (striped, so memory
 * stays bounded); {@link #invalidateUser} bumps it under the user's lock and drops the user's keys
 * through a per-user index, so no scan of the cache is needed. A load records the generation before
 * it starts and caches its answer only if the generation is unchanged, checked under the same lock,
 * so a load that started before an event can never re-populate a pre-event answer.
 */
public final class RecommendationCache {
  private static final int STRIPES = 1024;

  /** What an answer is cached under: kind of call, the user or item, and the request options. */
  public record Key(String kind, String subject, Object request, boolean userScoped) {}

  private final boolean enabled;
  private final Cache<Key, Recommendations> fresh;
  private final Cache<Key, Recommendations> stale;
  private final ConcurrentHashMap<String, Set<Key>> keysByUser = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, CompletableFuture<Recommendations>> inFlight = new ConcurrentHashMap<>();
  private final long[] generations = new long[STRIPES];
  private final Object[] locks = new Object[STRIPES];
  private final Counters counters;

  public RecommendationCache(CacheSettings settings, Ticker ticker, Counters counters) {
    this.enabled = settings.enabled() && settings.maximumSize() > 0;
    this.counters = counters;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
    this.fresh = Caffeine.newBuilder()
        .ticker(ticker::read)
        .expireAfterWrite(settings.ttl())
        .maximumSize(settings.maximumSize())
        .<Key, Recommendations>removalListener((key, value, cause) -> {
          if (key != null && key.userScoped() && cause.wasEvicted()) {
            unindex(key);
          }
        })
        .build();
    this.stale = Caffeine.newBuilder()
        .ticker(ticker::read)
        .executor(Runnable::run)
        .expireAfterWrite(settings.staleTtl())
        .maximumSize(settings.staleMaximumSize())
        .build();
  }

  private int stripe(String user) {
    return (user.hashCode() & 0x7fffffff) % STRIPES;
  }

  /**
   * Returns the cached answer (stored marked CACHED) or loads it once for all concurrent callers.
   * Exceptions of the loader propagate to every caller waiting on that load.
   */
  public Recommendations get(Key key, Supplier<Recommendations> loader) {
    if (enabled) {
      Recommendations hit = fresh.getIfPresent(key);
      if (hit != null) {
        counters.cacheHits.increment();
        return hit;
      }
    }
    counters.cacheMisses.increment();
    CompletableFuture<Recommendations> mine = new CompletableFuture<>();
    CompletableFuture<Recommendations> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return join(running);
    }
    try {
      if (enabled) {
        Recommendations hit = fresh.getIfPresent(key);
        if (hit != null) {
          mine.complete(hit);
          return hit;
        }
      }
      long generation = key.userScoped() ? generation(key.subject()) : 0;
      counters.cacheLoads.increment();
      Recommendations loaded = loader.get();
      store(key, loaded, generation);
      mine.complete(loaded);
      return loaded;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private static Recommendations join(CompletableFuture<Recommendations> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private long generation(String user) {
    int s = stripe(user);
    synchronized (locks[s]) {
      return generations[s];
    }
  }

  private void store(Key key, Recommendations value, long generation) {
    stale.put(key, value);
    if (!enabled) {
      return;
    }
    // Stored already marked CACHED, so a hit returns it as is: no copy per hit.
    Recommendations cached = value.withSource(Recommendations.Source.CACHED);
    if (!key.userScoped()) {
      fresh.put(key, cached);
      return;
    }
    int s = stripe(key.subject());
    synchronized (locks[s]) {
      if (generations[s] != generation) {
        return;
      }
      keysByUser.computeIfAbsent(key.subject(), u -> ConcurrentHashMap.newKeySet()).add(key);
      fresh.put(key, cached);
    }
  }

  private void unindex(Key key) {
    synchronized (locks[stripe(key.subject())]) {
      if (fresh.asMap().containsKey(key)) {
        return;
      }
      keysByUser.computeIfPresent(key.subject(), (u, keys) -> {
        keys.remove(key);
        return keys.isEmpty() ? null : keys;
      });
    }
  }

  /** Drops every fresh answer for {@code user} and stops in-flight loads for them from being cached. */
  public void invalidateUser(String user) {
    int s = stripe(user);
    synchronized (locks[s]) {
      generations[s]++;
      Set<Key> keys = keysByUser.remove(user);
      if (keys != null) {
        fresh.invalidateAll(keys);
      }
    }
    inFlight.keySet().removeIf(k -> k.userScoped() && k.subject().equals(user));
  }

  /** The last good answer for {@code key}, if still kept. */
  public Optional<Recommendations> lastGood(Key key) {
    return Optional.ofNullable(stale.getIfPresent(key));
  }

  /** How many fresh answers are cached (approximately). */
  public long size() {
    return fresh.estimatedSize();
  }
}
