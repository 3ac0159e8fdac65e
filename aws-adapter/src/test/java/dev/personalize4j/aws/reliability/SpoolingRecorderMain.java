package dev.personalize4j.aws.reliability;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.EventSinkSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link DurableSpoolTest}: records events {@code durable-00001 ..} into an
 * {@link AwsPersonalize} with a durable spool, printing {@code recorded N} after each, and stops
 * after {@code pauseAfter} events, waiting on standard input, to be killed there.
 *
 * <p>Arguments: {@code endpoint region trackingId spoolDirectory pauseAfter}.
 */
public final class SpoolingRecorderMain {
  private SpoolingRecorderMain() {}

  static String eventId(int n) {
    return String.format("durable-%05d", n);
  }

  static Interaction event(int n) {
    return Interaction.builder()
        .userId(UserId.of(EmulatorCampaign.user(n % EmulatorCampaign.USERS)))
        .itemId(ItemId.of(EmulatorCampaign.item(n % EmulatorCampaign.ITEMS)))
        .eventType(EventType.VIEW)
        .eventId(eventId(n))
        .build();
  }

  static EventSinkSettings settings(Path spool) {
    return EventSinkSettings.builder()
        .durableSpool(spool)
        .bufferCapacity(20_000)
        .maxAttempts(100)
        .backoff(Duration.ofMillis(50), Duration.ofMillis(500))
        .drainTimeout(Duration.ofSeconds(60))
        .build();
  }

  /** Runs the child; see the class description. */
  public static void main(String[] args) throws IOException {
    URI endpoint = URI.create(args[0]);
    String region = args[1];
    String trackingId = args[2];
    Path spool = Path.of(args[3]);
    int pauseAfter = Integer.parseInt(args[4]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    AwsPersonalize p = AwsPersonalize.builder()
        .region(region)
        .credentialsProvider(EmulatorCampaign.CREDENTIALS)
        .endpointOverride(endpoint)
        .trackingId(trackingId)
        .events(settings(spool))
        .build();
    for (int n = 1; n <= pauseAfter; n++) {
      p.eventSink().record(event(n));
      out.println("recorded " + n);
    }
    out.println("paused");
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    p.close();
  }
}
