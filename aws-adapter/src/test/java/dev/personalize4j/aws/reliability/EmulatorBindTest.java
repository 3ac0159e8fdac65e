package dev.personalize4j.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The emulator has no authentication, so it listens on loopback only unless explicitly told otherwise. */
class EmulatorBindTest {

  @Test
  void startsOnLoopbackByDefault() throws Exception {
    try (PersonalizeEmulator e = PersonalizeEmulator.start()) {
      assertThat(InetAddress.getByName(e.endpoint().getHost()).isLoopbackAddress()).isTrue();
    }
  }

  @Test
  void refusesANonLoopbackAddressUnlessAsked() throws Exception {
    for (String address : new String[] {"0.0.0.0", "192.0.2.10", "::"}) {
      InetAddress a = InetAddress.getByName(address);
      assertThatThrownBy(() -> PersonalizeEmulator.builder().bindAddress(a, false))
          .as(address)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("loopback");
    }
    PersonalizeEmulator.builder().bindAddress(InetAddress.getByName("0.0.0.0"), true);
    PersonalizeEmulator.builder().bindAddress(InetAddress.getLoopbackAddress(), false);
  }
}
