package dev.personalize4j.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.CacheSettings;
import java.time.Duration;
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
 * Figure 1: a cached {@code forUser} against the floor it is built on, a raw Caffeine
 * {@code getIfPresent} on an equivalent key (kind, user, request), over the same 1,024 warm users.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CacheBenchmark {
  static final int USERS = 1024;

  /** The baseline's key: what the adapter's cache key holds. */
  record Key(String kind, String subject, Object request, boolean userScoped) {}

  private EmulatorFixture fixture;
  private SdkHttpClient http;
  private AwsPersonalize adapter;
  private Recommender recommender;
  private Cache<Key, Recommendations> caffeine;
  private final UserId[] users = new UserId[USERS];
  private final RecommendationRequest request = RecommendationRequest.defaults();
  private int next;

  /** Starts the emulator and warms both caches with the same answers. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = EmulatorFixture.start();
    http = ApacheHttpClient.builder().build();
    adapter = fixture.adapter(http).cache(CacheSettings.builder().ttl(Duration.ofHours(1)).build()).build();
    recommender = adapter.recommender();
    caffeine = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000).build();
    for (int u = 0; u < USERS; u++) {
      users[u] = UserId.of(EmulatorFixture.user(u));
      Recommendations live = recommender.forUser(users[u], request);
      caffeine.put(new Key("forUser", users[u].value(), request, true), live);
    }
    Recommendations again = recommender.forUser(users[0], request);
    if (again.source() != Recommendations.Source.CACHED) {
      throw new IllegalStateException("the adapter did not cache: second answer was " + again.source());
    }
  }

  /** Closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    adapter.close();
    http.close();
    fixture.close();
  }

  /** A cache hit through the adapter's public API. */
  @Benchmark
  public Recommendations cachedForUser() {
    UserId u = users[next++ & (USERS - 1)];
    return recommender.forUser(u, request);
  }

  /** The same lookup straight on Caffeine. */
  @Benchmark
  public Recommendations caffeineGetIfPresent() {
    UserId u = users[next++ & (USERS - 1)];
    return caffeine.getIfPresent(new Key("forUser", u.value(), request, true));
  }
}
