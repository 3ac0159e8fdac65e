package dev.personalize4j.testing.emulator;

import dev.personalize4j.testing.emulator.internal.FaultPlan;
import java.time.Duration;

/**
 * Injects failures into an emulator's calls, per operation name (e.g. {@code "GetRecommendations"})
 * or {@code "*"} for every operation. Fractional faults draw from randomness seeded by
 * {@link PersonalizeEmulator.Builder#seed}, so a run is repeatable. Every method returns this.
 */
public final class EmulatorFaults {
  private final FaultPlan plan;

  EmulatorFaults(FaultPlan plan) {
    this.plan = plan;
  }

  /** Answers {@code fraction} (0 to 1) of calls with HTTP 400 and {@code ThrottlingException}. */
  public EmulatorFaults throttle(String operation, double fraction) {
    plan.fraction(operation, FaultType.THROTTLE, fraction);
    return this;
  }

  /** Answers {@code fraction} of calls with HTTP 429. */
  public EmulatorFaults tooManyRequests(String operation, double fraction) {
    plan.fraction(operation, FaultType.TOO_MANY_REQUESTS, fraction);
    return this;
  }

  /** Answers {@code fraction} of calls with HTTP 500 {@code InternalFailure} or 503 {@code ServiceUnavailable}. */
  public EmulatorFaults serverError(String operation, double fraction) {
    plan.fraction(operation, FaultType.SERVER_ERROR, fraction);
    return this;
  }

  /** Delays every call by {@code delay} on the server before it is answered. */
  public EmulatorFaults latency(String operation, Duration delay) {
    plan.latency(operation, delay);
    return this;
  }

  /** Closes the connection without a response on {@code fraction} of calls. */
  public EmulatorFaults resetConnections(String operation, double fraction) {
    plan.fraction(operation, FaultType.RESET_CONNECTION, fraction);
    return this;
  }

  /** Answers {@code fraction} of calls with HTTP 200 and a body that is not valid JSON. */
  public EmulatorFaults malformedResponses(String operation, double fraction) {
    plan.fraction(operation, FaultType.MALFORMED_RESPONSE, fraction);
    return this;
  }

  /**
   * Fails the first {@code attempts} attempts of every call with {@code type}; the attempts of one
   * call are recognised by the SDK's {@code amz-sdk-invocation-id} header, which stays the same
   * across its retries (calls without the header share one count).
   */
  public EmulatorFaults failFirstAttempts(String operation, int attempts, FaultType type) {
    plan.failFirst(operation, attempts, type);
    return this;
  }

  /**
   * Fails the next {@code calls} requests of {@code operation} with {@code type}, whoever sends them,
   * then lets requests through: for clients whose retries are separate SDK invocations (such as
   * the personalize4j adapter, which turns SDK retries off and retries itself).
   */
  public EmulatorFaults failNextCalls(String operation, int calls, FaultType type) {
    plan.failNext(operation, calls, type);
    return this;
  }

  /** Fails every call of {@code operation} with HTTP 503 until {@link #endOutage()}. */
  public EmulatorFaults outage(String operation) {
    plan.outage(operation);
    return this;
  }

  /** Ends every outage. */
  public EmulatorFaults endOutage() {
    plan.endOutage();
    return this;
  }

  /** Makes the training of every solution version created from now on end CREATE FAILED with this reason. */
  public EmulatorFaults failSolutionVersions(String failureReason) {
    plan.failSolutionVersions(failureReason);
    return this;
  }

  /** Removes every fault and restarts the seeded randomness. */
  public void clear() {
    plan.clear();
  }
}
