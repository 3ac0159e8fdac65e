package dev.personalize4j.benchmarks;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.Recommendations;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.CacheSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Figure 5, what the recommendation cache saves: one deterministic request stream, Zipf(s = 1.1)
 * over 100,000 users, where a fixed 10 % of the users record an event before each of their
 * requests after the first. The same stream runs twice through {@link AwsPersonalize} against the
 * emulator, with the default cache (5 minute TTL, 10,000 entries) and without a cache, on a fake
 * ticker advanced by the arrival rate; GetRecommendations requests are counted by the emulator. A
 * warm-up part of the stream fills the cache first and is not counted. An answer to a user who has
 * just acted is stale if it repeats the recommendation id the user got before acting.
 *
 * <p>Arguments (all optional): {@code --out FILE --requests N --warmup N --users N --rate PER_SECOND}.
 */
public final class CacheSimulation {
  private CacheSimulation() {}

  /** The result of one arm of the simulation. */
  record Arm(long backendCalls, long requests, long actedRequests, long staleAfterAct, long live, long cached) {}

  /** Runs the simulation and writes its figures as JSON. */
  public static void main(String[] args) throws IOException {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    Path out = Path.of(opts.getOrDefault("--out", "target/simulation.json"));
    int requests = Integer.parseInt(opts.getOrDefault("--requests", "60000"));
    int warmup = Integer.parseInt(opts.getOrDefault("--warmup", "60000"));
    int users = Integer.parseInt(opts.getOrDefault("--users", "100000"));
    int rate = Integer.parseInt(opts.getOrDefault("--rate", "500"));

    int[] stream = zipfStream(users, 1.1, warmup + requests, 20_261_204L);
    boolean[] active = activeUsers(users, 0.10, 7L);
    try (EmulatorFixture fixture = EmulatorFixture.start()) {
      Arm cached = run(fixture, stream, warmup, 0, active, rate, CacheSettings.defaults());
      Arm uncached = run(fixture, stream, warmup, warmup, active, rate, CacheSettings.disabled());
      double saved = 100.0 * (uncached.backendCalls() - cached.backendCalls()) / uncached.backendCalls();
      String json = String.format(Locale.ROOT, "{\"users\":%d,\"zipfS\":1.1,\"activeFraction\":0.10,"
              + "\"warmupRequests\":%d,\"requests\":%d,\"ratePerSecond\":%d,"
              + "\"withCache\":%s,\"withoutCache\":%s,\"backendCallsSavedPercent\":%.2f}%n",
          users, warmup, requests, rate, json(cached), json(uncached), saved);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, json, StandardCharsets.UTF_8);
      System.out.print(json);
    }
  }

  private static String json(Arm a) {
    return String.format(Locale.ROOT, "{\"backendCalls\":%d,\"requests\":%d,\"actedRequests\":%d,"
        + "\"staleAfterAct\":%d,\"live\":%d,\"cached\":%d}", a.backendCalls(), a.requests(), a.actedRequests(),
        a.staleAfterAct(), a.live(), a.cached());
  }

  /** Ranks 0..users-1 drawn by inverse CDF, mapped to user numbers through a seeded shuffle. */
  static int[] zipfStream(int users, double s, int n, long seed) {
    double[] cdf = new double[users];
    double sum = 0;
    for (int k = 1; k <= users; k++) {
      sum += Math.pow(k, -s);
      cdf[k - 1] = sum;
    }
    int[] userOfRank = new int[users];
    for (int i = 0; i < users; i++) {
      userOfRank[i] = i;
    }
    Random random = new Random(seed);
    for (int i = users - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = userOfRank[i];
      userOfRank[i] = userOfRank[j];
      userOfRank[j] = t;
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble() * sum;
      int rank = Arrays.binarySearch(cdf, u);
      rank = rank >= 0 ? rank : -rank - 1;
      out[i] = userOfRank[Math.min(rank, users - 1)];
    }
    return out;
  }

  static boolean[] activeUsers(int users, double fraction, long seed) {
    Random random = new Random(seed);
    boolean[] out = new boolean[users];
    for (int i = 0; i < users; i++) {
      out[i] = random.nextDouble() < fraction;
    }
    return out;
  }

  /**
   * Runs the stream from {@code from}; requests before {@code warmup} only warm the cache. Without a
   * cache nothing needs warming, so that arm starts at the measured part.
   */
  private static Arm run(EmulatorFixture fixture, int[] stream, int warmup, int from, boolean[] active, int rate,
      CacheSettings cache) {
    dev.personalize4j.testing.FakeTicker ticker = dev.personalize4j.testing.FakeTicker.create();
    Duration gap = Duration.ofNanos(1_000_000_000L / rate);
    Map<Integer, String> lastAnswer = new HashMap<>();
    long backendAtStart = 0;
    long requests = 0;
    long acted = 0;
    long stale = 0;
    long live = 0;
    long cachedAnswers = 0;
    try (SdkHttpClient http = ApacheHttpClient.builder().build();
        AwsPersonalize p = fixture.adapter(http).cache(cache).ticker(ticker).build()) {
      for (int i = from; i < stream.length; i++) {
        if (i == warmup) {
          backendAtStart = fixture.emulator().inspection().requestCount("GetRecommendations");
        }
        boolean measured = i >= warmup;
        int u = stream[i];
        UserId user = UserId.of(EmulatorFixture.user(u));
        String before = lastAnswer.get(u);
        boolean justActed = active[u] && before != null;
        if (justActed) {
          p.eventSink().record(Interaction.of(user, ItemId.of(EmulatorFixture.item(i % EmulatorFixture.ITEMS)),
              EventType.VIEW));
        }
        Recommendations r = p.recommender().forUser(user);
        String id = r.recommendationId().orElse("");
        if (measured) {
          requests++;
          if (r.source() == Recommendations.Source.LIVE) {
            live++;
          } else if (r.source() == Recommendations.Source.CACHED) {
            cachedAnswers++;
          }
          if (justActed) {
            acted++;
            if (id.equals(before)) {
              stale++;
            }
          }
        }
        lastAnswer.put(u, id);
        ticker.advance(gap);
      }
      long backend = fixture.emulator().inspection().requestCount("GetRecommendations") - backendAtStart;
      p.eventSink().flush();
      fixture.emulator().inspection().resetCounters();
      return new Arm(backend, requests, acted, stale, live, cachedAnswers);
    }
  }
}
