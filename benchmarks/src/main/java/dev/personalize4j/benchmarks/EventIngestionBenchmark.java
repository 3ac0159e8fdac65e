package dev.personalize4j.benchmarks;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;

/**
 * Figure 3a: events per second delivered through the adapter's {@link EventSink} (record 200
 * events of 20 users, then {@code flush()} until PutEvents accepted them all) against one
 * PutEvents call per event on the raw SDK. Both send event ids and timestamps; scores are per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class EventIngestionBenchmark {
  static final int EVENTS = 200;
  static final int USERS = 20;

  private EmulatorFixture fixture;
  private SdkHttpClient adapterHttp;
  private SdkHttpClient rawHttp;
  private AwsPersonalize adapter;
  private EventSink sink;
  private PersonalizeEventsClient raw;
  private final Interaction[] events = new Interaction[EVENTS];

  /** Starts the emulator and builds both clients. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = EmulatorFixture.start();
    adapterHttp = ApacheHttpClient.builder().build();
    rawHttp = ApacheHttpClient.builder().build();
    adapter = fixture.adapter(adapterHttp).build();
    sink = adapter.eventSink();
    raw = fixture.rawEvents(rawHttp);
    for (int i = 0; i < EVENTS; i++) {
      events[i] = Interaction.of(UserId.of(EmulatorFixture.user(i % USERS)),
          ItemId.of(EmulatorFixture.item(i % EmulatorFixture.ITEMS)), EventType.VIEW);
    }
  }

  /** Keeps the emulator's record of received events from growing without bound. */
  @TearDown(Level.Iteration)
  public void forgetReceived() {
    fixture.emulator().inspection().resetCounters();
  }

  /** Closes everything; checks nothing was dead-lettered. */
  @TearDown(Level.Trial)
  public void tearDown() {
    long deadLettered = adapter.stats().eventsDeadLettered();
    adapter.close();
    raw.close();
    adapterHttp.close();
    rawHttp.close();
    fixture.close();
    if (deadLettered > 0) {
      throw new IllegalStateException(deadLettered + " events were dead-lettered during the benchmark");
    }
  }

  /** 200 events through the sink, until all are delivered. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void eventSink() {
    for (Interaction e : events) {
      sink.record(e);
    }
    sink.flush();
  }

  /** 200 events, one PutEvents call each. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void putEventsPerEvent() {
    for (Interaction e : events) {
      String user = e.userId().orElseThrow().value();
      raw.putEvents(PutEventsRequest.builder()
          .trackingId(fixture.trackingId())
          .sessionId(user)
          .userId(user)
          .eventList(Event.builder()
              .eventId(UUID.randomUUID().toString())
              .eventType(e.eventType().name())
              .itemId(e.itemId().value())
              .sentAt(Instant.now())
              .build())
          .build());
    }
  }
}
