package dev.personalize4j.testing.emulator;

import dev.personalize4j.testing.emulator.internal.EmulatorServer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an emulator has received, for assertions: request counts per operation (every attempt,
 * faulted ones included), the events, items and users it accepted, and how many resources exist.
 */
public final class EmulatorInspection {
  private final EmulatorServer server;

  EmulatorInspection(EmulatorServer server) {
    this.server = server;
  }

  /** The number of requests of {@code operation}, e.g. {@code "GetRecommendations"} or {@code "CreateCampaign"}. */
  public int requestCount(String operation) {
    return server.recorder().countOf(operation);
  }

  /** The number of requests of all operations. */
  public int requestCount() {
    return requestCounts().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Request counts by operation name. */
  public Map<String, Integer> requestCounts() {
    return server.recorder().counts();
  }

  /** The number of requests of every {@code Create*} operation together. */
  public int createRequestCount() {
    return requestCounts().entrySet().stream()
        .filter(e -> e.getKey().startsWith("Create")).mapToInt(Map.Entry::getValue).sum();
  }

  /** The events accepted through PutEvents, in arrival order. */
  public List<ReceivedEvent> receivedEvents() {
    return server.recorder().events();
  }

  /** The distinct event ids among {@link #receivedEvents()}. */
  public Set<String> distinctEventIds() {
    return server.recorder().eventIds();
  }

  /** The items accepted through PutItems, in arrival order. */
  public List<ReceivedRecord> receivedItems() {
    return server.recorder().items();
  }

  /** The users accepted through PutUsers, in arrival order. */
  public List<ReceivedRecord> receivedUsers() {
    return server.recorder().users();
  }

  /** The number of resources (dataset groups, schemas, datasets, jobs, solutions, versions, campaigns, ...) that exist. */
  public int resourceCount() {
    return server.resourceCount();
  }

  /** Clears the request counts and the received events, items and users; resources stay. */
  public void resetCounters() {
    server.recorder().clear();
  }
}
