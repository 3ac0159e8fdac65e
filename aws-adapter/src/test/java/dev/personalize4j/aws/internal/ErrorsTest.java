package dev.personalize4j.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.InvalidRequestException;
import dev.personalize4j.NotFoundException;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.ServiceUnavailableException;
import dev.personalize4j.ThrottledException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;
import software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException;

class ErrorsTest {

  private static PersonalizeRuntimeException service(int status, String code) {
    return (PersonalizeRuntimeException) PersonalizeRuntimeException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("msg from service").build())
        .build();
  }

  @ParameterizedTest(name = "{0} {1} -> {2} retryable={3}")
  @CsvSource({
      "400, ThrottlingException, ThrottledException, true",
      "400, TooManyRequestsException, ThrottledException, true",
      "400, LimitExceededException, ThrottledException, true",
      "429, , ThrottledException, true",
      "500, InternalFailure, ServiceUnavailableException, true",
      "503, , ServiceUnavailableException, true",
      "502, , ServiceUnavailableException, true",
      "400, InvalidInputException, InvalidRequestException, false",
      "404, ResourceNotFoundException, NotFoundException, false",
      "400, ResourceNotFoundException, NotFoundException, false",
      "403, AccessDeniedException, PersonalizeException, false",
      "409, ResourceInUseException, PersonalizeException, false",
      "400, FooException, PersonalizeException, false"
  })
  void translate_serviceErrors_mapsByCodeThenStatus(int status, String code, String type, boolean retryable) {
    PersonalizeException e = Errors.translate("GetRecommendations", service(status, code));
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.isRetryable()).isEqualTo(retryable);
    assertThat(e.getMessage()).startsWith("GetRecommendations failed").contains("HTTP " + status);
  }

  @Test
  void translate_modelledExceptions_keepTheirMeaning() {
    assertThat(Errors.translate("op", InvalidInputException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidInputException").build()).build()))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(Errors.translate("op", ResourceNotFoundException.builder().statusCode(404)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void translate_clientFailures_retryableOnlyForIoAndTimeouts() {
    PersonalizeException io = Errors.translate("op",
        SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused")));
    assertThat(io).isInstanceOf(ServiceUnavailableException.class);
    assertThat(io.isRetryable()).isTrue();

    PersonalizeException timeout = Errors.translate("op", ApiCallAttemptTimeoutException.create(300));
    assertThat(timeout).isInstanceOf(ServiceUnavailableException.class);
    assertThat(timeout.isRetryable()).isTrue();

    PersonalizeException unmarshal = Errors.translate("op", SdkClientException.create("Unable to parse date"));
    assertThat(unmarshal.isRetryable()).isFalse();

    PersonalizeException wrappedIo = Errors.translate("op",
        SdkClientException.create("x", new RuntimeException(new IOException("eof"))));
    assertThat(wrappedIo.isRetryable()).isTrue();
  }

  @Test
  void translate_personalizeException_passesThrough() {
    ThrottledException t = new ThrottledException("slow down");
    assertThat(Errors.translate("op", t)).isSameAs(t);
  }

  @Test
  void translate_unknownRuntimeException_isNotRetryable() {
    PersonalizeException e = Errors.translate("op", new IllegalStateException("bug"));
    assertThat(e.isRetryable()).isFalse();
    assertThat(e).hasCauseInstanceOf(IllegalStateException.class);
  }
}
