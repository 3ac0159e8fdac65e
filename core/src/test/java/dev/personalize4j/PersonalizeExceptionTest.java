package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Retryability of the typed errors (personalize-api.md F). */
class PersonalizeExceptionTest {
  private static final IOException CAUSE = new IOException("connection reset");

  @Test
  void throttledAndUnavailableAreRetryable() {
    assertThat(new ThrottledException("t").isRetryable()).isTrue();
    assertThat(new ThrottledException("t", CAUSE).isRetryable()).isTrue();
    assertThat(new ServiceUnavailableException("s").isRetryable()).isTrue();
    assertThat(new ServiceUnavailableException("s", CAUSE).isRetryable()).isTrue();
  }

  @Test
  void notFoundAndInvalidRequestAreNotRetryable() {
    assertThat(new NotFoundException("n").isRetryable()).isFalse();
    assertThat(new NotFoundException("n", CAUSE).isRetryable()).isFalse();
    assertThat(new InvalidRequestException("i").isRetryable()).isFalse();
    assertThat(new InvalidRequestException("i", CAUSE).isRetryable()).isFalse();
  }

  @Test
  void baseExceptionTakesRetryabilityFromItsCaller() {
    assertThat(new PersonalizeException("x", true).isRetryable()).isTrue();
    assertThat(new PersonalizeException("x", false).isRetryable()).isFalse();
  }

  @Test
  void messageAndCauseArePreserved() {
    PersonalizeException e = new ServiceUnavailableException("backend down", CAUSE);
    assertThat(e).hasMessage("backend down").hasCause(CAUSE).isInstanceOf(RuntimeException.class);
    assertThat(new NotFoundException("no such filter")).hasMessage("no such filter").hasNoCause();
  }

  @Test
  void subclassesArePersonalizeExceptions() {
    assertThat(new ThrottledException("t")).isInstanceOf(PersonalizeException.class);
    assertThat(new ServiceUnavailableException("s")).isInstanceOf(PersonalizeException.class);
    assertThat(new NotFoundException("n")).isInstanceOf(PersonalizeException.class);
    assertThat(new InvalidRequestException("i")).isInstanceOf(PersonalizeException.class);
  }
}
