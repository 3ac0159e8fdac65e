package dev.personalize4j.testing.emulator.internal;

import dev.personalize4j.testing.emulator.ReceivedEvent;
import dev.personalize4j.testing.emulator.ReceivedRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the emulator received: per-operation request counts and accepted records, in arrival order. */
public final class Recorder {
  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<ReceivedEvent> events = new ArrayList<>();
  private final List<ReceivedRecord> items = new ArrayList<>();
  private final List<ReceivedRecord> users = new ArrayList<>();

  synchronized void count(String operation) {
    counts.merge(operation, 1, Integer::sum);
  }

  synchronized void events(List<ReceivedEvent> accepted) {
    events.addAll(accepted);
  }

  synchronized void items(List<ReceivedRecord> accepted) {
    items.addAll(accepted);
  }

  synchronized void users(List<ReceivedRecord> accepted) {
    users.addAll(accepted);
  }

  public synchronized int countOf(String operation) {
    return counts.getOrDefault(operation, 0);
  }

  public synchronized Map<String, Integer> counts() {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  public synchronized List<ReceivedEvent> events() {
    return List.copyOf(events);
  }

  public synchronized Set<String> eventIds() {
    Set<String> ids = new LinkedHashSet<>();
    events.forEach(e -> ids.add(e.eventId()));
    return Collections.unmodifiableSet(ids);
  }

  public synchronized List<ReceivedRecord> items() {
    return List.copyOf(items);
  }

  public synchronized List<ReceivedRecord> users() {
    return List.copyOf(users);
  }

  public synchronized void clear() {
    counts.clear();
    events.clear();
    items.clear();
    users.clear();
  }
}
