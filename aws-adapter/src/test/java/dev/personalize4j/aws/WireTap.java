package dev.personalize4j.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The real Apache HTTP client, noting the PutEvents events it sends (by event id), so tests can
 * recover the fields the emulator's inspection does not report (event value, impressions).
 */
final class WireTap implements SdkHttpClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SdkHttpClient delegate = ApacheHttpClient.builder().build();
  private final Map<String, JsonNode> sentEvents = new ConcurrentHashMap<>();

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    if (request.httpRequest().encodedPath().endsWith("/events")) {
      request.contentStreamProvider().ifPresent(this::note);
    }
    return delegate.prepareRequest(request);
  }

  private void note(ContentStreamProvider body) {
    try (InputStream in = body.newStream()) {
      JsonNode root = JSON.readTree(in);
      for (JsonNode e : root.path("eventList")) {
        sentEvents.put(e.path("eventId").asText(), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event with {@code eventId} as last sent on the wire, if any. */
  JsonNode sent(String eventId) {
    return sentEvents.get(eventId);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
