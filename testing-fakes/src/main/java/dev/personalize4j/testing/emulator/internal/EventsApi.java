package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personalize4j.AttributeValue;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.SessionId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.emulator.ReceivedEvent;
import dev.personalize4j.testing.emulator.ReceivedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** personalize-events (restJson1): PutEvents, PutItems, PutUsers, PutActions, PutActionInteractions. */
final class EventsApi {
  private static final Pattern ATTRIBUTION = Pattern.compile("^[\\x20-\\x7E]*[\\x21-\\x7E]+[\\x20-\\x7E]*$");

  private final State state;
  private final Recorder recorder;

  EventsApi(State state, Recorder recorder) {
    this.state = state;
    this.recorder = recorder;
  }

  /** Where a tracker's or dataset's records go, and the schema that types their properties. */
  private record Sink(DataStore store, Optional<Schema> schema, String arn) {}

  ObjectNode putEvents(Req in) {
    String trackingId = in.required("trackingId", 1, 256);
    String sessionId = in.required("sessionId", 1, 256);
    Optional<String> userId = in.str("userId", 1, 256);
    List<JsonNode> list = in.list("eventList").orElseThrow(() -> ApiException.invalidInput("eventList is required"));
    records("eventList", list.size());
    Sink sink = tracker(trackingId, DatasetType.INTERACTIONS);
    List<ReceivedEvent> received = new ArrayList<>();
    List<Interaction> interactions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "eventList[" + i + "]";
      Req e = Req.of(list.get(i), at);
      String eventType = e.required("eventType", 1, 256);
      Instant sentAt = e.timestamp("sentAt").orElseThrow(() -> ApiException.invalidInput(at + ".sentAt is required"));
      Optional<String> itemId = e.str("itemId", 1, 256);
      Optional<String> eventId = e.str("eventId", 1, 256);
      Optional<Double> eventValue = e.number("eventValue");
      Optional<String> properties = e.str("properties", 1, 1024);
      Optional<String> recommendationId = e.str("recommendationId", 1, 40);
      List<String> impressions = e.strings("impression", 25, 256).orElse(List.of());
      if (e.has("impression") && impressions.isEmpty()) {
        throw ApiException.invalidInput(at + ".impression must have between 1 and 25 entries but had 0");
      }
      e.obj("metricAttribution").ifPresent(m -> {
        String source = m.required("eventAttributionSource", 1, 1024);
        if (!ATTRIBUTION.matcher(source).matches()) {
          throw ApiException.invalidInput(at + ".metricAttribution.eventAttributionSource must be printable ASCII");
        }
      });
      Map<String, AttributeValue> props = properties
          .map(p -> Properties.parse(at + ".properties", p, sink.schema(), true)).orElse(Map.of());
      String id = eventId.orElseGet(() -> UUID.randomUUID().toString());
      received.add(new ReceivedEvent(trackingId, sessionId, userId, id, eventType, itemId, sentAt, properties,
          recommendationId));
      if (itemId.isPresent()) {
        interactions.add(interaction(at, userId, sessionId, itemId.get(), eventType, sentAt, eventValue,
            recommendationId, impressions, props, id));
      }
    }
    sink.store().putInteractions(interactions);
    recorder.events(received);
    return Out.obj();
  }

  ObjectNode putActionInteractions(Req in) {
    String trackingId = in.required("trackingId", 1, 256);
    List<JsonNode> list = in.list("actionInteractions")
        .orElseThrow(() -> ApiException.invalidInput("actionInteractions is required"));
    records("actionInteractions", list.size());
    Sink sink = tracker(trackingId, DatasetType.ACTION_INTERACTIONS);
    List<Interaction> interactions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "actionInteractions[" + i + "]";
      Req e = Req.of(list.get(i), at);
      String actionId = e.required("actionId", 1, 256);
      String sessionId = e.required("sessionId", 1, 256);
      Optional<String> userId = e.str("userId", 1, 256);
      String eventType = e.required("eventType", 1, 256);
      Instant timestamp = e.timestamp("timestamp").orElseThrow(() -> ApiException.invalidInput(at + ".timestamp is required"));
      Optional<String> eventId = e.str("eventId", 1, 256);
      Optional<String> recommendationId = e.str("recommendationId", 1, 40);
      List<String> impressions = e.strings("impression", 25, 256).orElse(List.of());
      Optional<String> properties = e.str("properties", 1, 1024);
      Map<String, AttributeValue> props = properties
          .map(p -> Properties.parse(at + ".properties", p, sink.schema(), true)).orElse(Map.of());
      interactions.add(interaction(at, userId, sessionId, actionId, eventType, timestamp, Optional.empty(),
          recommendationId, impressions, props, eventId.orElseGet(() -> UUID.randomUUID().toString())));
    }
    sink.store().putActionInteractions(interactions);
    return Out.obj();
  }

  private static Interaction interaction(String at, Optional<String> userId, String sessionId, String itemId,
      String eventType, Instant time, Optional<Double> eventValue, Optional<String> recommendationId,
      List<String> impressions, Map<String, AttributeValue> props, String eventId) {
    try {
      Interaction.Builder b = Interaction.builder()
          .sessionId(SessionId.of(sessionId))
          .itemId(ItemId.of(itemId))
          .eventType(EventType.of(eventType))
          .timestamp(time)
          .recommendationId(recommendationId)
          .properties(props)
          .eventId(eventId);
      userId.ifPresent(u -> b.userId(UserId.of(u)));
      eventValue.ifPresent(b::eventValue);
      impressions.forEach(x -> b.addImpressions(ItemId.of(x)));
      return b.build();
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidInput(at + ": " + e.getMessage());
    }
  }

  ObjectNode putItems(Req in) {
    String datasetArn = in.requiredArn("datasetArn");
    List<JsonNode> list = in.list("items").orElseThrow(() -> ApiException.invalidInput("items is required"));
    records("items", list.size());
    Sink sink = dataset(datasetArn, DatasetType.ITEMS);
    List<Item> items = new ArrayList<>();
    List<ReceivedRecord> received = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "items[" + i + "]";
      Req r = Req.of(list.get(i), at);
      String id = r.required("itemId", 1, 256);
      Optional<String> properties = r.str("properties", 1, 32_000);
      Map<String, AttributeValue> attributes = properties
          .map(p -> Properties.parse(at + ".properties", p, sink.schema(), false)).orElse(Map.of());
      try {
        Item.Builder b = Item.builder(ItemId.of(id));
        attributes.forEach(b::attribute);
        items.add(b.build());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalidInput(at + ": " + e.getMessage());
      }
      received.add(new ReceivedRecord(datasetArn, id, properties));
    }
    sink.store().putItems(items);
    recorder.items(received);
    return Out.obj();
  }

  ObjectNode putActions(Req in) {
    String datasetArn = in.requiredArn("datasetArn");
    List<JsonNode> list = in.list("actions").orElseThrow(() -> ApiException.invalidInput("actions is required"));
    records("actions", list.size());
    Sink sink = dataset(datasetArn, DatasetType.ACTIONS);
    List<Item> actions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "actions[" + i + "]";
      Req r = Req.of(list.get(i), at);
      String id = r.required("actionId", 1, 256);
      Map<String, AttributeValue> attributes = r.str("properties", 1, 32_000)
          .map(p -> Properties.parse(at + ".properties", p, sink.schema(), false)).orElse(Map.of());
      try {
        Item.Builder b = Item.builder(ItemId.of(id));
        attributes.forEach(b::attribute);
        actions.add(b.build());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalidInput(at + ": " + e.getMessage());
      }
    }
    sink.store().putActions(actions);
    return Out.obj();
  }

  ObjectNode putUsers(Req in) {
    String datasetArn = in.requiredArn("datasetArn");
    List<JsonNode> list = in.list("users").orElseThrow(() -> ApiException.invalidInput("users is required"));
    records("users", list.size());
    Sink sink = dataset(datasetArn, DatasetType.USERS);
    List<User> users = new ArrayList<>();
    List<ReceivedRecord> received = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "users[" + i + "]";
      Req r = Req.of(list.get(i), at);
      String id = r.required("userId", 1, 256);
      Optional<String> properties = r.str("properties", 1, 24_000);
      Map<String, AttributeValue> attributes = properties
          .map(p -> Properties.parse(at + ".properties", p, sink.schema(), false)).orElse(Map.of());
      try {
        User.Builder b = User.builder(UserId.of(id));
        attributes.forEach(b::attribute);
        users.add(b.build());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalidInput(at + ": " + e.getMessage());
      }
      received.add(new ReceivedRecord(datasetArn, id, properties));
    }
    sink.store().putUsers(users);
    recorder.users(received);
    return Out.obj();
  }

  private static void records(String field, int size) {
    if (size < 1 || size > 10) {
      throw ApiException.invalidInput(field + " must have between 1 and 10 entries but had " + size);
    }
  }

  private Sink tracker(String trackingId, String datasetType) {
    synchronized (state) {
      state.settle();
      if (datasetType.equals(DatasetType.INTERACTIONS)) {
        for (Resource t : state.all(Resource.Kind.EVENT_TRACKER, r -> trackingId.equals(r.trackingId))) {
          if (!t.active()) {
            throw ApiException.notFound("The event tracker with tracking id " + trackingId + " is not ACTIVE but " + t.status);
          }
          return new Sink(state.store(t.parentArn), schemaOf(t.parentArn, datasetType), t.arn);
        }
      } else {
        for (Resource d : state.all(Resource.Kind.DATASET, r -> trackingId.equals(r.trackingId))) {
          return new Sink(state.store(d.parentArn), Optional.of(d.schema), d.arn);
        }
      }
      throw ApiException.notFound("No event tracker has the tracking id " + trackingId);
    }
  }

  private Optional<Schema> schemaOf(String datasetGroupArn, String datasetType) {
    return state.all(Resource.Kind.DATASET, d -> d.parentArn.equals(datasetGroupArn) && d.datasetType.equals(datasetType))
        .stream().findFirst().map(d -> d.schema);
  }

  private Sink dataset(String arn, String type) {
    synchronized (state) {
      state.settle();
      Resource d = state.find(Resource.Kind.DATASET, arn).orElseThrow(() -> ApiException.notFound("Dataset not found: " + arn));
      if (!d.datasetType.equals(type)) {
        throw ApiException.invalidInput("Dataset " + arn + " is of type " + DatasetType.display(d.datasetType)
            + ", not " + DatasetType.display(type));
      }
      if (!d.active()) {
        throw ApiException.inUse("Dataset " + arn + " is not ACTIVE but " + d.status);
      }
      return new Sink(state.store(d.parentArn), Optional.of(d.schema), d.arn);
    }
  }
}
