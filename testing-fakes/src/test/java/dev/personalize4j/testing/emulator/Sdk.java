package dev.personalize4j.testing.emulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/** The real AWS SDK v2 clients pointed at an emulator, with immediate retries (or none). */
final class Sdk {
  private Sdk() {}

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake"));

  static void retryImmediately(ClientOverrideConfiguration.Builder o) {
    o.retryStrategy(b -> b.maxAttempts(3).backoffStrategy(BackoffStrategy.retryImmediately())
        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()));
  }

  static void noRetries(ClientOverrideConfiguration.Builder o) {
    o.retryStrategy(DefaultRetryStrategy.doNotRetry());
  }

  static PersonalizeRuntimeClient runtime(PersonalizeEmulator e) {
    return PersonalizeRuntimeClient.builder().endpointOverride(e.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create())
        .overrideConfiguration(Sdk::retryImmediately).build();
  }

  static PersonalizeRuntimeClient runtimeNoRetries(PersonalizeEmulator e) {
    return PersonalizeRuntimeClient.builder().endpointOverride(e.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create())
        .overrideConfiguration(Sdk::noRetries).build();
  }

  static PersonalizeEventsClient events(PersonalizeEmulator e) {
    return PersonalizeEventsClient.builder().endpointOverride(e.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create())
        .overrideConfiguration(Sdk::retryImmediately).build();
  }

  static PersonalizeClient control(PersonalizeEmulator e) {
    return PersonalizeClient.builder().endpointOverride(e.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create())
        .overrideConfiguration(Sdk::retryImmediately).build();
  }

  static PersonalizeClient controlNoRetries(PersonalizeEmulator e) {
    return PersonalizeClient.builder().endpointOverride(e.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create())
        .overrideConfiguration(Sdk::noRetries).build();
  }
}
