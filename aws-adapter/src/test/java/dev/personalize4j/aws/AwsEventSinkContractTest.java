package dev.personalize4j.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.SessionId;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.contract.EventSinkContract;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import dev.personalize4j.testing.emulator.ReceivedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The event-sink contract against {@link AwsPersonalize} and the emulator, over the real SDK. */
class AwsEventSinkContractTest extends EventSinkContract {
  static PersonalizeEmulator emulator;
  static String trackingId;
  private AwsPersonalize personalize;
  private WireTap wire;
  private int firstEvent;

  @BeforeAll
  static void start() {
    emulator = PersonalizeEmulator.builder().relaxTrainingMinimums(true).start();
    trackingId = EmulatorFixture.tracker(emulator, "sink-contract");
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected EventSink createSink() {
    firstEvent = emulator.inspection().receivedEvents().size();
    wire = new WireTap();
    personalize = EmulatorFixture.adapter(emulator).httpClient(wire).trackingId(trackingId)
        .events(EventSinkSettings.builder().linger(Duration.ofMillis(5)).build()).build();
    return personalize.eventSink();
  }

  @AfterEach
  void closeAll() {
    personalize.close();
    wire.close();
  }

  @Override
  protected List<Interaction> delivered() {
    List<ReceivedEvent> all = emulator.inspection().receivedEvents();
    return all.subList(firstEvent, all.size()).stream().map(this::toInteraction).toList();
  }

  private Interaction toInteraction(ReceivedEvent e) {
    Interaction.Builder b = Interaction.builder()
        .itemId(ItemId.of(e.itemId().orElseThrow()))
        .eventType(EventType.of(e.eventType()))
        .timestamp(e.sentAt())
        .eventId(e.eventId());
    e.userId().ifPresent(u -> b.userId(UserId.of(u)));
    if (e.userId().isEmpty() || !e.userId().get().equals(e.sessionId())) {
      b.sessionId(SessionId.of(e.sessionId()));
    }
    e.recommendationId().ifPresent(b::recommendationId);
    JsonNode sent = wire.sent(e.eventId());
    if (sent != null) {
      if (sent.has("eventValue")) {
        b.eventValue(sent.get("eventValue").asDouble());
      }
      for (JsonNode imp : sent.path("impression")) {
        b.addImpressions(ItemId.of(imp.asText()));
      }
    }
    return b.build();
  }
}
