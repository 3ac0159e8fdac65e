package dev.personalize4j.aws.reliability;

import dev.personalize4j.testing.emulator.EmulatorFaults;
import java.time.Duration;

/** The faults injected into the emulator, for recommendations and events, while a scenario runs. */
enum FaultScenario {
  /** Every GetRecommendations and PutEvents fails with 503 until the outage ends. */
  FULL_OUTAGE(true, true) {
    @Override
    void apply(EmulatorFaults f) {
      f.outage("GetRecommendations").outage("PutEvents");
    }
  },
  /** Three quarters of the calls are throttled (400 ThrottlingException). */
  THROTTLING_STORM(false, true) {
    @Override
    void apply(EmulatorFaults f) {
      f.throttle("GetRecommendations", 0.75).throttle("PutEvents", 0.75);
    }
  },
  /** Most calls are refused with HTTP 429. */
  RATE_LIMITED_429(false, true) {
    @Override
    void apply(EmulatorFaults f) {
      f.tooManyRequests("GetRecommendations", 0.8).tooManyRequests("PutEvents", 0.8);
    }
  },
  /** GetRecommendations answers far later than the adapter's deadline; PutEvents is merely slow. */
  LATENCY_SPIKES(true, false) {
    @Override
    void apply(EmulatorFaults f) {
      f.latency("GetRecommendations", Duration.ofSeconds(3)).latency("PutEvents", Duration.ofMillis(20));
    }
  },
  /** Connections are closed without a response. */
  CONNECTION_RESETS(true, true) {
    @Override
    void apply(EmulatorFaults f) {
      f.resetConnections("GetRecommendations", 1.0).resetConnections("PutEvents", 1.0);
    }
  },
  /** 200 responses to GetRecommendations whose JSON is broken; events flow normally. */
  MALFORMED_RECOMMENDATIONS(true, false) {
    @Override
    void apply(EmulatorFaults f) {
      f.malformedResponses("GetRecommendations", 1.0);
    }
  },
  /**
   * 200 responses whose JSON is broken, to both operations. PutEvents has no output shape, so the
   * SDK takes its 200 as success whatever the body: for events this is not a failure.
   */
  MALFORMED_BODIES(true, false) {
    @Override
    void apply(EmulatorFaults f) {
      f.malformedResponses("GetRecommendations", 1.0).malformedResponses("PutEvents", 1.0);
    }
  },
  /** A burst of 500/503 answers on most calls. */
  SERVER_ERROR_BURST(false, true) {
    @Override
    void apply(EmulatorFaults f) {
      f.serverError("GetRecommendations", 0.6).serverError("PutEvents", 0.6);
    }
  };

  /** Whether every recommendation call fails while the fault lasts. */
  final boolean total;
  /** Whether PutEvents fails too (in some scenarios it is only slowed, or not touched). */
  final boolean eventsFail;

  FaultScenario(boolean total, boolean eventsFail) {
    this.total = total;
    this.eventsFail = eventsFail;
  }

  abstract void apply(EmulatorFaults faults);
}
