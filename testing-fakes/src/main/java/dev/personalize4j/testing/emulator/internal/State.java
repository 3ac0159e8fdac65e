package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.User;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * All resources and data of one emulator, and their lifecycle: statuses move on when the injected
 * clock passes a resource's deadline, checked by {@link #settle()} at the start of every call.
 * Guarded by the instance's monitor.
 */
final class State {
  final Config config;
  final Clock clock;
  final FaultPlan faults;
  final String arnPrefix;
  final Map<String, Resource> resources = new LinkedHashMap<>();
  final Map<String, DataStore> stores = new HashMap<>();
  private Instant nextDue = Instant.MAX;
  private long sequence;

  State(Config config, FaultPlan faults) {
    this.config = config;
    this.clock = config.clock();
    this.faults = faults;
    this.arnPrefix = "arn:aws:personalize:" + config.region() + ":" + config.accountId() + ":";
  }

  synchronized long nextSequence() {
    return ++sequence;
  }

  Instant now() {
    return clock.instant();
  }

  Duration timeToActive() {
    return config.timeToActive();
  }

  synchronized void reset() {
    resources.clear();
    stores.clear();
    nextDue = Instant.MAX;
  }

  synchronized int resourceCount() {
    settle();
    return resources.size();
  }

  /** Registers a new resource that becomes ready after the configured time. */
  Resource add(Resource.Kind kind, String arn, String name, String parentArn, ObjectNode request) {
    Instant now = now();
    Resource r = new Resource(kind, arn, name, parentArn, request, now, now.plus(timeToActive()));
    resources.put(arn, r);
    scheduleTransition(r);
    return r;
  }

  /** Schedules the settle that moves {@code r} on: the midpoint (to IN_PROGRESS), then readyAt. */
  void scheduleTransition(Resource r) {
    schedule(r.updated.plus(Duration.between(r.updated, r.readyAt).dividedBy(2)));
  }

  void schedule(Instant at) {
    if (at.isBefore(nextDue)) {
      nextDue = at;
    }
  }

  Optional<Resource> find(Resource.Kind kind, String arn) {
    Resource r = resources.get(arn);
    return r != null && r.kind == kind ? Optional.of(r) : Optional.empty();
  }

  Resource get(Resource.Kind kind, String arn) {
    return find(kind, arn).orElseThrow(() -> ApiException.notFound(
        "Could not find resource of type " + label(kind) + " with ARN " + arn));
  }

