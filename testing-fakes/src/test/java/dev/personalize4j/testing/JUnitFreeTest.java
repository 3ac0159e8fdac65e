package dev.personalize4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.Personalize;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The public fakes work with nothing but personalize4j core on the classpath. */
class JUnitFreeTest {
  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  @DisplayName("the fakes run in a class loader that cannot see JUnit or AssertJ")
  void runsWithoutJUnit() throws Exception {
    URL[] urls = {location(InMemoryPersonalize.class), location(NoFrameworkScenario.class), location(Personalize.class)};
    try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> isolated.loadClass("org.junit.jupiter.api.Test"))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> isolated.loadClass("org.assertj.core.api.Assertions"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> scenario = isolated.loadClass(NoFrameworkScenario.class.getName());
      assertThat(scenario.getClassLoader()).isSameAs(isolated);
      Object summary = scenario.getMethod("run").invoke(null);
      assertThat(summary).isEqualTo("[b] [b] 1000000000");
    }
  }
}
