package dev.personalize4j.aws.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.PersonalizeEventsException;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;

/** A hand-written PutEvents stand-in for narrow unit tests: records requests, fails as scripted. */
final class FakeEventsClient implements PersonalizeEventsClient {
  final List<PutEventsRequest> requests = new ArrayList<>();
  private Function<PutEventsRequest, RuntimeException> failure = r -> null;

  synchronized void failWith(Function<PutEventsRequest, RuntimeException> failure) {
    this.failure = failure;
  }

  static RuntimeException error(int status, String code) {
    return PersonalizeEventsException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
        .build();
  }

  synchronized List<PutEventsRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public synchronized PutEventsResponse putEvents(PutEventsRequest request) {
    requests.add(request);
    RuntimeException e = failure.apply(request);
    if (e != null) {
      throw e;
    }
    return PutEventsResponse.builder().build();
  }

  @Override
  public String serviceName() {
    return "personalize";
  }

  @Override
  public void close() {}
}
