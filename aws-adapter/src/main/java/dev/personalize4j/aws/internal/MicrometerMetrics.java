package dev.personalize4j.aws.internal;

import dev.personalize4j.aws.AwsPersonalizeStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Registers the adapter's statistics as Micrometer meters. Only loaded when Micrometer is on the
 * classpath and a registry was given.
 */
public final class MicrometerMetrics {
  private static final List<String> OPERATIONS = List.of("GetRecommendations", "GetPersonalizedRanking",
      "PutEvents", "PutItems", "PutUsers", "CreateDatasetImportJob", "DescribeDatasetImportJob");

  private MicrometerMetrics() {}

  /** Whether {@code registry} is a Micrometer {@code MeterRegistry} (false if Micrometer is absent). */
  public static boolean isRegistry(Object registry) {
    try {
      return Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
          MicrometerMetrics.class.getClassLoader()).isInstance(registry);
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Registers every meter on {@code registry}, reading {@code stats} when scraped.
   *
   * @return removes the meters again (called on close)
   */
  public static Runnable bind(Object registry, Supplier<AwsPersonalizeStats> stats, List<String> endpoints) {
    MeterRegistry r = (MeterRegistry) registry;
    List<Meter> before = List.copyOf(r.getMeters());
    counter(r, "personalize4j.cache.requests", "result", "hit", stats, AwsPersonalizeStats::cacheHits);
    counter(r, "personalize4j.cache.requests", "result", "miss", stats, AwsPersonalizeStats::cacheMisses);
    counter(r, "personalize4j.cache.loads", null, null, stats, AwsPersonalizeStats::cacheLoads);
    Gauge.builder("personalize4j.cache.size", stats, s -> s.get().cacheSize()).register(r);
    for (String op : OPERATIONS) {
      counter(r, "personalize4j.backend.requests", "operation", op, stats, s -> s.backendCalls(op));
    }
    counter(r, "personalize4j.retries", null, null, stats, AwsPersonalizeStats::retries);
    counter(r, "personalize4j.fallbacks", "source", "stale", stats, AwsPersonalizeStats::staleServed);
    counter(r, "personalize4j.fallbacks", "source", "fallback", stats, AwsPersonalizeStats::fallbackServed);
    counter(r, "personalize4j.fallbacks", "source", "empty", stats, AwsPersonalizeStats::emptyServed);
    for (String endpoint : endpoints) {
      Gauge.builder("personalize4j.circuit.state", stats, s -> switch (s.get().circuit(endpoint)) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
            case OTHER -> 3;
          })
          .description("0 closed, 1 open, 2 half-open, 3 other")
          .tag("endpoint", endpoint)
          .register(r);
    }
    counter(r, "personalize4j.events", "outcome", "recorded", stats, AwsPersonalizeStats::eventsRecorded);
    counter(r, "personalize4j.events", "outcome", "delivered", stats, AwsPersonalizeStats::eventsDelivered);
    counter(r, "personalize4j.events", "outcome", "retried", stats, AwsPersonalizeStats::eventsRetried);
    counter(r, "personalize4j.events", "outcome", "dead_lettered", stats, AwsPersonalizeStats::eventsDeadLettered);
    Gauge.builder("personalize4j.events.pending", stats, s -> s.get().eventsPending()).register(r);
    counter(r, "personalize4j.catalog.upserted", "type", "items", stats, AwsPersonalizeStats::itemsUpserted);
    counter(r, "personalize4j.catalog.upserted", "type", "users", stats, AwsPersonalizeStats::usersUpserted);
    List<Meter> ours = new ArrayList<>(r.getMeters());
    ours.removeAll(before);
    return () -> ours.forEach(r::remove);
  }

  private static void counter(MeterRegistry r, String name, String tag, String value,
      Supplier<AwsPersonalizeStats> stats, ToDoubleFunction<AwsPersonalizeStats> f) {
    FunctionCounter.Builder<Supplier<AwsPersonalizeStats>> b =
        FunctionCounter.builder(name, stats, s -> f.applyAsDouble(s.get()));
    if (tag != null) {
      b.tag(tag, value);
    }
    b.register(r);
  }
}
