package dev.personalize4j.aws.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The adapter's monotonic counters, shared by recommender, sink and catalog sync. */
public final class Counters {
  public final LongAdder cacheHits = new LongAdder();
  public final LongAdder cacheMisses = new LongAdder();
  public final LongAdder cacheLoads = new LongAdder();
  public final LongAdder retries = new LongAdder();
  public final LongAdder staleServed = new LongAdder();
  public final LongAdder fallbackServed = new LongAdder();
  public final LongAdder emptyServed = new LongAdder();
  public final LongAdder itemsUpserted = new LongAdder();
  public final LongAdder usersUpserted = new LongAdder();
  public final LongAdder itemsBulkLoaded = new LongAdder();
  public final LongAdder usersBulkLoaded = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> backendCalls = new ConcurrentHashMap<>();

  /** Counts one request (attempt) sent to the service. */
  public void backendCall(String operation) {
    backendCalls.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  /** Requests per operation so far, sorted by name. */
  public Map<String, Long> backendCalls() {
    Map<String, Long> out = new TreeMap<>();
    backendCalls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Requests of one operation so far. */
  public long backendCalls(String operation) {
    LongAdder a = backendCalls.get(operation);
    return a == null ? 0 : a.sum();
  }
}
