package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * Launches the shaded {@code -emulator.jar} as a separate process, reads its endpoint from the first
 * stdout line and gets a GetRecommendations answer through the SDK within 5 s of launch.
 */
class EmulatorStandaloneIT {
  static final Pattern FIRST_LINE = Pattern.compile("Personalize emulator listening on (http://127\\.0\\.0\\.1:(\\d+))");
  static final Duration ACCEPTANCE_BOUND = Duration.ofSeconds(5);

  static Path emulatorJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith("-emulator.jar")).toList();
      assertThat(jars).as("the shaded emulator jar in target/ (run mvn verify)").hasSize(1);
      return jars.get(0);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void standaloneJarAnswersWithinFiveSecondsOfLaunch() throws Exception {
    Path jar = emulatorJar();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    warmUpSdk();
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--relaxed")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).get(60, TimeUnit.SECONDS);
      assertThat(line).isNotNull();
      Matcher m = FIRST_LINE.matcher(line);
      assertThat(m.matches()).as("first stdout line: %s", line).isTrue();
      URI endpoint = URI.create(m.group(1));
      assertThat(Integer.parseInt(m.group(2))).isPositive();

      try (PersonalizeClient control = PersonalizeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
              .credentialsProvider(credentials()).httpClient(ApacheHttpClient.create()).build();
          PersonalizeRuntimeClient runtime = PersonalizeRuntimeClient.builder().endpointOverride(endpoint)
              .region(Region.US_EAST_1).credentialsProvider(credentials()).httpClient(ApacheHttpClient.create()).build()) {
        String group = control.createDatasetGroup(b -> b.name("standalone")).datasetGroupArn();
        control.describeDatasetGroup(b -> b.datasetGroupArn(group));
        String solution = control.createSolution(b -> b.name("pop").datasetGroupArn(group)
            .recipeArn("arn:aws:personalize:::recipe/aws-popularity-count")).solutionArn();
        control.describeSolution(b -> b.solutionArn(solution));
        String version = control.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
        control.describeSolutionVersion(b -> b.solutionVersionArn(version));
        String campaign = control.createCampaign(b -> b.name("pop").solutionVersionArn(version)).campaignArn();
        control.describeCampaign(b -> b.campaignArn(campaign));
        var answer = runtime.getRecommendations(b -> b.campaignArn(campaign).numResults(5));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - launched);
        System.out.println("standalone emulator: launch to first GetRecommendations answer took " + elapsed.toMillis() + " ms");
        assertThat(answer.recommendationId()).startsWith("RID-");
        assertThat(elapsed).as("launch to first GetRecommendations answer").isLessThan(ACCEPTANCE_BOUND);
      }
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void badArgumentsExitWithAMessage() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", emulatorJar().toString(), "--port", "not-a-port")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("--port must be a number");
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake"));
  }

  /** Loads the SDK in this JVM first, so the bound measures the emulator process, not client class loading. */
  private static void warmUpSdk() {
    try (PersonalizeEmulator local = PersonalizeEmulator.start();
        PersonalizeClient control = Sdk.control(local);
        PersonalizeRuntimeClient runtime = Sdk.runtime(local)) {
      control.listDatasetGroups(b -> { });
      try {
        runtime.getRecommendations(b -> b.campaignArn("arn:aws:personalize:us-east-1:000000000000:campaign/none"));
      } catch (software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException expected) {
        // the class loading is what counts
      }
    }
  }
}
