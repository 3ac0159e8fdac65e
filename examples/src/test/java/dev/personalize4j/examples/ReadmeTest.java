package dev.personalize4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.ItemId;
import dev.personalize4j.Recommender;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.CacheSettings;
import dev.personalize4j.aws.CatalogSettings;
import dev.personalize4j.aws.EventSinkSettings;
import dev.personalize4j.aws.ResilienceSettings;
import dev.personalize4j.examples.shop.BestSellers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README honest: every Java block in it is code that compiles in this module (and, except
 * this configuration example, runs in a test), and the commands and names it gives exist.
 */
class ReadmeTest {

  static AwsPersonalize productionConfiguration(Recommender bestSellers, Path spoolDirectory) {
    // README: configuration begin
    AwsPersonalize personalize = AwsPersonalize.builder()
        .region("eu-west-1")
        .forUserArn("arn:aws:personalize:eu-west-1:123456789012:campaign/for-you")
        .similarItemsArn("arn:aws:personalize:eu-west-1:123456789012:campaign/similar")
        .filter("exclude-purchased", "arn:aws:personalize:eu-west-1:123456789012:filter/exclude-purchased")
        .trackingId("6f1c0c6e-2a4b-4d8e-9c0a-5b7e4f3a2d19")
        .cache(CacheSettings.builder().ttl(Duration.ofMinutes(2)).build())
        .resilience(ResilienceSettings.builder().deadline(Duration.ofMillis(300)).maxAttempts(2).build())
        .events(EventSinkSettings.builder().durableSpool(spoolDirectory).build())
        .fallback(bestSellers)               // any Recommender, e.g. a nightly best-seller list
        .build();
    // README: configuration end
    return personalize;
  }

  @Test
  void configurationExample_buildsWithoutContactingAnything(@TempDir Path spool) {
    BestSellers bestSellers = new BestSellers(List.of(ItemId.of("p-1")), Clock.systemUTC());

    try (AwsPersonalize personalize = productionConfiguration(bestSellers, spool)) {
      assertThat(personalize.stats().backendCalls()).isEmpty();
    }
  }

  @Test
  void everyJavaBlockOfTheReadme_isCodeFromTheTests() {
    List<String> compiled = List.of(
        Snippets.javaBlock("QuickStartTest.java", "quick start"),
        Snippets.javaBlock("ReadmeTest.java", "configuration"),
        Snippets.javaBlock("shop/StorefrontServiceInMemoryTest.java", "in-memory fakes"),
        Snippets.javaBlock("shop/StorefrontServiceTest.java", "recording sink"),
        Snippets.javaBlock("EmulatorExtensionExampleTest.java", "emulator extension"));
    String readme = Snippets.readme();
    Matcher blocks = Pattern.compile("```java\n.*?\n```", Pattern.DOTALL).matcher(readme);
    int count = 0;
    while (blocks.find()) {
      count++;
      assertThat(compiled).as("README Java block %d", count).contains(blocks.group());
    }
    assertThat(count).isEqualTo(compiled.size());
  }

  @Test
  void configurationReference_statesTheDefaultsTheCodeHas() {
    CacheSettings cache = CacheSettings.defaults();
    ResilienceSettings r = ResilienceSettings.defaults();
    EventSinkSettings e = EventSinkSettings.defaults();
    CatalogSettings c = CatalogSettings.defaults();
    String readme = Snippets.readme().replaceAll("\\s+", " ");

    assertThat(List.of(cache.enabled(), cache.ttl(), cache.maximumSize(), cache.staleMaximumSize(), cache.staleTtl()))
        .containsExactly(true, Duration.ofMinutes(5), 10_000L, 10_000L, Duration.ofHours(24));
    assertThat(readme).contains("`ttl` (5 min", "`maximumSize` (10,000", "`staleMaximumSize` (10,000", "`staleTtl` (24 h)");

    assertThat(List.of(r.deadline(), r.maxAttempts(), r.initialBackoff(), r.backoffMultiplier(), r.maxBackoff(),
        r.jitter(), r.failureRateThreshold(), r.slidingWindowSize(), r.minimumNumberOfCalls(), r.waitInOpenState(),
        r.permittedCallsInHalfOpenState()))
        .containsExactly(Duration.ofSeconds(1), 3, Duration.ofMillis(50), 2.0, Duration.ofSeconds(1), 0.5, 50f, 20, 10,
            Duration.ofSeconds(30), 3);
    assertThat(readme).contains("`deadline` (1 s", "`maxAttempts` (3)", "(50 ms, ×2, 1 s)", "`jitter` (0.5)",
        "`failureRateThreshold` (50 %)", "(20, 10)", "`waitInOpenState` (30 s)", "`permittedCallsInHalfOpenState` (3)");

    assertThat(List.of(e.maxBatchSize(), e.linger(), e.bufferCapacity(), e.overflowPolicy(), e.blockTimeout(),
        e.maxAttempts(), e.initialBackoff(), e.maxBackoff(), e.drainTimeout()))
        .containsExactly(10, Duration.ofMillis(50), 10_000, EventSinkSettings.OverflowPolicy.BLOCK,
            Duration.ofSeconds(1), 8, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10));
    assertThat(readme).contains("`maxBatchSize` (10,", "`linger` (50 ms)", "`bufferCapacity` (10,000 events)",
        "(the default, 1 s)", "`maxAttempts` (8 per batch)", "(100 ms, 5 s)", "`drainTimeout` (10 s");

    assertThat(List.of(c.requestsPerSecond(), c.importMode(), c.importPollInterval(), c.importPollMaxInterval(),
        c.importTimeout()))
        .containsExactly(10.0, CatalogSettings.ImportMode.FULL, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofHours(2));
    assertThat(readme).contains("`requestsPerSecond` (10,", "(1 s, 30 s)", "`importTimeout` (2 h)");
  }

  @Test
  void firstScreen_givesTheTwoCommandsCiAndTheDemoUse() throws Exception {
    String readme = Snippets.readme();
    String ci = java.nio.file.Files.readString(Path.of("..", ".ci", "run"));

    assertThat(readme.lines().limit(20)).contains(
        "mvn -B -q install -DskipTests && mvn -B -q -pl examples exec:java", "mvn -B verify");
    assertThat(ci.lines()).contains("mvn -B verify");
    assertThat(readme).contains("personalize4j-bom", "personalize4j-aws", "personalize4j-testing",
        "docs/BENCHMARKS.md");
  }

  @Test
  void awsSection_namesEveryDemoFlag() {
    String readme = Snippets.readme();

    for (String flag : List.of("--region", "--for-user-arn", "--similar-items-arn", "--ranking-arn", "--popular-arn",
        "--tracking-id", "--users-dataset-arn", "--filter exclude-purchased=", "--filter in-category=", "--customer",
        "--config", "--write-csv")) {
      assertThat(readme).contains(flag);
      assertThat(DemoOptions.USAGE).contains(flag.split("=")[0].replace("exclude-purchased", "exclude-purchased"));
    }
  }
}
