package dev.personalize4j.aws;

import java.util.Map;

/**
 * A snapshot of what an {@link AwsPersonalize} has done so far: cache use, requests sent per
 * operation, retries, fallbacks served, circuit states, event delivery and catalog upserts. The
 * event counters are taken together, so {@code eventsRecorded() == eventsDelivered() +
 * eventsDeadLettered() + eventsPending()} holds in every snapshot.
 */
public final class AwsPersonalizeStats {
  /** The state of a circuit breaker. */
  public enum CircuitState {
    /** Calls go through. */
    CLOSED,
    /** Calls are rejected without reaching the service. */
    OPEN,
    /** A few probe calls go through to test recovery. */
    HALF_OPEN,
    /** Any other state (disabled, forced open, metrics only). */
    OTHER
  }

  private final long cacheHits;
  private final long cacheMisses;
  private final long cacheLoads;
  private final long cacheSize;
  private final Map<String, Long> backendCalls;
  private final long retries;
  private final long staleServed;
  private final long fallbackServed;
  private final long emptyServed;
  private final Map<String, CircuitState> circuits;
  private final long eventsRecorded;
  private final long eventsDelivered;
  private final long eventsRetried;
  private final long eventsDeadLettered;
  private final long eventsPending;
  private final long itemsUpserted;
  private final long usersUpserted;
  private final long itemsBulkLoaded;
  private final long usersBulkLoaded;

  AwsPersonalizeStats(long cacheHits, long cacheMisses, long cacheLoads, long cacheSize,
      Map<String, Long> backendCalls, long retries, long staleServed, long fallbackServed, long emptyServed,
      Map<String, CircuitState> circuits, long eventsRecorded, long eventsDelivered, long eventsRetried,
      long eventsDeadLettered, long eventsPending, long itemsUpserted, long usersUpserted, long itemsBulkLoaded,
      long usersBulkLoaded) {
    this.cacheHits = cacheHits;
    this.cacheMisses = cacheMisses;
    this.cacheLoads = cacheLoads;
    this.cacheSize = cacheSize;
    this.backendCalls = Map.copyOf(backendCalls);
    this.retries = retries;
    this.staleServed = staleServed;
    this.fallbackServed = fallbackServed;
    this.emptyServed = emptyServed;
    this.circuits = Map.copyOf(circuits);
    this.eventsRecorded = eventsRecorded;
    this.eventsDelivered = eventsDelivered;
    this.eventsRetried = eventsRetried;
    this.eventsDeadLettered = eventsDeadLettered;
    this.eventsPending = eventsPending;
    this.itemsUpserted = itemsUpserted;
    this.usersUpserted = usersUpserted;
    this.itemsBulkLoaded = itemsBulkLoaded;
    this.usersBulkLoaded = usersBulkLoaded;
  }

  /** Answers served from the cache. */
  public long cacheHits() {
    return cacheHits;
  }

  /** Calls that found no fresh cached answer. */
  public long cacheMisses() {
    return cacheMisses;
  }

  /** Loads started on a miss (concurrent misses for one key share one load). */
  public long cacheLoads() {
    return cacheLoads;
  }

  /** Fresh answers currently cached (approximate). */
  public long cacheSize() {
    return cacheSize;
  }

  /** Requests sent to the service per operation (every attempt counts), e.g. {@code GetRecommendations}. */
  public Map<String, Long> backendCalls() {
    return backendCalls;
  }

  /** Requests sent for one operation. */
  public long backendCalls(String operation) {
    return backendCalls.getOrDefault(operation, 0L);
  }

  /** Retries of recommendation, catalog and import-job calls (event retries are {@link #eventsRetried()}). */
  public long retries() {
    return retries;
  }

  /** Answers served STALE (last good answer) because the backend failed. */
  public long staleServed() {
    return staleServed;
  }

  /** Answers served by the fallback recommender because the backend failed. */
  public long fallbackServed() {
    return fallbackServed;
  }

  /** Empty answers served because the backend failed and nothing else could answer. */
  public long emptyServed() {
    return emptyServed;
  }

  /** The state of every circuit breaker used so far, keyed by endpoint ARN. */
  public Map<String, CircuitState> circuits() {
    return circuits;
  }

  /** The state of the circuit breaker of {@code endpointArn}; CLOSED if it was never used. */
  public CircuitState circuit(String endpointArn) {
    return circuits.getOrDefault(endpointArn, CircuitState.CLOSED);
  }

  /** Events accepted by {@code record} (and re-enqueued from a durable spool). */
  public long eventsRecorded() {
    return eventsRecorded;
  }

  /** Events PutEvents accepted. */
  public long eventsDelivered() {
    return eventsDelivered;
  }

  /** Event sends repeated after a retryable failure, counted per event. */
  public long eventsRetried() {
    return eventsRetried;
  }

  /** Events handed to the dead-letter handler. */
  public long eventsDeadLettered() {
    return eventsDeadLettered;
  }

  /** Events recorded but neither delivered nor dead-lettered yet. */
  public long eventsPending() {
    return eventsPending;
  }

  /** Items PutItems accepted. */
  public long itemsUpserted() {
    return itemsUpserted;
  }

  /** Users PutUsers accepted. */
  public long usersUpserted() {
    return usersUpserted;
  }

  /** Items loaded through bulk import jobs. */
  public long itemsBulkLoaded() {
    return itemsBulkLoaded;
  }

  /** Users loaded through bulk import jobs. */
  public long usersBulkLoaded() {
    return usersBulkLoaded;
  }

  @Override
  public String toString() {
    return "AwsPersonalizeStats{cacheHits=" + cacheHits + ", cacheMisses=" + cacheMisses + ", cacheLoads="
        + cacheLoads + ", cacheSize=" + cacheSize + ", backendCalls=" + backendCalls + ", retries=" + retries
        + ", staleServed=" + staleServed + ", fallbackServed=" + fallbackServed + ", emptyServed=" + emptyServed
        + ", circuits=" + circuits + ", eventsRecorded=" + eventsRecorded + ", eventsDelivered="
        + eventsDelivered + ", eventsRetried=" + eventsRetried + ", eventsDeadLettered=" + eventsDeadLettered
        + ", eventsPending=" + eventsPending + ", itemsUpserted=" + itemsUpserted + ", usersUpserted="
        + usersUpserted + ", itemsBulkLoaded=" + itemsBulkLoaded + ", usersBulkLoaded=" + usersBulkLoaded + "}";
  }
}