  List<Resource> all(Resource.Kind kind, Predicate<Resource> filter) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources.values()) {
      if (r.kind == kind && filter.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  static String label(Resource.Kind kind) {
    return switch (kind) {
      case DATASET_GROUP -> "dataset group";
      case SCHEMA -> "schema";
      case DATASET -> "dataset";
      case DATASET_IMPORT_JOB -> "dataset import job";
      case SOLUTION -> "solution";
      case SOLUTION_VERSION -> "solution version";
      case CAMPAIGN -> "campaign";
      case RECOMMENDER -> "recommender";
      case EVENT_TRACKER -> "event tracker";
      case FILTER -> "filter";
    };
  }

  DataStore store(String datasetGroupArn) {
    return stores.computeIfAbsent(datasetGroupArn, k -> new DataStore(clock));
  }

  /** Starts the deletion of {@code r}; it disappears once the configured time has passed. */
  void delete(Resource r) {
    r.status = Resource.DELETE_PENDING;
    r.updated = now();
    r.deleteAt = r.updated.plus(timeToActive());
    schedule(r.deleteAt);
  }

  /** Moves every resource whose deadline has passed to its next status. */
  synchronized void settle() {
    Instant now = now();
    if (now.isBefore(nextDue)) {
      return;
    }
    Instant next = Instant.MAX;
    for (Resource r : new ArrayList<>(resources.values())) {
      if (!resources.containsKey(r.arn)) {
        continue;
      }
      if (r.deleting()) {
        if (!now.isBefore(r.deleteAt)) {
          remove(r);
        } else {
          next = min(next, r.deleteAt);
        }
        continue;
      }
      if (r.readyAt == null) {
        continue;
      }
      if (!now.isBefore(r.readyAt)) {
        r.readyAt = null;
        r.updated = now;
        complete(r);
      } else {
        Instant half = r.updated.plus(Duration.between(r.updated, r.readyAt).dividedBy(2));
        if (Resource.CREATE_PENDING.equals(r.status) && !now.isBefore(half)) {
          r.status = Resource.CREATE_IN_PROGRESS;
          next = min(next, r.readyAt);
        } else {
          next = min(next, Resource.CREATE_PENDING.equals(r.status) ? half : r.readyAt);
        }
      }
    }
    nextDue = next;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private void remove(Resource r) {
    resources.remove(r.arn);
    switch (r.kind) {
      case DATASET_GROUP -> {
        stores.remove(r.arn);
        resources.values().removeIf(x -> (x.kind == Resource.Kind.FILTER) && x.parentArn.equals(r.arn));
      }
      case DATASET -> resources.values().removeIf(x -> x.kind == Resource.Kind.DATASET_IMPORT_JOB && x.parentArn.equals(r.arn));
      case SOLUTION -> resources.values().removeIf(x -> x.kind == Resource.Kind.SOLUTION_VERSION && x.parentArn.equals(r.arn));
      default -> { }
    }
  }

  private void complete(Resource r) {
    if (!r.creating()) {
      r.status = r.targetStatus;
      if (r.pendingUpdate != null) {
        r.pendingUpdate.put("status", Resource.ACTIVE);
      }
      return;
    }
    switch (r.kind) {
      case DATASET_IMPORT_JOB -> runImport(r);
      case SOLUTION_VERSION -> train(r);
      case RECOMMENDER -> {
        Optional<String> shortfall = trainingShortfall(r.parentArn, r.recipe.eventType());
        finish(r, shortfall);
      }
      default -> r.status = Resource.ACTIVE;
    }
  }

  private void finish(Resource r, Optional<String> failure) {
    r.status = failure.isPresent() ? Resource.CREATE_FAILED : Resource.ACTIVE;
    r.failureReason = failure;
  }

  private void train(Resource version) {
    if (version.forcedFailure != null) {
      finish(version, Optional.of(version.forcedFailure));
      return;
    }
    Resource solution = resources.get(version.parentArn);
    if (solution == null || solution.deleting()) {
      finish(version, Optional.of("The solution " + version.parentArn + " was deleted during training"));
      return;
    }
    finish(version, trainingShortfall(solution.parentArn, Optional.ofNullable(solution.eventType)));
  }

  /** Why the dataset group's data is too little to train on (personalize-api.md §D), if it is. */
  Optional<String> trainingShortfall(String datasetGroupArn, Optional<String> eventType) {
    if (config.relaxTrainingMinimums()) {
      return Optional.empty();
    }
    DataStore.Stats stats = store(datasetGroupArn).stats(eventType);
    String scope = eventType.map(t -> " of event type " + t).orElse("");
    if (stats.interactions() < 1000) {
      return Optional.of("Insufficient training data: the Interactions dataset has " + stats.interactions()
          + " interactions" + scope + " but at least 1000 are required");
    }
    if (stats.usersWithTwo() < 25) {
      return Optional.of("Insufficient training data: " + stats.usersWithTwo() + " users have at least 2 interactions"
          + scope + " but at least 25 such users are required");
    }
    return Optional.empty();
  }

  private void runImport(Resource job) {
    Resource dataset = resources.get(job.parentArn);
    if (dataset == null) {
      finish(job, Optional.of("The dataset " + job.parentArn + " no longer exists"));
      return;
    }
    Resource schema = resources.get(dataset.request.path("schemaArn").asText());
    if (schema == null) {
      finish(job, Optional.of("The schema of dataset " + dataset.arn + " no longer exists"));
      return;
    }
    boolean full = !"INCREMENTAL".equals(job.request.path("importMode").asText("FULL"));
    String location = job.request.path("dataSource").path("dataLocation").asText();
    try {
      List<Path> files = CsvImport.files(config.dataDirectory(), location);
      List<Object> records = CsvImport.read(files, dataset.datasetType, schema.schema);
      DataStore store = store(dataset.parentArn);
      switch (dataset.datasetType) {
        case DatasetType.ITEMS -> store.importItems(cast(records, Item.class), full);
        case DatasetType.USERS -> store.importUsers(cast(records, User.class), full);
        case DatasetType.ACTIONS -> store.importActions(cast(records, Item.class), full);
        case DatasetType.ACTION_INTERACTIONS -> store.importActionInteractions(cast(records, Interaction.class), full);
        default -> store.importInteractions(cast(records, Interaction.class), full);
      }
      finish(job, Optional.empty());
    } catch (CsvImport.Failure e) {
      finish(job, Optional.of(e.getMessage()));
    } catch (RuntimeException e) {
      finish(job, Optional.of("Import failed: " + e));
    }
  }

  private static <T> List<T> cast(List<Object> records, Class<T> type) {
    List<T> out = new ArrayList<>(records.size());
    for (Object o : records) {
      out.add(type.cast(o));
    }
    return out;
  }
}
