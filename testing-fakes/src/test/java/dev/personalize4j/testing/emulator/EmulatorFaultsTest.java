package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;

/** Every fault type as the real SDK observes it, with attempts counted by the emulator. */
class EmulatorFaultsTest {
  PersonalizeEmulator emulator;
  PersonalizeClient control;
  String campaign;

  @BeforeEach
  void setUp() {
    emulator = PersonalizeEmulator.builder().relaxTrainingMinimums(true).seed(11).start();
    control = Sdk.control(emulator);
    campaign = Fixture.ecommerce(control, "faults").campaign("pop", "aws-popularity-count", false, null);
    emulator.inspection().resetCounters();
  }

  @AfterEach
  void tearDown() {
    control.close();
    emulator.close();
  }

  private void recommend(PersonalizeRuntimeClient client) {
    client.getRecommendations(b -> b.campaignArn(campaign).numResults(3));
  }

  private int attempts() {
    return emulator.inspection().requestCount("GetRecommendations");
  }

  @Test
  void failFirstAttemptsThenSucceedOnTheThirdAttempt() {
    emulator.faults().failFirstAttempts("GetRecommendations", 2, FaultType.THROTTLE);
    try (PersonalizeRuntimeClient client = Sdk.runtime(emulator)) {
      recommend(client);
      assertThat(attempts()).isEqualTo(3);
      recommend(client);
      assertThat(attempts()).isEqualTo(6);
    }
  }

  @Test
  void failFirstAttemptsIsKeyedPerInvocation() {
    emulator.faults().failFirstAttempts("*", 1, FaultType.SERVER_ERROR);
    try (PersonalizeRuntimeClient client = Sdk.runtimeNoRetries(emulator)) {
      assertThatThrownBy(() -> recommend(client)).isInstanceOf(PersonalizeRuntimeException.class)
          .satisfies(e -> assertThat(((PersonalizeRuntimeException) e).statusCode()).isIn(500, 503));
      assertThatThrownBy(() -> recommend(client)).isInstanceOf(PersonalizeRuntimeException.class);
    }
  }

  @Test
  void failNextCallsCountsRequestsWhoeverSendsThem() {
    emulator.faults().failNextCalls("GetRecommendations", 2, FaultType.TOO_MANY_REQUESTS);
    try (PersonalizeRuntimeClient client = Sdk.runtimeNoRetries(emulator)) {
      assertThatThrownBy(() -> recommend(client)).isInstanceOfSatisfying(PersonalizeRuntimeException.class,
          e -> assertThat(e.statusCode()).isEqualTo(429));
      assertThatThrownBy(() -> recommend(client)).isInstanceOf(PersonalizeRuntimeException.class);
      recommend(client);
      recommend(client);
      assertThat(attempts()).isEqualTo(4);
    }
  }

