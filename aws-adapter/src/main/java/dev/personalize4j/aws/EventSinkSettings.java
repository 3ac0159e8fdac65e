package dev.personalize4j.aws;

import dev.personalize4j.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link AwsPersonalize}'s event sink buffers, batches, retries and (optionally) journals events
 * before they reach PutEvents.
 */
public final class EventSinkSettings {
  /** What {@code record} does when the buffer is full. */
  public enum OverflowPolicy {
    /** Wait up to {@link #blockTimeout()} for room, then throw. */
    BLOCK,
    /** Throw at once. */
    REJECT
  }

  private final int maxBatchSize;
  private final Duration linger;
  private final int bufferCapacity;
  private final OverflowPolicy overflowPolicy;
  private final Duration blockTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration drainTimeout;
  private final DeadLetterHandler deadLetterHandler;
  private final Path durableSpool;

  private EventSinkSettings(Builder b) {
    this.maxBatchSize = (int) Checks.range("maxBatchSize", b.maxBatchSize, 1, Limits.MAX_RECORDS_PER_CALL);
    this.linger = Checks.notNegative("linger", b.linger);
    this.bufferCapacity = (int) Checks.range("bufferCapacity", b.bufferCapacity, 1, 10_000_000);
    this.overflowPolicy = Objects.requireNonNull(b.overflowPolicy, "overflowPolicy");
    this.blockTimeout = Checks.notNegative("blockTimeout", b.blockTimeout);
    this.maxAttempts = (int) Checks.range("maxAttempts", b.maxAttempts, 1, 100);
    this.initialBackoff = Checks.positive("initialBackoff", b.initialBackoff);
    this.maxBackoff = Checks.positive("maxBackoff", b.maxBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be at least initialBackoff (" + initialBackoff + ") but was " + maxBackoff);
    }
    this.drainTimeout = Checks.notNegative("drainTimeout", b.drainTimeout);
    this.deadLetterHandler = Objects.requireNonNull(b.deadLetterHandler, "deadLetterHandler");
    this.durableSpool = b.durableSpool;
  }

  /** The defaults: batches of 10, 50 ms linger, 10,000 buffered, BLOCK for 1 s, 8 attempts, 10 s drain. */
  public static EventSinkSettings defaults() {
    return builder().build();
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Events per PutEvents call, 1 to 10. */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /** How long the sender waits for more events before sending a partial batch. */
  public Duration linger() {
    return linger;
  }

  /** How many events may wait in the buffer. */
  public int bufferCapacity() {
    return bufferCapacity;
  }

  /** What happens when the buffer is full. */
  public OverflowPolicy overflowPolicy() {
    return overflowPolicy;
  }

  /** How long {@link OverflowPolicy#BLOCK} waits for room. */
  public Duration blockTimeout() {
    return blockTimeout;
  }

  /** Attempts per batch, including the first, before its events are dead-lettered. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait before the first retry of a batch. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest wait between retries of a batch. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** How long {@code close()} tries to deliver pending events before dead-lettering them. */
  public Duration drainTimeout() {
    return drainTimeout;
  }

  /** Receives undeliverable events. */
  public DeadLetterHandler deadLetterHandler() {
    return deadLetterHandler;
  }

  /** The directory of the durable spool, if configured. */
  public Optional<Path> durableSpool() {
    return Optional.ofNullable(durableSpool);
  }

  /** Returns a builder initialised from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxBatchSize = maxBatchSize;
    b.linger = linger;
    b.bufferCapacity = bufferCapacity;
    b.overflowPolicy = overflowPolicy;
    b.blockTimeout = blockTimeout;
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.drainTimeout = drainTimeout;
    b.deadLetterHandler = deadLetterHandler;
    b.durableSpool = durableSpool;
    return b;
  }

  @Override
  public String toString() {
    return "EventSinkSettings{maxBatchSize=" + maxBatchSize + ", linger=" + linger + ", bufferCapacity="
        + bufferCapacity + ", overflowPolicy=" + overflowPolicy + ", blockTimeout=" + blockTimeout
        + ", maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + ".." + maxBackoff
        + ", drainTimeout=" + drainTimeout + ", durableSpool=" + durableSpool + "}";
  }

  /** Builds {@link EventSinkSettings}. */
  public static final class Builder {
    private long maxBatchSize = Limits.MAX_RECORDS_PER_CALL;
    private Duration linger = Duration.ofMillis(50);
    private long bufferCapacity = 10_000;
    private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;
    private Duration blockTimeout = Duration.ofSeconds(1);
    private long maxAttempts = 8;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration drainTimeout = Duration.ofSeconds(10);
    private DeadLetterHandler deadLetterHandler = DeadLetterHandler.logging();
    private Path durableSpool;

    private Builder() {}

    /** Events per PutEvents call, 1 to 10. */
    public Builder maxBatchSize(int size) {
      this.maxBatchSize = size;
      return this;
    }

    /** How long to wait for more events before sending a partial batch. */
    public Builder linger(Duration linger) {
      this.linger = linger;
      return this;
    }

    /** How many events may wait in the buffer. */
    public Builder bufferCapacity(int capacity) {
      this.bufferCapacity = capacity;
      return this;
    }

    /** Waits up to {@code timeout} for room in a full buffer, then throws. */
    public Builder blockWhenFull(Duration timeout) {
      this.overflowPolicy = OverflowPolicy.BLOCK;
      this.blockTimeout = timeout;
      return this;
    }

    /** Throws at once when the buffer is full. */
    public Builder rejectWhenFull() {
      this.overflowPolicy = OverflowPolicy.REJECT;
      return this;
    }

    /** Attempts per batch before dead-lettering. */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    /** Exponential backoff between retries of a batch. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** How long {@code close()} keeps delivering. */
    public Builder drainTimeout(Duration timeout) {
      this.drainTimeout = timeout;
      return this;
    }

    /** Receives undeliverable events; the default logs a WARN. */
    public Builder deadLetterHandler(DeadLetterHandler handler) {
      this.deadLetterHandler = handler;
      return this;
    }

    /**
     * Journals every recorded event to files in {@code directory}, so events survive a crash of the
     * JVM and are re-sent by the next sink opened on the same directory.
     *
     * <ul>
     *   <li>{@code record} appends the stamped event (with its event id) as one line to
     *       {@code events.log} and flushes it to the operating system before returning: a SIGKILL
     *       of the JVM loses nothing already recorded (there is no fsync, so a power loss may).
     *   <li>When an event is delivered or dead-lettered (including at close after the drain
     *       timeout), or refused by a full buffer (so {@code record} throws), its id is appended to
     *       {@code done.log}.
     *   <li>When a sink opens the directory, every event in {@code events.log} whose id is not in
     *       {@code done.log} is re-enqueued, in recording order, with its original event id and
     *       timestamp, and counted as recorded; the journals are then compacted. An event delivered
     *       just before a crash but not yet marked done is sent again with the same event id, which
     *       Personalize does not count twice.
     *   <li>{@code spool.lock} holds an OS file lock while a sink uses the directory; a second sink
     *       on it fails to start. The lock dies with the process.
     *   <li>The line format (UTF-8, TAB-separated, {@code %XX}-escaped fields, no Java
     *       serialization) is described in {@code dev.personalize4j.aws.internal.EventSpool}; a torn
     *       last line is skipped with a warning.
     * </ul>
     */
    public Builder durableSpool(Path directory) {
      this.durableSpool = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Validates and returns the settings. */
    public EventSinkSettings build() {
      return new EventSinkSettings(this);
    }
  }
}
