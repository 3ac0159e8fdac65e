package dev.personalize4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's JSON results and the cache simulation's JSON, and prints every figure beside its
 * baseline and target, marked met or not met, as a Markdown table.
 *
 * <p>Arguments: {@code jmh-result.json simulation.json [report.md]}. Exits 0 whatever the figures
 * are; a missing benchmark is reported as such.
 */
public final class BenchmarkReport {
  private static final String PKG = "dev.personalize4j.benchmarks.";
  private final JsonNode jmh;
  private final List<String> rows = new ArrayList<>();
  private int met;
  private int total;

  private BenchmarkReport(JsonNode jmh) {
    this.jmh = jmh;
  }

  /** Prints (and optionally writes) the report. */
  public static void main(String[] args) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode jmh = mapper.readTree(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    JsonNode sim = args.length > 1 && Files.exists(Path.of(args[1]))
        ? mapper.readTree(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)) : null;
    BenchmarkReport r = new BenchmarkReport(jmh);
    r.ratio("1. cached `forUser` vs raw Caffeine `getIfPresent`", "CacheBenchmark.cachedForUser",
        "CacheBenchmark.caffeineGetIfPresent", false, 1.5);
    r.ratio("2. uncached `forUser` vs raw SDK `getRecommendations`", "RemoteCallBenchmark.uncachedForUser",
        "RemoteCallBenchmark.rawSdkGetRecommendations", false, 1.10);
    r.ratio("3a. events/s through `EventSink` vs one PutEvents per event", "EventIngestionBenchmark.eventSink",
        "EventIngestionBenchmark.putEventsPerEvent", true, 8.0);
    r.percentile("3b. `record()` caller latency, p99", "RecordLatencyBenchmark.record", "99.0", 10.0);
    r.ratio("4. bulk CSV export of 1,000,000 items (fork with -Xmx64m) vs BufferedWriter",
        "CsvExportBenchmark.adapterBulkCsv", "CsvExportBenchmark.plainBufferedWriter", false, 1.5);
    r.simulation(sim);
    StringBuilder out = new StringBuilder();
    out.append("| figure | personalize4j | baseline | result | target | |\n");
    out.append("|---|---|---|---|---|---|\n");
    r.rows.forEach(row -> out.append(row).append('\n'));
    out.append(String.format(Locale.ROOT, "%n%d of %d targets met.%n", r.met, r.total));
    System.out.print(out);
    if (args.length > 2) {
      Files.writeString(Path.of(args[2]), out.toString(), StandardCharsets.UTF_8);
    }
  }

  private JsonNode find(String benchmark) {
    for (JsonNode n : jmh) {
      if (n.path("benchmark").asText().equals(PKG + benchmark)) {
        return n;
      }
    }
    return null;
  }

  private static String allocation(JsonNode n) {
    for (Map.Entry<String, JsonNode> e : n.path("secondaryMetrics").properties()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        return String.format(Locale.ROOT, ", %s B/%s", number(e.getValue().path("score").asDouble()),
            n.path("mode").asText().equals("thrpt") ? "event" : "op");
      }
    }
    return "";
  }

  private static String number(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static String score(JsonNode n) {
    JsonNode m = n.path("primaryMetric");
    String unit = n.path("mode").asText().equals("thrpt") ? "events/s" : m.path("scoreUnit").asText();
    return String.format(Locale.ROOT, "%s ± %s %s%s", number(m.path("score").asDouble()),
        number(Double.isNaN(m.path("scoreError").asDouble()) ? 0 : m.path("scoreError").asDouble()),
        unit, allocation(n));
  }

  private void ratio(String figure, String subject, String baseline, boolean higherIsBetter, double target) {
    total++;
    JsonNode s = find(subject);
    JsonNode b = find(baseline);
    if (s == null || b == null) {
      rows.add("| " + figure + " | " + (s == null ? "not run" : score(s)) + " | "
          + (b == null ? "not run" : score(b)) + " | – | " + target + " | **not measured** |");
      return;
    }
    double ratio = s.path("primaryMetric").path("score").asDouble() / b.path("primaryMetric").path("score").asDouble();
    boolean ok = higherIsBetter ? ratio >= target : ratio <= target;
    if (ok) {
      met++;
    }
    rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %.2f× | %s %.2f× | %s |", figure, score(s), score(b), ratio,
        higherIsBetter ? "≥" : "≤", target, ok ? "met" : "**not met**"));
  }

  private void percentile(String figure, String subject, String percentile, double maxMicros) {
    total++;
    JsonNode s = find(subject);
    if (s == null) {
      rows.add("| " + figure + " | not run | – | – | ≤ " + maxMicros + " µs | **not measured** |");
      return;
    }
    JsonNode m = s.path("primaryMetric");
    double p = m.path("scorePercentiles").path(percentile).asDouble();
    double p50 = m.path("scorePercentiles").path("50.0").asDouble();
    double p999 = m.path("scorePercentiles").path("99.9").asDouble();
    boolean ok = p <= maxMicros;
    if (ok) {
      met++;
    }
    rows.add(String.format(Locale.ROOT, "| %s | p50 %s, p99 %s, p99.9 %s %s%s | – | p99 %s %s | ≤ %.0f µs | %s |",
        figure, number(p50), number(p), number(p999), m.path("scoreUnit").asText(), allocation(s), number(p),
        m.path("scoreUnit").asText(), maxMicros, ok ? "met" : "**not met**"));
  }

  private void simulation(JsonNode sim) {
    total += 2;
    if (sim == null) {
      rows.add("| 5. backend calls saved by the cache | not run | – | – | ≥ 80 % | **not measured** |");
      rows.add("| 5. stale answers after the user acted | not run | – | – | 0 | **not measured** |");
      return;
    }
    JsonNode with = sim.path("withCache");
    JsonNode without = sim.path("withoutCache");
    double saved = sim.path("backendCallsSavedPercent").asDouble();
    boolean savedOk = saved >= 80.0;
    long stale = with.path("staleAfterAct").asLong() + without.path("staleAfterAct").asLong();
    boolean staleOk = stale == 0;
    met += (savedOk ? 1 : 0) + (staleOk ? 1 : 0);
    rows.add(String.format(Locale.ROOT,
        "| 5. backend calls, Zipf(1.1) over %,d users, %,d requests after %,d warm-up | %,d GetRecommendations "
            + "with the cache | %,d without | %.1f %% fewer | ≥ 80 %% | %s |",
        sim.path("users").asLong(), sim.path("requests").asLong(), sim.path("warmupRequests").asLong(),
        with.path("backendCalls").asLong(), without.path("backendCalls").asLong(), saved,
        savedOk ? "met" : "**not met**"));
    rows.add(String.format(Locale.ROOT,
        "| 5. stale answers to users who had just acted | %,d of %,d with the cache | %,d of %,d without | %d | 0 | %s |",
        with.path("staleAfterAct").asLong(), with.path("actedRequests").asLong(),
        without.path("staleAfterAct").asLong(), without.path("actedRequests").asLong(), stale,
        staleOk ? "met" : "**not met**"));
  }
}
