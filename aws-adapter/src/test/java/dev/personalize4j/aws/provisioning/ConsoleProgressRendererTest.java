package dev.personalize4j.aws.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.aws.provisioning.ProgressEvent.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleProgressRendererTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static ProgressEvent event(ResourceKind kind, String name, Action action, String status, long seconds) {
    return new ProgressEvent(kind, name, action, status, Duration.ofSeconds(seconds), Optional.empty());
  }

  private void feed(ConsoleProgressRenderer renderer) {
    renderer.onEvent(event(ResourceKind.DATASET_GROUP, "retail", Action.LOOKUP, "LOOKUP", 0));
    renderer.onEvent(event(ResourceKind.DATASET_GROUP, "retail", Action.CREATE, "CREATE REQUESTED", 0));
    renderer.onEvent(event(ResourceKind.SOLUTION_VERSION, "up", Action.WAIT, "CREATE IN_PROGRESS", 65));
    renderer.onEvent(event(ResourceKind.SOLUTION_VERSION, "up", Action.WAIT, "CREATE IN_PROGRESS", 125));
    renderer.onEvent(event(ResourceKind.DATASET_GROUP, "retail", Action.ACTIVE, "ACTIVE", 3));
    renderer.onEvent(new ProgressEvent(ResourceKind.SOLUTION_VERSION, "up", Action.FAILED, "CREATE FAILED",
        Duration.ofHours(2).plusSeconds(3), Optional.of("not enough data")));
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainModePrintsALineWheneverAStatusChanges() {
    ConsoleProgressRenderer renderer = ConsoleProgressRenderer.create(out, ConsoleProgressRenderer.Mode.PLAIN);
    feed(renderer);
    assertThat(renderer.mode()).isEqualTo(ConsoleProgressRenderer.Mode.PLAIN);
    assertThat(output()).isEqualTo(String.join(System.lineSeparator(),
        "dataset group    retail                               0:00  LOOKUP",
        "dataset group    retail                               0:00  CREATE REQUESTED",
        "solution version up                                   1:05  CREATE IN_PROGRESS",
        "dataset group    retail                               0:03  ACTIVE",
        "solution version up                                2:00:03  CREATE FAILED: not enough data",
        ""));
  }

  @Test
  void inPlaceModeRewritesEachResourceLine() {
    ConsoleProgressRenderer renderer = ConsoleProgressRenderer.create(out, ConsoleProgressRenderer.Mode.IN_PLACE);
    feed(renderer);
    String e = "\u001b[";
    assertThat(output()).isEqualTo(
        "dataset group    retail                               0:00  LOOKUP\n"
            + e + "1A\r" + e + "2K" + "dataset group    retail                               0:00  CREATE REQUESTED" + e + "1B\r"
            + "solution version up                                   1:05  CREATE IN_PROGRESS\n"
            + e + "1A\r" + e + "2K" + "solution version up                                   2:05  CREATE IN_PROGRESS" + e + "1B\r"
            + e + "2A\r" + e + "2K" + "dataset group    retail                               0:03  ACTIVE" + e + "2B\r"
            + e + "1A\r" + e + "2K" + "solution version up                                2:00:03  CREATE FAILED: not enough data"
            + e + "1B\r");
  }

  @Test
  void inPlaceLinesAreCutToTheWidthSoThatTheyCannotWrap() {
    ConsoleProgressRenderer renderer = ConsoleProgressRenderer.create(out, ConsoleProgressRenderer.Mode.IN_PLACE, 40);
    renderer.onEvent(event(ResourceKind.CAMPAIGN, "retail-for-you", Action.WAIT, "CREATE IN_PROGRESS", 5));
    assertThat(output()).isEqualTo("campaign         retail-for-you      ...\n");
    assertThat(output().length()).isEqualTo(41);
  }

  @Test
  void autoModeIsPlainWithoutAConsole() {
    // Under the test runner System.console() is null, so AUTO resolves to PLAIN.
    if (System.console() == null) {
      assertThat(ConsoleProgressRenderer.create(out).mode()).isEqualTo(ConsoleProgressRenderer.Mode.PLAIN);
    }
  }
}