  @Test
  void throttlingIsA400ThrottlingExceptionRetriedByTheSdk() {
    emulator.faults().throttle("GetRecommendations", 1.0);
    try (PersonalizeRuntimeClient client = Sdk.runtime(emulator)) {
      assertThatThrownBy(() -> recommend(client)).isInstanceOfSatisfying(PersonalizeRuntimeException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(e.requestId()).isNotBlank();
      });
    }
    assertThat(attempts()).isEqualTo(3);
  }

  @Test
  void tooManyRequestsIs429() {
    emulator.faults().tooManyRequests("GetRecommendations", 1.0);
    try (PersonalizeRuntimeClient client = Sdk.runtime(emulator)) {
      assertThatThrownBy(() -> recommend(client)).isInstanceOfSatisfying(PersonalizeRuntimeException.class,
          e -> assertThat(e.statusCode()).isEqualTo(429));
    }
    assertThat(attempts()).isEqualTo(3);
  }

  @Test
  void serverErrorsAre500Or503() {
    emulator.faults().serverError("*", 1.0);
    List<Integer> statuses = new ArrayList<>();
    try (PersonalizeRuntimeClient client = Sdk.runtimeNoRetries(emulator)) {
      for (int i = 0; i < 12; i++) {
        try {
          recommend(client);
        } catch (PersonalizeRuntimeException e) {
          statuses.add(e.statusCode());
          assertThat(e.awsErrorDetails().errorCode()).isIn("InternalFailure", "ServiceUnavailable");
        }
      }
    }
    assertThat(statuses).hasSize(12).contains(500, 503);
  }

  @Test
  void resetConnectionsCloseWithoutAResponse() {
    emulator.faults().resetConnections("GetRecommendations", 1.0);
    try (PersonalizeRuntimeClient client = Sdk.runtime(emulator)) {
      assertThatThrownBy(() -> recommend(client)).isInstanceOf(SdkClientException.class);
    }
    assertThat(attempts()).isEqualTo(3);
  }

  @Test
  void malformedResponsesFailUnmarshallingAndAreRetried() {
    emulator.faults().malformedResponses("GetRecommendations", 1.0);
    try (PersonalizeRuntimeClient client = Sdk.runtime(emulator)) {
      assertThatThrownBy(() -> recommend(client)).isInstanceOf(SdkClientException.class);
    }
    assertThat(attempts()).isEqualTo(3);
  }

  @Test
  void latencyDelaysTheAnswerPastAClientTimeout() {
    emulator.faults().latency("GetRecommendations", Duration.ofSeconds(2));
    try (PersonalizeRuntimeClient client = software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient
        .builder().endpointOverride(emulator.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("fake", "fake")))
        .httpClient(software.amazon.awssdk.http.apache.ApacheHttpClient.create())
        .overrideConfiguration(o -> Sdk.noRetries(o.apiCallTimeout(Duration.ofMillis(200)))).build()) {
      assertThatThrownBy(() -> recommend(client)).isInstanceOf(ApiCallTimeoutException.class);
    }
    emulator.faults().clear();
    try (PersonalizeRuntimeClient client = Sdk.runtime(emulator)) {
      recommend(client);
    }
  }

  @Test
  void outageFailsEveryOperationUntilEnded() {
    emulator.faults().outage("*");
    try (PersonalizeRuntimeClient client = Sdk.runtime(emulator); PersonalizeClient cp = Sdk.controlNoRetries(emulator)) {
      assertThatThrownBy(() -> recommend(client)).isInstanceOfSatisfying(PersonalizeRuntimeException.class,
          e -> assertThat(e.statusCode()).isEqualTo(503));
      assertThatThrownBy(() -> cp.listCampaigns(b -> { }))
          .isInstanceOfSatisfying(software.amazon.awssdk.services.personalize.model.PersonalizeException.class,
              e -> assertThat(e.statusCode()).isEqualTo(503));
      emulator.faults().endOutage();
      recommend(client);
      assertThat(cp.listCampaigns(b -> { }).campaigns()).hasSize(1);
    }
    assertThat(emulator.inspection().requestCount("ListCampaigns")).isEqualTo(2);
    assertThat(attempts()).isEqualTo(4);
  }

  @Test
  void fractionalFaultsAreDeterministicBySeed() {
    List<Boolean> first = pattern(99);
    List<Boolean> second = pattern(99);
    assertThat(first).isEqualTo(second).contains(true, false);
  }

  private List<Boolean> pattern(long seed) {
    try (PersonalizeEmulator e = PersonalizeEmulator.builder().seed(seed).start();
        PersonalizeClient cp = Sdk.controlNoRetries(e)) {
      e.faults().throttle("ListDatasetGroups", 0.5);
      List<Boolean> out = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        try {
          cp.listDatasetGroups(b -> { });
          out.add(true);
        } catch (software.amazon.awssdk.services.personalize.model.PersonalizeException ex) {
          assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
          out.add(false);
        }
      }
      assertThat(e.inspection().requestCount("ListDatasetGroups")).isEqualTo(20);
      return out;
    }
  }

  @Test
  void resetDropsResourcesCountersAndFaults() {
    emulator.faults().outage("*");
    emulator.reset();
    assertThat(emulator.inspection().resourceCount()).isZero();
    assertThat(emulator.inspection().requestCount()).isZero();
    assertThat(control.listDatasetGroups(b -> { }).datasetGroups()).isEmpty();
  }

  @Test
  void faultArgumentsAreValidated() {
    assertThatThrownBy(() -> emulator.faults().throttle("GetRecommendations", 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction");
    assertThatThrownBy(() -> emulator.faults().failFirstAttempts(" ", 1, FaultType.THROTTLE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operation");
    assertThatThrownBy(() -> emulator.faults().latency("*", Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
  }
}
