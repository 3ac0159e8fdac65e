package dev.personalize4j.testing.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends raw HTTP to an in-process emulator on 127.0.0.1, bypassing the AWS SDK, and checks that
 * every bad request gets a 4xx with a JSON message within a per-request timeout.
 */
final class RawEmulatorClient implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** Far above any loopback answer; a request that takes this long counts as a hang. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDROBUSTNESSFAKE/20261204/us-east-1/personalize/aws4_request, "
      + "SignedHeaders=content-type;host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000";

  private final PersonalizeEmulator emulator;
  private final HttpClient http;

  RawEmulatorClient() {
    this(null);
  }

  /** An emulator whose import jobs read {@code dataDirectory}, when given. */
  RawEmulatorClient(java.nio.file.Path dataDirectory) {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    PersonalizeEmulator.Builder b = PersonalizeEmulator.builder();
    if (dataDirectory != null) {
      b.dataDirectory(dataDirectory);
    }
    this.emulator = b.start();
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(REQUEST_TIMEOUT)
        .build();
  }

  PersonalizeEmulator emulator() {
    return emulator;
  }

  /** Sends {@code body} to an operation's path, with the target header for the control plane. */
  HttpResponse<String> send(String method, String path, Optional<String> target, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", contentType)
        .header("X-Amz-Date", "20261204T120000Z")
        .header("Authorization", AUTH)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    target.ifPresent(t -> b.header("X-Amz-Target", t));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return fail("no answer within " + REQUEST_TIMEOUT + " to " + method + " " + path + " " + target.orElse(""), e);
    } catch (IOException e) {
      return fail("connection failed (handler crashed?) on " + method + " " + path + " " + target.orElse("")
          + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(Operation op, byte[] body) {
    return send("POST", op.path(), op.target(), op.contentType(), body);
  }

  HttpResponse<String> send(Operation op, String body) {
    return send(op, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The emulator still answers a valid call after whatever came before. */
  void assertAlive() {
    HttpResponse<String> r = send(Operation.LIST_DATASET_GROUPS, "{}");
    assertThat(r.statusCode()).as("ListDatasetGroups after the bad input: %s", r.body()).isEqualTo(200);
  }

  /** A 4xx whose body is a JSON object with a non-blank message. */
  static void assertClientError(HttpResponse<String> r, String sent) {
    String what = r.request().method() + " " + r.request().uri().getPath() + " "
        + r.request().headers().firstValue("X-Amz-Target").orElse("") + " with " + abbreviate(sent);
    assertThat(r.statusCode()).as("status of %s; body %s", what, r.body()).isBetween(400, 499);
    JsonNode body;
    try {
      body = MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("error body of " + what + " is not JSON: " + abbreviate(r.body()), e);
    }
    assertThat(body != null && body.isObject()).as("error body of %s is a JSON object: %s", what, r.body()).isTrue();
    JsonNode message = body.has("message") ? body.get("message") : body.get("Message");
    assertThat(message).as("message member in the error body of %s: %s", what, r.body()).isNotNull();
    assertThat(message.isTextual() && !message.textValue().isBlank())
        .as("message of %s is a non-blank string: %s", what, r.body()).isTrue();
  }

  /** For a known operation, the SDKs also need the error type, from the header or {@code __type}. */
  static void assertTypedClientError(HttpResponse<String> r, String sent) {
    assertClientError(r, sent);
    Optional<String> header = r.headers().firstValue("X-Amzn-ErrorType");
    String type = header.orElseGet(() -> {
      try {
        JsonNode t = MAPPER.readTree(r.body()).get("__type");
        return t == null ? "" : t.asText();
      } catch (IOException e) {
        return "";
      }
    });
    assertThat(type).as("error type of the answer to %s: %s", abbreviate(sent), r.body()).isNotBlank();
  }

  static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
  }

  @Override
  public void close() {
    emulator.close();
  }
}
