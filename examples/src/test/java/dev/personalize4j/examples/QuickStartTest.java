package dev.personalize4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Recommendation;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.provisioning.ProvisionedResources;
import dev.personalize4j.aws.provisioning.Provisioner;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import dev.personalize4j.testing.emulator.ReceivedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * Runs exactly the README's quick start: {@link #quickStart}'s body is the README snippet, character
 * for character (checked below). The snippet uses the default credentials chain and AWS's endpoint,
 * so the test points the SDK's defaults at the emulator ({@link SdkDefaults}), after proving the SDK
 * honours them, so nothing can reach AWS.
 */
class QuickStartTest {
  static void quickStart(String region, String forYouCampaignArn, String trackingId) {
    // README: quick start begin
    AwsPersonalize personalize = AwsPersonalize.builder()
        .region(region)                      // credentials: the default AWS chain
        .forUserArn(forYouCampaignArn)       // a campaign or recommender ARN
        .trackingId(trackingId)              // the event tracker, for recording events
        .build();

    Recommender recommender = personalize.recommender();
    Recommendations recs = recommender.forUser(UserId.of("u-42"));
    for (Recommendation r : recs.items()) {
      System.out.println(r.itemId() + " " + r.score().orElse(0));
    }

    // The customer bought the first one: record it, crediting the recommendation.
    personalize.eventSink().record(
        Interaction.of(UserId.of("u-42"), recs.itemIds().get(0), EventType.PURCHASE).attributedTo(recs));

    personalize.close(); // at shutdown: delivers pending events
    // README: quick start end
  }

  @Test
  void readme_quickStartIsTheBodyOfQuickStart() {
    String block = Snippets.javaBlock("QuickStartTest.java", "quick start");

    assertThat(Snippets.readme()).contains(block);
    assertThat(block).contains("Recommendations recs = recommender.forUser(UserId.of(\"u-42\"));");
  }

  @Test
  void quickStart_runsAgainstTheEmulatorAndRecordsAnAttributedPurchase(@TempDir Path dir) {
    RetailData data = RetailData.generate(7, new RetailData.Size(200, 60));
    data.writeCsv(dir.resolve("quick-start"));
    try (PersonalizeEmulator emulator = PersonalizeEmulator.builder().dataDirectory(dir).relaxTrainingMinimums(true).start()) {
      ProvisionedResources resources = provision(emulator);
      try (SdkDefaults sdk = SdkDefaults.pointedAt(emulator)) {
        quickStart(emulator.region(), resources.campaignArn(RetailPipeline.FOR_YOU), resources.trackingId().orElseThrow());
      }

      assertThat(emulator.inspection().requestCount("GetRecommendations")).isEqualTo(1);
      List<ReceivedEvent> events = emulator.inspection().receivedEvents();
      assertThat(events).hasSize(1);
      assertThat(events.get(0).userId()).contains("u-42");
      assertThat(events.get(0).eventType()).isEqualTo("Purchase");
      assertThat(events.get(0).recommendationId()).isPresent();
    }
  }

  private static ProvisionedResources provision(PersonalizeEmulator emulator) {
    try (PersonalizeClient control = PersonalizeClient.builder()
        .region(Region.of(emulator.region()))
        .endpointOverride(emulator.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build()) {
      return Provisioner.builder(control)
          .initialPollInterval(Duration.ofMillis(10))
          .maxPollInterval(Duration.ofMillis(50))
          .build()
          .apply(RetailPipeline.spec("s3://quick-start/"));
    }
  }
}
