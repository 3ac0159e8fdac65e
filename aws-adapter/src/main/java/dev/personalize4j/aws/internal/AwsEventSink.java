package dev.personalize4j.aws.internal;

import dev.personalize4j.EventSink;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.ServiceUnavailableException;
import dev.personalize4j.Ticker;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.DeadLetterHandler;
import dev.personalize4j.aws.EventSinkSettings;
import dev.personalize4j.aws.Sleeper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;

/**
 * {@link EventSink} over PutEvents: {@code record} stamps, journals (optionally) and enqueues; one
 * sender thread groups events by (userId, sessionId), sends batches of at most 10, retries retryable
 * failures with backoff (same event ids), isolates invalid events, and dead-letters what cannot be
 * delivered.
 */
public final class AwsEventSink implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(AwsEventSink.class);
  static final String PUT_EVENTS = "PutEvents";
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private record Entry(long seq, Interaction interaction) {}

  private record Group(String userId, String sessionId) {}

  private final PersonalizeEventsClient client;
  private final String trackingId;
  private final EventSinkSettings settings;
  private final Clock clock;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Counters counters;
  private final Consumer<String> invalidation;
  private final DeadLetterHandler deadLetters;
  private final EventSpool spool;
  private final Retry retry;
  private final ArrayBlockingQueue<Entry> queue;
  private final SinkCounters sinkCounters = new SinkCounters();
  private final ConcurrentSkipListSet<Long> outstanding = new ConcurrentSkipListSet<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger flushWaiters = new AtomicInteger();
  private final ReentrantReadWriteLock closeLock = new ReentrantReadWriteLock();
  private final Object doneMonitor = new Object();
  private final Thread sender;
  private volatile boolean closed;
  private volatile boolean abort;

  public AwsEventSink(PersonalizeEventsClient client, String trackingId, EventSinkSettings settings, Clock clock,
      Ticker ticker, Sleeper sleeper, Counters counters, Consumer<String> invalidation) {
    this.client = client;
    this.trackingId = trackingId;
    this.settings = settings;
    this.clock = clock;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.counters = counters;
    this.invalidation = invalidation;
    this.deadLetters = settings.deadLetterHandler();
    this.queue = new ArrayBlockingQueue<>(settings.bufferCapacity());
    this.retry = Retry.of("personalize4j-events", RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
            settings.initialBackoff(), 2.0, 0.5, settings.maxBackoff()))
        .retryOnException(e -> e instanceof PersonalizeException p && p.isRetryable())
        .failAfterMaxAttempts(false)
        .build());
    this.spool = settings.durableSpool().map(EventSpool::new).orElse(null);
    this.sender = new Thread(this::runSender, "personalize4j-event-sender");
    sender.setDaemon(true);
    sender.start();
    if (spool != null) {
      for (Interaction i : spool.recovered()) {
        long seq = sequence.incrementAndGet();
        outstanding.add(seq);
        sinkCounters.recorded(1);
        try {
          queue.put(new Entry(seq, i));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while re-enqueuing spooled events", e);
        }
      }
    }
  }

  /** A consistent snapshot of the sink's counters. */
  public SinkCounters.Snapshot counters() {
    return sinkCounters.snapshot();
  }

  @Override
  public void record(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    if (trackingId == null) {
      throw new IllegalStateException(
          "recording events needs an event tracker: configure AwsPersonalize.builder().trackingId(...)");
    }
    closeLock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the event sink is closed");
      }
      Interaction stamped = interaction.stampedIfAbsent(clock.instant(), UUID.randomUUID().toString());
      long seq = sequence.incrementAndGet();
      if (spool != null) {
        try {
          spool.append(stamped);
        } catch (java.io.UncheckedIOException e) {
          throw new PersonalizeException("the event could not be journaled to the durable spool, so it was not "
              + "recorded: " + e.getMessage(), false, e);
        }
      }
      outstanding.add(seq);
      sinkCounters.recorded(1);
      boolean accepted;
      try {
        accepted = settings.overflowPolicy() == EventSinkSettings.OverflowPolicy.REJECT
            ? queue.offer(new Entry(seq, stamped))
            : queue.offer(new Entry(seq, stamped), settings.blockTimeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        accepted = false;
      }
      if (!accepted) {
        sinkCounters.refused(1);
        outstanding.remove(seq);
        if (spool != null) {
          spool.markDone(List.of(stamped));
        }
        throw new PersonalizeException("the event buffer is full (capacity " + settings.bufferCapacity()
            + (settings.overflowPolicy() == EventSinkSettings.OverflowPolicy.BLOCK
                ? ", waited " + settings.blockTimeout() : ", policy REJECT")
            + "); the event was not recorded", true);
      }
      stamped.userId().ifPresent(u -> invalidation.accept(u.value()));
      if (stamped.userId().isEmpty()) {
        invalidation.accept(stamped.sessionOrUser());
      }
    } finally {
      closeLock.readLock().unlock();
    }
  }

  @Override
  public void flush() {
    long target = sequence.get();
    flushWaiters.incrementAndGet();
    try {
      synchronized (doneMonitor) {
        while (!doneUpTo(target)) {
          if (!sender.isAlive()) {
            return;
          }
          doneMonitor.wait(50);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      flushWaiters.decrementAndGet();
    }
  }

  private boolean doneUpTo(long target) {
    Long first = outstanding.ceiling(Long.MIN_VALUE);
    return first == null || first > target;
  }

  @Override
  public void close() {
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      closeLock.writeLock().unlock();
    }
    try {
      sender.join(Math.max(1, settings.drainTimeout().toMillis()));
      if (sender.isAlive()) {
        // Past the drain timeout: wake a sender waiting out a backoff, so it dead-letters now.
        abort = true;
        sender.interrupt();
        sender.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort = true;
      sender.interrupt();
    }
    if (spool != null) {
      spool.close();
    }
    SinkCounters.Snapshot s = sinkCounters.snapshot();
    LOG.debug("event sink closed: {}", s);
  }

  private void runSender() {
    Map<Group, List<Entry>> groups = new LinkedHashMap<>();
    long[] windowStart = {0};
    try {
      while (true) {
        if (abort) {
          List<Entry> rest = new ArrayList<>();
          groups.values().forEach(rest::addAll);
          groups.clear();
          queue.drainTo(rest);
          deadLetter(rest, new ServiceUnavailableException(
              "the event sink closed before these events could be delivered (drain timeout "
                  + settings.drainTimeout() + ")"));
          return;
        }
        if (closed || flushWaiters.get() > 0) {
          List<Entry> drained = new ArrayList<>();
          queue.drainTo(drained, 1000);
          for (Entry e : drained) {
            add(groups, e, windowStart);
          }
          if (drained.isEmpty()) {
            if (!groups.isEmpty()) {
              sendAll(groups);
            } else if (closed) {
              return;
            } else {
              Entry e = queue.poll(1, TimeUnit.MILLISECONDS);
              if (e != null) {
                add(groups, e, windowStart);
              }
            }
          }
          continue;
        }
        long lingered = ticker.read() - windowStart[0];
        if (!groups.isEmpty() && lingered >= settings.linger().toNanos()) {
          sendAll(groups);
          continue;
        }
        long wait = groups.isEmpty() ? IDLE_POLL_NANOS
            : Math.min(IDLE_POLL_NANOS, settings.linger().toNanos() - lingered);
        Entry e = queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
        if (e != null) {
          add(groups, e, windowStart);
        }
      }
    } catch (InterruptedException ie) {
      // Only close() interrupts the sender; clear the flag so the spool's channels stay usable.
      Thread.interrupted();
      List<Entry> rest = new ArrayList<>();
      groups.values().forEach(rest::addAll);
      queue.drainTo(rest);
      deadLetter(rest, new ServiceUnavailableException(
          "the event sink closed before these events could be delivered (drain timeout "
              + settings.drainTimeout() + ")"));
    } catch (RuntimeException unexpected) {
      LOG.error("the event sender failed unexpectedly; pending events are dead-lettered", unexpected);
      List<Entry> rest = new ArrayList<>();
      groups.values().forEach(rest::addAll);
      queue.drainTo(rest);
      deadLetter(rest, new PersonalizeException("the event sender failed: " + unexpected, false, unexpected));
    }
  }

  private void add(Map<Group, List<Entry>> groups, Entry e, long[] windowStart) {
    if (groups.isEmpty()) {
      windowStart[0] = ticker.read();
    }
    Interaction i = e.interaction();
    Group g = new Group(i.userId().map(UserId::value).orElse(null), i.sessionOrUser());
    List<Entry> batch = groups.computeIfAbsent(g, k -> new ArrayList<>());
    batch.add(e);
    if (batch.size() >= settings.maxBatchSize()) {
      groups.remove(g);
      send(batch);
    }
  }

  private void sendAll(Map<Group, List<Entry>> groups) {
    List<List<Entry>> batches = new ArrayList<>(groups.values());
    groups.clear();
    for (List<Entry> batch : batches) {
      send(batch);
    }
  }

  /** Sends one group's batch (at most maxBatchSize events of one user and session) with retries. */
  private void send(List<Entry> batch) {
    PersonalizeException failure = attempt(batch);
    if (failure == null) {
      return;
    }
    if (!failure.isRetryable() && batch.size() > 1) {
      LOG.debug("PutEvents rejected a batch of {}; resending its events one by one", batch.size());
      for (Entry e : batch) {
        PersonalizeException single = attempt(List.of(e));
        if (single != null) {
          deadLetter(List.of(e), single);
        }
      }
      return;
    }
    deadLetter(batch, failure);
  }

  /** Returns null once delivered, else the final failure. */
  private PersonalizeException attempt(List<Entry> batch) {
    PutEventsRequest request = request(batch);
    Retry.AsyncContext<Object> context = retry.asyncContext();
    int attempts = 0;
    while (true) {
      if (abort) {
        return new ServiceUnavailableException("the event sink closed before these events could be delivered "
            + "(drain timeout " + settings.drainTimeout() + ")");
      }
      attempts++;
      PersonalizeException failure;
      try {
        counters.backendCall(PUT_EVENTS);
        client.putEvents(request);
        context.onComplete();
        done(batch, true);
        return null;
      } catch (RuntimeException e) {
        failure = Errors.translate(PUT_EVENTS, e);
      }
      long waitMillis = context.onError(failure);
      if (waitMillis < 0) {
        return failure.isRetryable()
            ? new PersonalizeException("PutEvents still failing after " + attempts + " attempts: "
                + failure.getMessage(), true, failure)
            : failure;
      }
      if (abort) {
        return new ServiceUnavailableException(
            "the event sink closed while retrying: " + failure.getMessage(), failure);
      }
      sinkCounters.retried(batch.size());
      try {
        sleeper.sleep(Duration.ofMillis(waitMillis));
      } catch (InterruptedException ie) {
        // Interrupted by close() past its drain timeout: give up this batch, keep the thread usable
        // for dead-lettering the rest (the spool's file channels close on an interrupted thread).
        Thread.interrupted();
        return new ServiceUnavailableException(
            "the event sink closed while retrying: " + failure.getMessage(), failure);
      }
    }
  }

  private PutEventsRequest request(List<Entry> batch) {
    Interaction first = batch.get(0).interaction();
    PutEventsRequest.Builder b = PutEventsRequest.builder()
        .trackingId(trackingId)
        .sessionId(first.sessionOrUser());
    first.userId().ifPresent(u -> b.userId(u.value()));
    List<Event> events = new ArrayList<>(batch.size());
    for (Entry e : batch) {
      events.add(event(e.interaction()));
    }
    return b.eventList(events).build();
  }

  static Event event(Interaction i) {
    Event.Builder b = Event.builder()
        .eventId(i.eventId().orElseThrow())
        .eventType(i.eventType().name())
        .itemId(i.itemId().value())
        .sentAt(i.timestamp().orElseThrow());
    if (i.eventValue().isPresent()) {
      b.eventValue((float) i.eventValue().getAsDouble());
    }
    i.propertiesJson().ifPresent(b::properties);
    i.recommendationId().ifPresent(b::recommendationId);
    if (!i.impressions().isEmpty()) {
      b.impression(i.impressions().stream().map(ItemId::value).toList());
    }
    return b.build();
  }

  private void done(List<Entry> batch, boolean delivered) {
    List<Interaction> interactions = batch.stream().map(Entry::interaction).toList();
    if (spool != null) {
      spool.markDone(interactions);
    }
    if (delivered) {
      sinkCounters.delivered(batch.size());
      // Invalidate again now that Personalize has the events: an answer fetched between record()
      // and delivery could otherwise be cached without them and mask the user's action.
      Interaction first = batch.get(0).interaction();
      invalidation.accept(first.userId().map(UserId::value).orElseGet(first::sessionOrUser));
    } else {
      sinkCounters.deadLettered(batch.size());
    }
    for (Entry e : batch) {
      outstanding.remove(e.seq());
    }
    synchronized (doneMonitor) {
      doneMonitor.notifyAll();
    }
  }

  private void deadLetter(List<Entry> batch, PersonalizeException cause) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      deadLetters.deadLetter(batch.stream().map(Entry::interaction).toList(), cause);
    } catch (RuntimeException e) {
      LOG.warn("the dead-letter handler failed: {}", e.toString());
    }
    done(batch, false);
  }

}
