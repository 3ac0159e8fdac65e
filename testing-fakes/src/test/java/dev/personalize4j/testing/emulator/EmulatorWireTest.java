package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * What goes over the wire, sent as raw HTTP: any key order, absent optional members, whole and
 * fractional epoch seconds, malformed bodies and unknown routes, and the error envelope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorWireTest {
  static final ObjectMapper JSON = new ObjectMapper();

  PersonalizeEmulator emulator;
  PersonalizeClient control;
  HttpClient http;
  Fixture shop;
  String campaign;

  @BeforeAll
  void setUp() {
    emulator = PersonalizeEmulator.builder().relaxTrainingMinimums(true).start();
    control = Sdk.control(emulator);
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    shop = Fixture.ecommerce(control, "wire");
    campaign = shop.campaign("wire-up", "aws-user-personalization", false, null);
  }

  @AfterAll
  void tearDown() {
    control.close();
    emulator.close();
  }

  HttpResponse<String> post(String path, String target, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", target == null ? "application/json" : "application/x-amz-json-1.1")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", "AmazonPersonalize." + target);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Test
  void eventsAcceptWholeAndFractionalSecondsInAnyKeyOrder() throws Exception {
    String javaStyle = "{\"trackingId\":\"" + shop.trackingId + "\",\"userId\":\"u-1\",\"sessionId\":\"s-1\",\"eventList\":["
        + "{\"eventId\":\"j-1\",\"eventType\":\"View\",\"eventValue\":1.5,\"itemId\":\"item-1\",\"sentAt\":1733318401.000}]}";
    String nodeStyle = "{\"eventList\":[{\"sentAt\":1733318401,\"itemId\":\"item-1\",\"eventType\":\"View\",\"eventId\":\"n-1\"}],"
        + "\"sessionId\":\"s-1\",\"trackingId\":\"" + shop.trackingId + "\"}";
    String fraction = "{\"sessionId\":\"s-2\",\"trackingId\":\"" + shop.trackingId + "\",\"eventList\":["
        + "{\"eventType\":\"View\",\"itemId\":\"item-2\",\"sentAt\":1.733318400123E9,\"eventId\":\"e-1\"}]}";
    for (String body : new String[] {javaStyle, nodeStyle, fraction}) {
      HttpResponse<String> r = post("/events", null, body);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }
    var received = emulator.inspection().receivedEvents();
    assertThat(received).extracting(ReceivedEvent::eventId).contains("j-1", "n-1", "e-1");
    assertThat(received.stream().filter(e -> e.eventId().equals("j-1")).findFirst().orElseThrow().sentAt())
        .isEqualTo(Instant.ofEpochSecond(1_733_318_401L));
    assertThat(received.stream().filter(e -> e.eventId().equals("n-1")).findFirst().orElseThrow().sentAt())
        .isEqualTo(Instant.ofEpochSecond(1_733_318_401L));
    assertThat(received.stream().filter(e -> e.eventId().equals("e-1")).findFirst().orElseThrow().sentAt())
        .isEqualTo(Instant.parse("2024-12-04T13:20:00.123Z"));
  }

  @Test
  void runtimeAcceptsAbsentOptionalMembersAndAnyOrder() throws Exception {
    HttpResponse<String> minimal = post("/recommendations", null, "{\"userId\":\"u-1\",\"campaignArn\":\"" + campaign + "\"}");
    assertThat(minimal.statusCode()).as(minimal.body()).isEqualTo(200);
    assertThat(minimal.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = json(minimal);
    assertThat(body.path("recommendationId").asText()).startsWith("RID-");
    assertThat(body.path("itemList").isArray()).isTrue();
    HttpResponse<String> nulls = post("/recommendations", null,
        "{\"numResults\":3,\"filterArn\":null,\"context\":{},\"campaignArn\":\"" + campaign + "\",\"userId\":\"u-1\"}");
    assertThat(nulls.statusCode()).as(nulls.body()).isEqualTo(200);
  }

  @Test
  void controlPlaneTimestampsAreEpochSecondNumbers() throws Exception {
    HttpResponse<String> r = post("/", "DescribeDatasetGroup", "{\"datasetGroupArn\":\"" + shop.group + "\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
    JsonNode group = json(r).path("datasetGroup");
    assertThat(group.path("creationDateTime").isNumber()).isTrue();
    assertThat(group.path("creationDateTime").asDouble()).isBetween(1.7e9, 1e10);
    assertThat(group.has("failureReason")).isFalse();
  }

  @Test
  void malformedJsonIsA400WithAMessage() throws Exception {
    for (String path : new String[] {"/recommendations", "/events", "/items"}) {
      HttpResponse<String> r = post(path, null, "{\"userId\": ");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("X-Amzn-ErrorType")).contains("SerializationException");
      assertThat(json(r).path("message").asText()).contains("not valid JSON");
      assertThat(json(r).path("__type").asText()).isEqualTo("SerializationException");
    }
    HttpResponse<String> control = post("/", "CreateDatasetGroup", "[1,2,3]");
    assertThat(control.statusCode()).isEqualTo(400);
    assertThat(json(control).path("message").asText()).contains("JSON object");
  }

  @Test
  void wrongTypesAreClientErrors() throws Exception {
    HttpResponse<String> r = post("/recommendations", null,
        "{\"campaignArn\":\"" + campaign + "\",\"userId\":\"u-1\",\"numResults\":\"ten\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("message").asText()).contains("numResults");
    HttpResponse<String> events = post("/events", null,
        "{\"trackingId\":\"" + shop.trackingId + "\",\"sessionId\":\"s\",\"eventList\":[{\"eventType\":\"View\",\"sentAt\":\"2024-12-04\"}]}");
    assertThat(events.statusCode()).isEqualTo(400);
    assertThat(json(events).path("message").asText()).contains("sentAt");
    HttpResponse<String> huge = post("/events", null,
        "{\"trackingId\":\"" + shop.trackingId + "\",\"sessionId\":\"s\",\"eventList\":[{\"eventType\":\"View\",\"sentAt\":1e30}]}");
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(json(huge).path("message").asText()).contains("sentAt");
  }

  @Test
  void errorsCarryTheModelledStatusTypeHeaderAndRequestId() throws Exception {
    HttpResponse<String> notFound = post("/recommendations", null,
        "{\"campaignArn\":\"arn:aws:personalize:us-east-1:000000000000:campaign/none\",\"userId\":\"u\"}");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("X-Amzn-ErrorType")).contains("ResourceNotFoundException");
    assertThat(notFound.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(json(notFound).path("__type").asText()).isEqualTo("ResourceNotFoundException");
    HttpResponse<String> cpNotFound = post("/", "DescribeCampaign",
        "{\"campaignArn\":\"arn:aws:personalize:us-east-1:000000000000:campaign/none\"}");
    assertThat(cpNotFound.statusCode()).isEqualTo(400);
    assertThat(cpNotFound.headers().firstValue("X-Amzn-ErrorType")).contains("ResourceNotFoundException");
  }

  @Test
  void unknownRoutesAndOperationsAreClientErrors() throws Exception {
    HttpResponse<String> path = post("/no-such-path", null, "{}");
    assertThat(path.statusCode()).isEqualTo(404);
    assertThat(json(path).path("message").asText()).contains("/no-such-path");
    HttpResponse<String> op = post("/", "DoSomethingElse", "{}");
    assertThat(op.statusCode()).isEqualTo(400);
    assertThat(json(op).path("message").asText()).contains("DoSomethingElse");
    HttpResponse<String> noTarget = post("/", null, "{}");
    assertThat(noTarget.statusCode()).isEqualTo(400);
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/recommendations"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
  }
}
