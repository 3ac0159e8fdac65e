package dev.personalize4j.testing.emulator.internal;

import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.User;
import dev.personalize4j.testing.internal.Engine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one dataset group and the live engine that answers from it. Bulk (imported) and
 * individually put records are kept apart, because a FULL import replaces only the bulk data; the
 * engine is rebuilt from both when bulk data is replaced.
 */
final class DataStore {
  private final Clock clock;
  private volatile Engine engine;
  private volatile Engine actions;
  private final Map<String, Item> bulkItems = new LinkedHashMap<>();
  private final Map<String, Item> putItems = new LinkedHashMap<>();
  private final Map<String, User> bulkUsers = new LinkedHashMap<>();
  private final Map<String, User> putUsers = new LinkedHashMap<>();
  private final List<Interaction> bulkInteractions = new ArrayList<>();
  private final List<Interaction> putInteractions = new ArrayList<>();
  private final Map<String, Item> bulkActions = new LinkedHashMap<>();
  private final Map<String, Item> putActions = new LinkedHashMap<>();
  private final List<Interaction> bulkActionInteractions = new ArrayList<>();
  private final List<Interaction> putActionInteractions = new ArrayList<>();

  DataStore(Clock clock) {
    this.clock = clock;
    this.engine = new Engine(clock);
    this.actions = new Engine(clock);
  }

  /** Training-relevant counts: interactions and users with at least 2 of them. */
  record Stats(long interactions, int usersWithTwo) {}

  /** Counts the item interactions, optionally of one event type (case-insensitive). */
  synchronized Stats stats(Optional<String> eventType) {
    long count = 0;
    Map<String, Integer> perUser = new HashMap<>();
    for (List<Interaction> list : List.of(bulkInteractions, putInteractions)) {
      for (Interaction i : list) {
        if (eventType.isPresent() && !i.eventType().matches(eventType.get())) {
          continue;
        }
        count++;
        perUser.merge(i.userId().map(dev.personalize4j.UserId::value).orElseGet(i::sessionOrUser), 1, Integer::sum);
      }
    }
    int withTwo = (int) perUser.values().stream().filter(n -> n >= 2).count();
    return new Stats(count, withTwo);
  }

  /** The engine of items, users and item interactions. */
  Engine engine() {
    return engine;
  }

  /** The engine of actions and action interactions (actions play the part of items). */
  Engine actions() {
    return actions;
  }

  synchronized void putItems(Collection<Item> items) {
    for (Item i : items) {
      putItems.put(i.id().value(), i);
      engine.putItem(i);
    }
  }

  synchronized void putUsers(Collection<User> users) {
    for (User u : users) {
      putUsers.put(u.id().value(), u);
      engine.putUser(u);
    }
  }

  synchronized void putInteractions(Collection<Interaction> interactions) {
    for (Interaction i : interactions) {
      putInteractions.add(i);
      engine.record(i);
    }
  }

  synchronized void putActions(Collection<Item> list) {
    for (Item i : list) {
      putActions.put(i.id().value(), i);
      actions.putItem(i);
    }
  }

  synchronized void putActionInteractions(Collection<Interaction> list) {
    for (Interaction i : list) {
      putActionInteractions.add(i);
      actions.record(i);
    }
  }

  /** Applies an import job's items; {@code full} replaces the earlier bulk items. */
  synchronized void importItems(List<Item> records, boolean full) {
    boolean rebuild = full && !bulkItems.isEmpty();
    if (full) {
      bulkItems.clear();
    }
    records.forEach(i -> bulkItems.put(i.id().value(), i));
    if (rebuild) {
      rebuildItems();
    } else {
      records.forEach(engine::putItem);
    }
  }

  /** Applies an import job's users; {@code full} replaces the earlier bulk users. */
  synchronized void importUsers(List<User> records, boolean full) {
    boolean rebuild = full && !bulkUsers.isEmpty();
    if (full) {
      bulkUsers.clear();
    }
    records.forEach(u -> bulkUsers.put(u.id().value(), u));
    if (rebuild) {
      rebuildItems();
    } else {
      records.forEach(engine::putUser);
    }
  }

  /** Applies an import job's interactions; {@code full} replaces the earlier bulk interactions. */
  synchronized void importInteractions(List<Interaction> records, boolean full) {
    boolean rebuild = full && !bulkInteractions.isEmpty();
    if (full) {
      bulkInteractions.clear();
    }
    bulkInteractions.addAll(records);
    if (rebuild) {
      rebuildItems();
    } else {
      records.forEach(engine::record);
    }
  }

  /** Applies an import job's actions. */
  synchronized void importActions(List<Item> records, boolean full) {
    boolean rebuild = full && !bulkActions.isEmpty();
    if (full) {
      bulkActions.clear();
    }
    records.forEach(i -> bulkActions.put(i.id().value(), i));
    if (rebuild) {
      rebuildActions();
    } else {
      records.forEach(actions::putItem);
    }
  }

  /** Applies an import job's action interactions. */
  synchronized void importActionInteractions(List<Interaction> records, boolean full) {
    boolean rebuild = full && !bulkActionInteractions.isEmpty();
    if (full) {
      bulkActionInteractions.clear();
    }
    bulkActionInteractions.addAll(records);
    if (rebuild) {
      rebuildActions();
    } else {
      records.forEach(actions::record);
    }
  }

  private void rebuildItems() {
    Engine e = new Engine(clock);
    bulkItems.values().forEach(e::putItem);
    putItems.values().forEach(e::putItem);
    bulkUsers.values().forEach(e::putUser);
    putUsers.values().forEach(e::putUser);
    bulkInteractions.forEach(e::record);
    putInteractions.forEach(e::record);
    engine = e;
  }

  private void rebuildActions() {
    Engine e = new Engine(clock);
    bulkActions.values().forEach(e::putItem);
    putActions.values().forEach(e::putItem);
    bulkActionInteractions.forEach(e::record);
    putActionInteractions.forEach(e::record);
    actions = e;
  }
}
