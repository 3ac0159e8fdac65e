package dev.personalize4j;

/**
 * A source of nanosecond time for measuring durations, injectable so tests control time (as with
 * Caffeine's ticker). Wall-clock time comes from a {@link java.time.Clock}.
 */
@FunctionalInterface
public interface Ticker {
  /** Nanoseconds since an arbitrary origin. */
  long read();

  /** The system ticker, backed by {@link System#nanoTime()}. */
  static Ticker system() {
    return System::nanoTime;
  }
}
