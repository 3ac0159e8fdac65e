package dev.personalize4j.benchmarks;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Figure 3b: the caller-side latency of {@code EventSink.record} (stamp, id, enqueue, cache
 * invalidation) while the sink's sender delivers to the emulator in the background, sampled per
 * call. A buffer kept below capacity (a {@code flush()} every 2,000 events, outside the
 * measurement) keeps the figure about recording, not about back-pressure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RecordLatencyBenchmark {
  static final int TEMPLATES = 1000;
  static final int FLUSH_EVERY = 2000;

  private EmulatorFixture fixture;
  private SdkHttpClient http;
  private AwsPersonalize adapter;
  private EventSink sink;
  private final Interaction[] events = new Interaction[TEMPLATES];
  private int next;
  private int sinceFlush;

  /** Starts the emulator and the adapter. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = EmulatorFixture.start();
    http = ApacheHttpClient.builder().build();
    adapter = fixture.adapter(http).build();
    sink = adapter.eventSink();
    for (int i = 0; i < TEMPLATES; i++) {
      events[i] = Interaction.of(UserId.of(EmulatorFixture.user(i % 50)),
          ItemId.of(EmulatorFixture.item(i % EmulatorFixture.ITEMS)), EventType.CLICK);
    }
  }

  /** Outside the measurement: lets the sender catch up now and then. */
  @Setup(Level.Invocation)
  public void room() {
    if (++sinceFlush >= FLUSH_EVERY) {
      sinceFlush = 0;
      sink.flush();
    }
  }

  /** Keeps the emulator's record of received events bounded. */
  @TearDown(Level.Iteration)
  public void forgetReceived() {
    sink.flush();
    fixture.emulator().inspection().resetCounters();
  }

  /** Closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    adapter.close();
    http.close();
    fixture.close();
  }

  /** One {@code record}. */
  @Benchmark
  public void record() {
    sink.record(events[next++ % TEMPLATES]);
  }
}
