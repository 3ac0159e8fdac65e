package dev.personalize4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOptionsTest {
  private static final String ARN = "arn:aws:personalize:eu-west-1:123456789012:campaign/for-you";

  @Test
  void parse_whenNoArguments_runsEmbeddedWithTheDefaultSeed() {
    DemoOptions o = DemoOptions.parse(List.of(), Map.of());

    assertThat(o.aws()).isFalse();
    assertThat(o.seed()).isEqualTo(RetailData.DEFAULT_SEED);
    assertThat(o.customer()).isEmpty();
  }

  @Test
  void parse_whenAwsFlags_readsRegionArnsAndRepeatedFilters() {
    DemoOptions o = DemoOptions.parse(List.of("--aws", "--region", "eu-west-1", "--for-user-arn", ARN,
        "--tracking-id=abc", "--filter", "exclude-purchased=arn:f1", "--filter", "in-category=arn:f2",
        "--customer", "u-7"), Map.of());

    assertThat(o.aws()).isTrue();
    assertThat(o.region()).contains("eu-west-1");
    assertThat(o.forUserArn()).contains(ARN);
    assertThat(o.trackingId()).contains("abc");
    assertThat(o.filters()).containsExactly(Map.entry("exclude-purchased", "arn:f1"), Map.entry("in-category", "arn:f2"));
    assertThat(o.customer()).contains("u-7");
  }

  @Test
  void parse_whenEnvironmentOnly_readsP4jVariables() {
    DemoOptions o = DemoOptions.parse(List.of(), Map.of(
        "P4J_AWS", "true", "P4J_REGION", "us-west-2", "P4J_FOR_USER_ARN", ARN,
        "P4J_FILTERS", "exclude-purchased=arn:f1, in-category=arn:f2"));

    assertThat(o.aws()).isTrue();
    assertThat(o.region()).contains("us-west-2");
    assertThat(o.filters()).containsOnlyKeys("exclude-purchased", "in-category");
  }

  @Test
  void parse_flagsWinOverConfigFileWhichWinsOverEnvironment(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("demo.properties");
    Files.writeString(config, "region=eu-central-1\nfor-user-arn=" + ARN + "\nfilter.in-category=arn:file\n");

    DemoOptions o = DemoOptions.parse(List.of("--aws", "--config", config.toString(), "--region", "eu-west-1"),
        Map.of("P4J_REGION", "us-east-2", "P4J_TRACKING_ID", "from-env", "P4J_FILTERS", "in-category=arn:env"));

    assertThat(o.region()).contains("eu-west-1");
    assertThat(o.forUserArn()).contains(ARN);
    assertThat(o.trackingId()).contains("from-env");
    assertThat(o.filters()).containsEntry("in-category", "arn:file");
  }

  @Test
  void parse_whenAwsWithoutRegion_namesWhatIsMissing() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--aws", "--for-user-arn", ARN), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--aws needs a region: pass --region or set P4J_REGION");
  }

  @Test
  void parse_whenUnknownFlagOrBadFilter_explainsAndPrintsUsage() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--colour", "red"), Map.of()))
        .hasMessageStartingWith("unknown flag --colour")
        .hasMessageContaining("Usage: RetailDemo");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--filter", "no-arn"), Map.of()))
        .hasMessage("--filter must look like name=arn but was 'no-arn'");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--seed", "x"), Map.of()))
        .hasMessage("--seed must be a whole number but was 'x'");
  }
}
