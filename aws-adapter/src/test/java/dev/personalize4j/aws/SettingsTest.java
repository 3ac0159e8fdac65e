package dev.personalize4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void defaults_areSensible() {
    assertThat(CacheSettings.defaults()).isEqualTo(new CacheSettings(true, Duration.ofMinutes(5), 10_000, 10_000,
        Duration.ofHours(24)));
    ResilienceSettings r = ResilienceSettings.defaults();
    assertThat(r.deadline()).isEqualTo(Duration.ofSeconds(1));
    assertThat(r.maxAttempts()).isEqualTo(3);
    EventSinkSettings e = EventSinkSettings.defaults();
    assertThat(e.maxBatchSize()).isEqualTo(10);
    assertThat(e.overflowPolicy()).isEqualTo(EventSinkSettings.OverflowPolicy.BLOCK);
    assertThat(e.durableSpool()).isEmpty();
    CatalogSettings c = CatalogSettings.defaults();
    assertThat(c.requestsPerSecond()).isEqualTo(10.0);
    assertThat(c.importMode()).isEqualTo(CatalogSettings.ImportMode.FULL);
    assertThat(c.itemFields()).isEmpty();
  }

  @Test
  void invalidValues_failWithTheFieldAndTheLimit() {
    assertThatThrownBy(() -> CacheSettings.builder().ttl(Duration.ZERO).build())
        .hasMessage("cache ttl must be positive but was PT0S");
    assertThatThrownBy(() -> ResilienceSettings.builder().maxAttempts(0).build())
        .hasMessage("maxAttempts must be between 1 and 20 but was 0");
    assertThatThrownBy(() -> ResilienceSettings.builder()
        .backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)).build())
        .hasMessageContaining("maxBackoff must be at least initialBackoff");
    assertThatThrownBy(() -> EventSinkSettings.builder().maxBatchSize(11).build())
        .hasMessage("maxBatchSize must be between 1 and 10 but was 11");
    assertThatThrownBy(() -> EventSinkSettings.builder().bufferCapacity(0).build())
        .hasMessageContaining("bufferCapacity must be between 1");
    assertThatThrownBy(() -> CatalogSettings.builder().requestsPerSecond(0).build())
        .hasMessageContaining("requestsPerSecond must be between");
    assertThatThrownBy(() -> CatalogSettings.builder().itemFields(List.of("PRICE", "PRICE")).build())
        .hasMessageContaining("itemFields must not contain duplicates");
    assertThatThrownBy(() -> CatalogSettings.builder().itemFields(List.of("1BAD")).build())
        .hasMessageContaining("itemFields entry");
  }

  @Test
  void toBuilder_roundTrips() {
    ResilienceSettings r = ResilienceSettings.builder().deadline(Duration.ofMillis(250)).maxAttempts(4).build();
    assertThat(r.toBuilder().build()).isEqualTo(r);
    CacheSettings c = CacheSettings.builder().maximumSize(5).build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    EventSinkSettings e = EventSinkSettings.builder().rejectWhenFull().maxAttempts(3).build();
    assertThat(e.toBuilder().build().toString()).isEqualTo(e.toString());
  }

  @Test
  void builder_rejectsBadArnsAndNonRegistries() {
    assertThatThrownBy(() -> AwsPersonalize.builder().forUserArn("campaign/x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forUserArn must be an ARN");
    assertThatThrownBy(() -> AwsPersonalize.builder().meterRegistry("not a registry"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("io.micrometer.core.instrument.MeterRegistry");
  }

  @Test
  void meterRegistry_exposesTheStats() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (AwsPersonalize p = AwsPersonalize.builder().region("us-east-1")
        .credentialsProvider(EmulatorFixture.CREDENTIALS).endpointOverride(URI.create("http://127.0.0.1:9"))
        .forUserArn("arn:aws:personalize:us-east-1:000000000000:campaign/c")
        .meterRegistry(registry).build()) {
      System.gc();
      assertThat(registry.get("personalize4j.cache.requests").tag("result", "hit").functionCounter().count()).isZero();
      assertThat(registry.get("personalize4j.circuit.state")
          .tag("endpoint", "arn:aws:personalize:us-east-1:000000000000:campaign/c").gauge().value()).isZero();
      assertThat(registry.get("personalize4j.events.pending").gauge().value()).isZero();
      assertThat(registry.get("personalize4j.backend.requests").tag("operation", "PutEvents").functionCounter().count())
          .isZero();
    }
    assertThat(registry.getMeters()).as("meters are removed on close").isEmpty();
  }
}
