package dev.personalize4j.testing.emulator.internal;

import dev.personalize4j.testing.emulator.FaultType;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The faults configured on an emulator and the seeded randomness that decides them, so that the same
 * seed and the same sequence of calls give the same faults.
 */
public final class FaultPlan {
  /** The operation wildcard. */
  public static final String ANY = "*";

  private final long seed;
  private Random random;
  private final Map<String, Map<FaultType, Double>> fractions = new HashMap<>();
  private final Map<String, Duration> latencies = new HashMap<>();
  private final Map<String, FailFirst> failFirst = new HashMap<>();
  private final Map<String, FailNext> failNext = new HashMap<>();
  private final Set<String> outages = new HashSet<>();
  private Optional<String> solutionVersionFailure = Optional.empty();

  private record FailFirst(int attempts, FaultType type, Map<String, Integer> seen) {}

  private static final class FailNext {
    private int remaining;
    private final FaultType type;

    FailNext(int remaining, FaultType type) {
      this.remaining = remaining;
      this.type = type;
    }
  }

  /** What to do to one call: an optional delay and an optional fault. */
  public record Decision(Duration delay, Optional<FaultType> fault, boolean outage) {}

  public FaultPlan(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  private static String op(String operation) {
    Objects.requireNonNull(operation, "operation");
    if (operation.isBlank()) {
      throw new IllegalArgumentException("operation must be an operation name such as GetRecommendations, or \"*\"");
    }
    return operation;
  }

  private static double fraction(double fraction) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("fraction must be between 0 and 1 but was " + fraction);
    }
    return fraction;
  }

  public synchronized void fraction(String operation, FaultType type, double fraction) {
    fractions.computeIfAbsent(op(operation), k -> new HashMap<>()).put(type, fraction(fraction));
  }

  public synchronized void latency(String operation, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative but was " + delay);
    }
    latencies.put(op(operation), delay);
  }

  public synchronized void failFirst(String operation, int attempts, FaultType type) {
    Objects.requireNonNull(type, "type");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be >= 0 but was " + attempts);
    }
    failFirst.put(op(operation), new FailFirst(attempts, type, new HashMap<>()));
  }

  public synchronized void failNext(String operation, int calls, FaultType type) {
    Objects.requireNonNull(type, "type");
    if (calls < 0) {
      throw new IllegalArgumentException("calls must be >= 0 but was " + calls);
    }
    failNext.put(op(operation), new FailNext(calls, type));
  }

  public synchronized void outage(String operation) {
    outages.add(op(operation));
  }

  public synchronized void endOutage() {
    outages.clear();
  }

  public synchronized void failSolutionVersions(String reason) {
    Objects.requireNonNull(reason, "failureReason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("failureReason must not be blank");
    }
    solutionVersionFailure = Optional.of(reason);
  }

  public synchronized Optional<String> solutionVersionFailure() {
    return solutionVersionFailure;
  }

  public synchronized void clear() {
    fractions.clear();
    latencies.clear();
    failFirst.clear();
    failNext.clear();
    outages.clear();
    solutionVersionFailure = Optional.empty();
    random = new Random(seed);
  }

  /** Whether a server error is a 500 (else a 503); drawn from the same seeded sequence. */
  public synchronized boolean internalFailure() {
    return random.nextBoolean();
  }

  /** Decides the fate of one call of {@code operation}; {@code invocationId} keys fail-first counting. */
  public synchronized Decision decide(String operation, Optional<String> invocationId) {
    Duration delay = latencies.getOrDefault(operation, latencies.getOrDefault(ANY, Duration.ZERO));
    if (outages.contains(operation) || outages.contains(ANY)) {
      return new Decision(delay, Optional.empty(), true);
    }
    for (String key : new String[] {operation, ANY}) {
      FailNext next = failNext.get(key);
      if (next != null && next.remaining > 0) {
        next.remaining--;
        return new Decision(delay, Optional.of(next.type), false);
      }
    }
    for (String key : new String[] {operation, ANY}) {
      FailFirst ff = failFirst.get(key);
      if (ff != null) {
        String id = invocationId.orElse("");
        int seen = ff.seen().merge(id, 1, Integer::sum);
        if (seen <= ff.attempts()) {
          return new Decision(delay, Optional.of(ff.type()), false);
        }
      }
    }
    for (FaultType type : FaultType.values()) {
      double p = Math.max(
          fractions.getOrDefault(operation, Map.of()).getOrDefault(type, 0.0),
          fractions.getOrDefault(ANY, Map.of()).getOrDefault(type, 0.0));
      if (p > 0 && random.nextDouble() < p) {
        return new Decision(delay, Optional.of(type), false);
      }
    }
    return new Decision(delay, Optional.empty(), false);
  }
}
