package dev.personalize4j.testing.emulator.internal;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one emulator.
 *
 * @param port the port to bind, 0 for a free one
 * @param dataDirectory where import jobs read s3://BUCKET/KEY as DIR/BUCKET/KEY
 * @param timeToActive how long a created resource takes to become ACTIVE
 * @param relaxTrainingMinimums whether training skips the 1000-interactions / 25-users minimums
 * @param seed the seed of fault-injection randomness
 * @param clock the clock behind every status transition and timestamp
 * @param bindAddress the address to bind
 * @param region the region in ARNs
 * @param accountId the account in ARNs
 */
public record Config(int port, Optional<Path> dataDirectory, Duration timeToActive, boolean relaxTrainingMinimums,
    long seed, Clock clock, InetAddress bindAddress, String region, String accountId) {
  /** Validates the settings. */
  public Config {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
    }
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(timeToActive, "timeToActive");
    if (timeToActive.isNegative()) {
      throw new IllegalArgumentException("timeToActive must not be negative but was " + timeToActive);
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(bindAddress, "bindAddress");
  }
}
