package dev.personalize4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * Points the AWS SDK's defaults (endpoint, region, credentials) at an emulator through its standard
 * system properties, for code that builds clients without an endpoint override, as README snippets
 * do. Refuses to continue unless SDK clients built without an override would really call the
 * emulator, so such code can never reach AWS. {@link #close()} restores the previous properties.
 */
final class SdkDefaults implements AutoCloseable {
  private final Map<String, String> saved = new LinkedHashMap<>();

  private SdkDefaults() {}

  static SdkDefaults pointedAt(PersonalizeEmulator emulator) {
    SdkDefaults d = new SdkDefaults();
    d.set("aws.endpointUrl", emulator.endpoint().toString());
    d.set("aws.region", emulator.region());
    d.set("aws.accessKeyId", "emulator-access-key");
    d.set("aws.secretAccessKey", "emulator-secret-key");
    try (SdkHttpClient http = ApacheHttpClient.create();
        PersonalizeClient control = PersonalizeClient.builder().httpClient(http).build();
        PersonalizeRuntimeClient runtime = PersonalizeRuntimeClient.builder().httpClient(http).build();
        PersonalizeEventsClient events = PersonalizeEventsClient.builder().httpClient(http).build()) {
      assertThat(control.serviceClientConfiguration().endpointOverride()).contains(emulator.endpoint());
      assertThat(runtime.serviceClientConfiguration().endpointOverride()).contains(emulator.endpoint());
      assertThat(events.serviceClientConfiguration().endpointOverride()).contains(emulator.endpoint());
    } catch (RuntimeException | AssertionError e) {
      d.close();
      throw e;
    }
    return d;
  }

  private void set(String key, String value) {
    saved.put(key, System.getProperty(key));
    System.setProperty(key, value);
  }

  @Override
  public void close() {
    saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }
}
