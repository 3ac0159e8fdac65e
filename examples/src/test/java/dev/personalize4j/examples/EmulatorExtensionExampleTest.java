package dev.personalize4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.provisioning.Domain;
import dev.personalize4j.aws.provisioning.PipelineSpec;
import dev.personalize4j.aws.provisioning.ProvisionedResources;
import dev.personalize4j.aws.provisioning.Provisioner;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import dev.personalize4j.testing.emulator.PersonalizeEmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/** The README's emulator example, compiled and run: the adapter against the emulator, with faults. */
class EmulatorExtensionExampleTest {
  private final PipelineSpec spec = PipelineSpec.builder("emulator-example", Domain.ECOMMERCE)
      .eventTracker("emulator-example-tracker")
      .build();

  // README: emulator extension begin
  @RegisterExtension
  static PersonalizeEmulatorExtension emulators =
      new PersonalizeEmulatorExtension(() -> PersonalizeEmulator.builder().relaxTrainingMinimums(true).start());

  @Test
  void purchasesReachPersonalize(PersonalizeEmulator emulator) {
    ProvisionedResources arns = provision(emulator, spec);   // Provisioner.builder(client).build().apply(spec)
    try (AwsPersonalize personalize = AwsPersonalize.builder()
        .region(emulator.region())
        .endpointOverride(emulator.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .trackingId(arns.trackingId().orElseThrow())
        .build()) {
      emulator.faults().throttle("PutEvents", 0.3);
      personalize.eventSink().record(Interaction.of(UserId.of("u-1"), ItemId.of("p-1"), EventType.PURCHASE));
      personalize.eventSink().flush();
    }
    assertThat(emulator.inspection().receivedEvents()).hasSize(1);
  }
  // README: emulator extension end

  @Test
  void readme_showsThisExample() {
    assertThat(Snippets.readme()).contains(Snippets.javaBlock("EmulatorExtensionExampleTest.java", "emulator extension"));
  }

  private static ProvisionedResources provision(PersonalizeEmulator emulator, PipelineSpec spec) {
    try (PersonalizeClient control = PersonalizeClient.builder()
        .region(Region.of(emulator.region()))
        .endpointOverride(emulator.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build()) {
      return Provisioner.builder(control).initialPollInterval(Duration.ofMillis(10)).build().apply(spec);
    }
  }
}
