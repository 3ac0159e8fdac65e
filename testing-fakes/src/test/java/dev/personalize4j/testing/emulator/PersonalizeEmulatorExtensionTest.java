package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/** The JUnit 5 extension injects one running emulator per class into fields and parameters. */
@ExtendWith(PersonalizeEmulatorExtension.class)
class PersonalizeEmulatorExtensionTest {
  static PersonalizeEmulator staticField;
  PersonalizeEmulator field;

  @BeforeAll
  static void beforeAll(PersonalizeEmulator parameter) {
    assertThat(parameter).isSameAs(staticField);
  }

  @Test
  void fieldsAndParametersGetTheSameRunningEmulator(PersonalizeEmulator parameter) {
    assertThat(field).isNotNull().isSameAs(parameter).isSameAs(staticField);
    try (PersonalizeClient control = Sdk.control(field)) {
      assertThat(control.listDatasetGroups(b -> { }).datasetGroups()).isNotNull();
    }
    assertThat(field.endpoint().getHost()).isEqualTo("127.0.0.1");
  }
}
