package dev.personalize4j.aws.provisioning;

import java.time.Duration;

/** Waits between polls; injectable so that tests never wait for real. */
@FunctionalInterface
public interface Sleeper {
  /** Waits {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real sleeper, backed by {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
