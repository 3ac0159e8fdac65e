package dev.personalize4j.benchmarks;

import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.CacheSettings;
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
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;

/**
 * Figure 2: an uncached {@code forUser} (cache disabled, so every call goes over HTTP) against the
 * raw SDK {@code getRecommendations} it wraps, both to the same in-process emulator with
 * default-configured Apache HTTP clients and SDK retries off, over the same 256 users.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class RemoteCallBenchmark {
  static final int USERS = 256;

  private EmulatorFixture fixture;
  private SdkHttpClient adapterHttp;
  private SdkHttpClient rawHttp;
  private AwsPersonalize adapter;
  private Recommender recommender;
  private PersonalizeRuntimeClient raw;
  private final UserId[] users = new UserId[USERS];
  private final RecommendationRequest request = RecommendationRequest.defaults();
  private int next;

  /** Starts the emulator and builds both clients. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = EmulatorFixture.start();
    adapterHttp = ApacheHttpClient.builder().build();
    rawHttp = ApacheHttpClient.builder().build();
    adapter = fixture.adapter(adapterHttp).cache(CacheSettings.disabled()).build();
    recommender = adapter.recommender();
    raw = fixture.rawRuntime(rawHttp);
    for (int u = 0; u < USERS; u++) {
      users[u] = UserId.of(EmulatorFixture.user(u));
    }
    for (int i = 0; i < 2; i++) {
      Recommendations r = recommender.forUser(users[0], request);
      if (r.source() != Recommendations.Source.LIVE) {
        throw new IllegalStateException("uncached forUser answered " + r.source());
      }
    }
  }

  /** Closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    adapter.close();
    raw.close();
    adapterHttp.close();
    rawHttp.close();
    fixture.close();
  }

  /** One live recommendation call through the adapter. */
  @Benchmark
  public Recommendations uncachedForUser() {
    return recommender.forUser(users[next++ & (USERS - 1)], request);
  }

  /** The same call on the raw SDK client. */
  @Benchmark
  public GetRecommendationsResponse rawSdkGetRecommendations() {
    return raw.getRecommendations(GetRecommendationsRequest.builder()
        .campaignArn(fixture.campaignArn())
        .userId(users[next++ & (USERS - 1)].value())
        .numResults(request.limit())
        .build());
  }
}
