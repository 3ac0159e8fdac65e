package dev.personalize4j.aws.internal;

/**
 * The event sink's counters, updated together under one lock so that every snapshot satisfies
 * {@code recorded = delivered + deadLettered + pending}.
 */
public final class SinkCounters {
  /** A consistent view of the counters. */
  public record Snapshot(long recorded, long delivered, long retried, long deadLettered, long pending) {}

  private long recorded;
  private long delivered;
  private long retried;
  private long deadLettered;
  private long pending;

  synchronized void recorded(long n) {
    recorded += n;
    pending += n;
  }

  /** Reverts {@link #recorded} for events the buffer refused. */
  synchronized void refused(long n) {
    recorded -= n;
    pending -= n;
  }

  synchronized void delivered(long n) {
    delivered += n;
    pending -= n;
  }

  synchronized void deadLettered(long n) {
    deadLettered += n;
    pending -= n;
  }

  synchronized void retried(long n) {
    retried += n;
  }

  /** Returns a consistent snapshot. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(recorded, delivered, retried, deadLettered, pending);
  }
}
