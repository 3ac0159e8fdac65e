package dev.personalize4j.testing;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An {@link EventSink} that keeps every interaction in arrival order, primarily for tests: inject it
 * where the application records events, then check what was recorded with {@link #recorded()},
 * {@link #takeEvent()} or the fluent {@link #assertThat()}. Like any sink it stamps a missing
 * timestamp (from its clock) and event id once; it may forward each stamped event to a delegate.
 * Thread-safe; needs no test framework.
 */
public final class RecordingEventSink implements EventSink {
  private final Clock clock;
  private final Optional<EventSink> delegate;
  private final List<Interaction> events = new ArrayList<>();
  private int taken;
  private boolean closed;

  private RecordingEventSink(Clock clock, Optional<EventSink> delegate) {
    this.clock = clock;
    this.delegate = delegate;
  }

  /** A sink stamping with the system UTC clock and forwarding nowhere. */
  public static RecordingEventSink create() {
    return builder().build();
  }

  /** A sink stamping with {@code clock} and forwarding nowhere. */
  public static RecordingEventSink create(Clock clock) {
    return builder().clock(clock).build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Stamps, forwards (in the same order as recorded here) and keeps {@code interaction}; if the
   * delegate rejects it, it is not kept either.
   *
   * @throws IllegalStateException if the sink is closed
   */
  @Override
  public void record(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    Interaction stamped = interaction.stampedIfAbsent(clock.instant(), UUID.randomUUID().toString());
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("event sink is closed; cannot record " + interaction);
      }
      delegate.ifPresent(d -> d.record(stamped));
      events.add(stamped);
      notifyAll();
    }
  }

  /** Flushes the delegate, if any; recording itself is immediate. */
  @Override
  public void flush() {
    delegate.ifPresent(EventSink::flush);
  }

  /** Rejects further events and closes the delegate, if any. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    delegate.ifPresent(EventSink::close);
  }

  /** Whether {@link #close()} was called. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** An immutable snapshot of every recorded interaction, stamped, in arrival order. */
  public synchronized List<Interaction> recorded() {
    return List.copyOf(events);
  }

  /** How many interactions were recorded. */
  public synchronized int size() {
    return events.size();
  }

  /**
   * Returns the oldest interaction not yet taken; successive calls walk through the recorded events
   * in arrival order.
   *
   * @throws AssertionError if every recorded event has been taken
   */
  public synchronized Interaction takeEvent() {
    if (taken >= events.size()) {
      throw new AssertionError("expected another recorded event but all " + events.size()
          + " recorded events were already taken");
    }
    return events.get(taken++);
  }

  /**
   * Like {@link #takeEvent()}, but waits up to {@code timeout} for an event recorded by another
   * thread; empty if none arrived.
   */
  public synchronized Optional<Interaction> pollEvent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (taken >= events.size()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return Optional.of(events.get(taken++));
  }

  /** Forgets every recorded interaction (the sink stays open). */
  public synchronized void clear() {
    events.clear();
    taken = 0;
  }

  /** Fluent assertions over a snapshot of the recorded events; failures throw {@link AssertionError}. */
  public EventsAssert assertThat() {
    return new EventsAssert(recorded(), "recorded events");
  }

  /** Builds a {@link RecordingEventSink}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private EventSink delegate;

    private Builder() {}

    /** The clock that stamps events without a timestamp; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A sink that receives every stamped event after it is recorded here; default none. */
    public Builder delegate(EventSink delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
      return this;
    }

    /** Returns the sink. */
    public RecordingEventSink build() {
      return new RecordingEventSink(clock, Optional.ofNullable(delegate));
    }
  }

  /**
   * Assertions over a fixed list of recorded interactions, chainable; each failure throws an {@link
   * AssertionError} that lists what was recorded.
   */
  public static final class EventsAssert {
    private final List<Interaction> events;
    private final String description;

    EventsAssert(List<Interaction> events, String description) {
      this.events = events;
      this.description = description;
    }

    /** The interactions under test. */
    public List<Interaction> events() {
      return events;
    }

    /** Asserts that exactly {@code expected} events were recorded. */
    public EventsAssert hasSize(int expected) {
      if (events.size() != expected) {
        throw fail("expected " + expected + " " + description + " but found " + events.size());
      }
      return this;
    }

    /** Asserts that nothing was recorded. */
    public EventsAssert isEmpty() {
      return hasSize(0);
    }

    /** Asserts that some event is {@code type} by {@code user} on {@code item}. */
    public EventsAssert containsEventFor(UserId user, ItemId item, EventType type) {
      Objects.requireNonNull(type, "type");
      if (events.stream().noneMatch(byUserItem(user, item).and(e -> e.eventType().equals(type)))) {
        throw fail("expected " + description + " to contain a " + type + " event of user " + user
            + " on item " + item + " but none matched");
      }
      return this;
    }

    /** Asserts that some event, of any type, is by {@code user} on {@code item}. */
    public EventsAssert containsEventFor(UserId user, ItemId item) {
      if (events.stream().noneMatch(byUserItem(user, item))) {
        throw fail("expected " + description + " to contain an event of user " + user + " on item "
            + item + " but none matched");
      }
      return this;
    }

    /** Asserts that no event is {@code type} by {@code user} on {@code item}. */
    public EventsAssert doesNotContainEventFor(UserId user, ItemId item, EventType type) {
      Objects.requireNonNull(type, "type");
      List<Interaction> found = events.stream()
          .filter(byUserItem(user, item).and(e -> e.eventType().equals(type))).toList();
      if (!found.isEmpty()) {
        throw fail("expected " + description + " to contain no " + type + " event of user " + user
            + " on item " + item + " but found " + found.size());
      }
      return this;
    }

    /** Asserts that the events' items are exactly {@code items}, in order. */
    public EventsAssert containsExactlyItems(ItemId... items) {
      List<ItemId> actual = events.stream().map(Interaction::itemId).toList();
      if (!actual.equals(Arrays.asList(items))) {
        throw fail("expected the items of " + description + " to be exactly " + Arrays.toString(items)
            + " in order but were " + actual);
      }
      return this;
    }

    /** Asserts that the events' types are exactly {@code types}, in order. */
    public EventsAssert containsExactlyEventTypes(EventType... types) {
      List<EventType> actual = events.stream().map(Interaction::eventType).toList();
      if (!actual.equals(Arrays.asList(types))) {
        throw fail("expected the event types of " + description + " to be exactly "
            + Arrays.toString(types) + " in order but were " + actual);
      }
      return this;
    }

    /** Asserts that every event has a timestamp and an event id. */
    public EventsAssert allStamped() {
      List<Interaction> unstamped = events.stream()
          .filter(e -> e.timestamp().isEmpty() || e.eventId().isEmpty()).toList();
      if (!unstamped.isEmpty()) {
        throw fail("expected every one of " + description + " to have a timestamp and an event id but "
            + unstamped.size() + " did not");
      }
      return this;
    }

    /** Asserts that at least one event matches {@code condition}, described by {@code what}. */
    public EventsAssert anyMatch(Predicate<Interaction> condition, String what) {
      if (events.stream().noneMatch(condition)) {
        throw fail("expected some of " + description + " to match: " + what);
      }
      return this;
    }

    /** Assertions over the events of {@code user} only, in order. */
    public EventsAssert forUser(UserId user) {
      Objects.requireNonNull(user, "user");
      return new EventsAssert(
          events.stream().filter(e -> e.userId().equals(Optional.of(user))).toList(),
          description + " of user " + user);
    }

    private static Predicate<Interaction> byUserItem(UserId user, ItemId item) {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(item, "item");
      return e -> e.userId().equals(Optional.of(user)) && e.itemId().equals(item);
    }

    private AssertionError fail(String message) {
      String listing = events.isEmpty() ? "  (none)"
          : events.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
      return new AssertionError(message + "\n" + description + " (" + events.size() + "):\n" + listing);
    }
  }
}
