package dev.personalize4j.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.AwsPersonalizeStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events survive a SIGKILL: a child JVM records 5,000 of 10,000 events into a sink with a durable
 * spool while PutEvents is in outage, and is killed with {@code destroyForcibly()}; a second sink on
 * the same spool, in this JVM, re-sends them and records the other 5,000. The emulator, alive for
 * both runs, ends with exactly the 10,000 event ids.
 */
class DurableSpoolTest {
  static final int TOTAL = 10_000;
  static final int KILLED_AFTER = 5_000;

  @TempDir static Path data;
  static EmulatorCampaign campaign;

  @BeforeAll
  static void provision() {
    campaign = EmulatorCampaign.start(data);
  }

  @AfterAll
  static void stop() {
    campaign.close();
  }

  @Test
  void eventsRecordedBeforeASigkillAreDeliveredByTheNextSinkOnTheSpool(@TempDir Path work) throws Exception {
    Path spool = Files.createDirectories(work.resolve("spool"));
    Path childLog = work.resolve("child-stderr.log");
    campaign.emulator.inspection().resetCounters();
    campaign.emulator.faults().outage("PutEvents");

    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        SpoolingRecorderMain.class.getName(),
        campaign.endpoint().toString(), campaign.emulator.region(), campaign.trackingId, spool.toString(),
        Integer.toString(KILLED_AFTER))
        .redirectError(childLog.toFile())
        .start();
    int lastRecorded;
    try {
      lastRecorded = CompletableFuture.supplyAsync(() -> readUntilPaused(child))
          .get(2, TimeUnit.MINUTES);
    } finally {
      child.destroyForcibly();
      child.waitFor(1, TimeUnit.MINUTES);
    }
    assertThat(child.isAlive()).isFalse();
    assertThat(lastRecorded).as("child stderr: %s", Files.readString(childLog)).isEqualTo(KILLED_AFTER);
    assertThat(campaign.emulator.inspection().distinctEventIds())
        .as("nothing got through the outage, so only the spool can deliver the first run's events").isEmpty();

    campaign.emulator.faults().endOutage();
    AwsPersonalizeStats stats;
    try (AwsPersonalize second = AwsPersonalize.builder()
        .region(campaign.emulator.region())
        .credentialsProvider(EmulatorCampaign.CREDENTIALS)
        .endpointOverride(campaign.endpoint())
        .trackingId(campaign.trackingId)
        .events(SpoolingRecorderMain.settings(spool))
        .build()) {
      for (int n = lastRecorded + 1; n <= TOTAL; n++) {
        second.eventSink().record(SpoolingRecorderMain.event(n));
      }
      second.eventSink().flush();
      stats = second.stats();
    }
    Set<String> expected = new HashSet<>();
    for (int n = 1; n <= TOTAL; n++) {
      expected.add(SpoolingRecorderMain.eventId(n));
    }
    assertThat(campaign.emulator.inspection().distinctEventIds()).hasSize(TOTAL).isEqualTo(expected);
    assertThat(stats.eventsRecorded()).as("recovered from the spool plus recorded here").isEqualTo(TOTAL);
    assertThat(stats.eventsDelivered()).isEqualTo(TOTAL);
    assertThat(stats.eventsDeadLettered()).isZero();
  }

  private static int readUntilPaused(Process child) {
    int last = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.equals("paused")) {
          return last;
        }
        if (line.startsWith("recorded ")) {
          last = Integer.parseInt(line.substring("recorded ".length()));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return last;
  }
}
