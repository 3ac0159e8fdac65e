package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/** The JUnit 5 extension, registered with a factory for non-default settings. */
class PersonalizeEmulatorExtensionFactoryTest {
  static int created;

  @RegisterExtension
  static final PersonalizeEmulatorExtension EMULATOR = new PersonalizeEmulatorExtension(() -> {
    created++;
    return PersonalizeEmulator.builder().seed(5).start();
  });

  @Test
  void usesTheFactoryOncePerClass(PersonalizeEmulator emulator) {
    assertThat(created).isEqualTo(1);
    try (PersonalizeClient control = Sdk.control(emulator)) {
      control.createDatasetGroup(b -> b.name("from-factory"));
    }
    assertThat(emulator.inspection().resourceCount()).isEqualTo(1);
  }

  @Test
  void secondTestSharesTheEmulator(PersonalizeEmulator emulator) {
    assertThat(created).isEqualTo(1);
    assertThat(emulator.port()).isPositive();
  }
}
