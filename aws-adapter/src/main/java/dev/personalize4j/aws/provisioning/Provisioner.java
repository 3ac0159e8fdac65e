package dev.personalize4j.aws.provisioning;

import dev.personalize4j.aws.Sleeper;
import dev.personalize4j.Ticker;
import dev.personalize4j.aws.provisioning.ProgressEvent.Action;
import dev.personalize4j.aws.provisioning.ProvisioningException.ProvisioningTimeoutException;
import dev.personalize4j.aws.provisioning.ProvisioningException.ResourceFailedException;
import dev.personalize4j.aws.provisioning.ProvisioningException.SpecConflictException;
import dev.personalize4j.aws.provisioning.internal.Backoff;
import dev.personalize4j.aws.provisioning.internal.Retryability;
import dev.personalize4j.aws.provisioning.internal.SchemaDiff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.AutoTrainingConfig;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.CampaignConfig;
import software.amazon.awssdk.services.personalize.model.CampaignSummary;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.DatasetImportJobSummary;
import software.amazon.awssdk.services.personalize.model.DatasetSchemaSummary;
import software.amazon.awssdk.services.personalize.model.DatasetSummary;
import software.amazon.awssdk.services.personalize.model.EventTracker;
import software.amazon.awssdk.services.personalize.model.EventTrackerSummary;
import software.amazon.awssdk.services.personalize.model.FilterSummary;
import software.amazon.awssdk.services.personalize.model.Recommender;
import software.amazon.awssdk.services.personalize.model.RecommenderConfig;
import software.amazon.awssdk.services.personalize.model.RecommenderSummary;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.Solution;
import software.amazon.awssdk.services.personalize.model.SolutionConfig;
import software.amazon.awssdk.services.personalize.model.SolutionSummary;
import software.amazon.awssdk.services.personalize.model.SolutionVersionSummary;

/**
 * Brings a {@link PipelineSpec} into existence in Amazon Personalize, idempotently: every resource is
 * looked up by name, only missing ones are created, and each is awaited until ACTIVE by polling with
 * exponential backoff. Differences Personalize cannot apply in place fail with a {@link
 * SpecConflictException}; resources ending in CREATE FAILED fail with a {@link ResourceFailedException}
 * carrying the service's reason. {@link #teardown} deletes the pipeline in dependency order.
 *
 * <p>Existing campaigns keep serving the solution version they were created with; a solution gets a
 * new version only when it has none ACTIVE or training. Calls are made on the caller's thread.
 */
public final class Provisioner {
  private static final String ACTIVE = "ACTIVE";
  private static final Set<String> TRAINING = Set.of("CREATE PENDING", "CREATE IN_PROGRESS");
  private static final int MAX_NOT_FOUND_AFTER_CREATE = 5;
  private static final int MAX_IN_USE_RETRIES = 8;

  private final PersonalizeClient client;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final Duration timeout;

  private Provisioner(Builder b) {
    this.client = b.client;
    this.ticker = b.ticker;
    this.sleeper = b.sleeper;
    this.backoff = new Backoff(b.initialPollInterval, b.maxPollInterval, b.multiplier);
    this.timeout = b.timeout;
  }

  /** Returns a builder for a provisioner using {@code client}, which the caller keeps owning. */
  public static Builder builder(PersonalizeClient client) {
    return new Builder(client);
  }

  /**
   * Looks up every declared resource, creates what is missing, waits until everything is ACTIVE and
   * returns the ARNs. A second call with the same declaration sends no create request.
   *
   * @throws SpecConflictException if an existing resource differs in a way that cannot change in place
   * @throws ResourceFailedException if a resource ends in CREATE FAILED
   * @throws ProvisioningTimeoutException if a resource does not finish within the timeout
   * @throws ProvisioningException for any other failed call, naming the resource
   */
  public ProvisionedResources apply(PipelineSpec spec, ProgressListener listener) {
    return new ApplyRun(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(listener, "listener")).run();
  }

  /** Same as {@link #apply(PipelineSpec, ProgressListener)} without progress reporting. */
  public ProvisionedResources apply(PipelineSpec spec) {
    return apply(spec, ProgressListener.none());
  }

  /**
   * Deletes the declared resources in the order Personalize requires (event tracker, campaigns,
   * recommenders, filters, solutions, datasets, schemas, dataset group), waiting for each asynchronous
   * deletion to finish. Solution versions still training are stopped first. Resources that are already
   * gone are skipped; resources the declaration does not name are left alone (and then keep the dataset
   * group from being deleted).
   *
   * @throws ProvisioningException if a deletion fails, naming the resource
   */
  public void teardown(PipelineSpec spec, ProgressListener listener) {
    new TeardownRun(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(listener, "listener")).run();
  }

  /** A resource's status and failure reason, as read from a Describe call. */
  private record Status(String status, Optional<String> failureReason) {
    static Status of(String status, String reason) {
      return new Status(status == null ? "UNKNOWN" : status, Optional.ofNullable(reason).filter(r -> !r.isBlank()));
    }

    boolean active() {
      return ACTIVE.equals(status);
    }

    boolean failed() {
      return status.contains("FAILED") || status.contains("STOPPED") || status.contains("STOPPING");
    }
  }

  /** A resource that was found or created and has to be awaited. */
  private record Pending(ResourceKind kind, String name, Supplier<Status> describe) {}

  /** Shared plumbing of apply and teardown: events, calls with backoff, waits. */
  private abstract class Run {
    final PipelineSpec spec;
    final ProgressListener listener;
    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, Action> lastAction = new HashMap<>();

    Run(PipelineSpec spec, ProgressListener listener) {
      this.spec = spec;
      this.listener = listener;
    }

    void emit(ResourceKind kind, String name, Action action, String status) {
      emit(kind, name, action, status, Optional.empty());
    }

    void emit(ResourceKind kind, String name, Action action, String status, Optional<String> detail) {
      long now = ticker.read();
      String key = kind + "/" + name;
      long start = started.computeIfAbsent(key, k -> now);
      lastAction.put(key, action);
      listener.onEvent(new ProgressEvent(kind, name, action, status, Duration.ofNanos(now - start), detail));
    }

    /** Runs {@code body}; a failure not yet reported as a FAILED event of its resource is reported first. */
    <T> T reportingFailures(Supplier<T> body) {
      try {
        return body.get();
      } catch (ProvisioningException e) {
        if (lastAction.get(e.kind() + "/" + e.resourceName()) != Action.FAILED) {
          emit(e.kind(), e.resourceName(), Action.FAILED, "FAILED", Optional.ofNullable(e.getMessage()));
        }
        throw e;
      }
    }

    /** Backoff state of one wait or one call: every throttled call or unfinished poll waits longer. */
    final class Poll {
      private final ResourceKind kind;
      private final String name;
      private final long start = ticker.read();
      private int attempt;
      String lastStatus = "UNKNOWN";

      Poll(ResourceKind kind, String name) {
        this.kind = kind;
        this.name = name;
      }

      void pause() {
        Duration delay = backoff.delay(attempt++);
        if (Duration.ofNanos(ticker.read() - start).plus(delay).compareTo(timeout) > 0) {
          throw new ProvisioningTimeoutException(kind, name, lastStatus, timeout);
        }
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ProvisioningException(kind, name, "interrupted while waiting for " + kind.label() + " " + name, e);
        }
      }
    }

    /**
     * Runs a read call (List/Describe), backing off on throttling, LimitExceeded, 5xx and I/O errors.
     * ResourceNotFoundException passes through; anything else becomes a ProvisioningException.
     */
    <T> T read(ResourceKind kind, String name, String operation, Supplier<T> call) {
      return read(new Poll(kind, name), kind, name, operation, call);
    }

    <T> T read(Poll poll, ResourceKind kind, String name, String operation, Supplier<T> call) {
      while (true) {
        try {
          return call.get();
        } catch (ResourceNotFoundException e) {
          throw e;
        } catch (SdkException e) {
          if (!Retryability.isRetryableRead(e)) {
            throw failure(kind, name, operation, e);
          }
          poll.lastStatus = Retryability.errorCode(e);
          emit(kind, name, Action.WAIT, "BACKING OFF", Optional.of(operation + ": " + Retryability.errorCode(e)));
          poll.pause();
        }
      }
    }

    /** Runs a create call, retrying only throttling (which guarantees the request was not processed). */
    <T> T create(ResourceKind kind, String name, String operation, Supplier<T> call) {
      Poll poll = new Poll(kind, name);
      emit(kind, name, Action.CREATE, "CREATE REQUESTED");
      while (true) {
        try {
          return call.get();
        } catch (ResourceAlreadyExistsException e) {
          throw new SpecConflictException(kind, name, "a " + kind.label() + " called " + name
              + " already exists outside this declaration's dataset group (" + e.awsErrorDetails().errorMessage() + ")");
        } catch (SdkException e) {
          if (!Retryability.isThrottling(e)) {
            throw failure(kind, name, operation, e);
          }
          poll.lastStatus = Retryability.errorCode(e);
          poll.pause();
        }
      }
    }

    /** Pages through a List operation; {@code page} maps a next token (null first) to items and the next token. */
    <T> List<T> listAll(ResourceKind kind, String name, String operation, Function<String, Page<T>> page) {
      List<T> all = new ArrayList<>();
      String token = null;
      do {
        String current = token;
        Page<T> p = read(kind, name, operation, () -> page.apply(current));
        all.addAll(p.items());
        token = p.nextToken();
      } while (token != null && !token.isEmpty());
      return all;
    }

    /** Polls until ACTIVE; fails on a failed status, naming the resource and the service's reason. */
    void awaitActive(Pending p) {
      Poll poll = new Poll(p.kind(), p.name());
      int notFound = 0;
      while (true) {
        Status s;
        try {
          s = read(poll, p.kind(), p.name(), "Describe", p.describe());
        } catch (ResourceNotFoundException e) {
          if (++notFound > MAX_NOT_FOUND_AFTER_CREATE) {
            throw new ProvisioningException(p.kind(), p.name(), p.kind().label() + " " + p.name()
                + " was not found after it was created or listed", e);
          }
          s = Status.of("NOT FOUND", null);
        }
        poll.lastStatus = s.status();
        if (s.active()) {
          emit(p.kind(), p.name(), Action.ACTIVE, s.status());
          return;
        }
        if (s.failed()) {
          emit(p.kind(), p.name(), Action.FAILED, s.status(), s.failureReason());
          throw new ResourceFailedException(p.kind(), p.name(), s.status(), s.failureReason());
        }
        emit(p.kind(), p.name(), Action.WAIT, s.status());
        poll.pause();
      }
    }

    /** Polls until Describe answers ResourceNotFound. */
    void awaitGone(Pending p) {
      Poll poll = new Poll(p.kind(), p.name());
      while (true) {
        Status s;
        try {
          s = read(poll, p.kind(), p.name(), "Describe", p.describe());
        } catch (ResourceNotFoundException e) {
          emit(p.kind(), p.name(), Action.DELETED, "DELETED");
          return;
        }
        poll.lastStatus = s.status();
        if (s.status().contains("FAILED")) {
          emit(p.kind(), p.name(), Action.FAILED, s.status(), s.failureReason());
          throw new ResourceFailedException(p.kind(), p.name(), s.status(), s.failureReason());
        }
        emit(p.kind(), p.name(), Action.WAIT, s.status());
        poll.pause();
      }
    }

    ProvisioningException failure(ResourceKind kind, String name, String operation, SdkException e) {
      return new ProvisioningException(kind, name, operation + " of " + kind.label() + " " + name + " failed: "
          + Retryability.errorCode(e) + ": " + Retryability.message(e), e);
    }
  }

  /** One page of a List call. */
  private record Page<T>(List<T> items, String nextToken) {}

  private final class ApplyRun extends Run {
    private final List<Pending> pending = new ArrayList<>();
    private final Map<DatasetType, String> datasetArns = new EnumMap<>(DatasetType.class);
    private final Map<String, String> solutionArns = new LinkedHashMap<>();
    private ProvisionedResources.Builder result;
    private String groupArn;

    ApplyRun(PipelineSpec spec, ProgressListener listener) {
      super(spec, listener);
    }

    ProvisionedResources run() {
      return reportingFailures(() -> {
        datasetGroup();
        datasets();
        imports();
        eventTracker();
        filters();
        Map<String, String> versions = solutions();
        campaigns(versions);
        recommenders();
        return result.build();
      });
    }

    private void awaitPending() {
      for (Pending p : pending) {
        awaitActive(p);
      }
      pending.clear();
    }

    /** Emits EXISTS and, unless already ACTIVE, queues a wait. */
    private void existing(ResourceKind kind, String name, String status, Supplier<Status> describe) {
      emit(kind, name, Action.EXISTS, status == null ? "UNKNOWN" : status);
      if (ACTIVE.equals(status)) {
        emit(kind, name, Action.ACTIVE, ACTIVE);
      } else {
        pending.add(new Pending(kind, name, describe));
      }
    }

    private void datasetGroup() {
      String name = spec.datasetGroupName();
      ResourceKind kind = ResourceKind.DATASET_GROUP;
      emit(kind, name, Action.LOOKUP, "LOOKUP");
      Optional<DatasetGroupSummary> found = listAll(kind, name, "ListDatasetGroups", t -> {
        var r = client.listDatasetGroups(b -> b.nextToken(t).maxResults(100));
        return new Page<>(r.datasetGroups(), r.nextToken());
      }).stream().filter(g -> name.equals(g.name())).findFirst();
      Supplier<Status> describe = () -> {
        var g = client.describeDatasetGroup(b -> b.datasetGroupArn(groupArn)).datasetGroup();
        return Status.of(g.status(), g.failureReason());
      };
      if (found.isPresent()) {
        groupArn = found.get().datasetGroupArn();
        var group = read(kind, name, "DescribeDatasetGroup",
            () -> client.describeDatasetGroup(b -> b.datasetGroupArn(groupArn)).datasetGroup());
        String existingDomain = group.domainAsString() == null || group.domainAsString().isEmpty()
            ? "CUSTOM" : group.domainAsString();
        String declared = spec.domain().apiValue().orElse("CUSTOM");
        if (!existingDomain.equals(declared)) {
          conflict(kind, name, "its domain is " + existingDomain + " but declared " + declared);
        }
        existing(kind, name, group.status(), describe);
      } else {
        groupArn = create(kind, name, "CreateDatasetGroup", () -> client.createDatasetGroup(b -> {
          b.name(name);
          spec.domain().apiValue().ifPresent(b::domain);
        })).datasetGroupArn();
        pending.add(new Pending(kind, name, describe));
      }
      awaitPending();
      result = ProvisionedResources.builder(groupArn);
    }

    private void datasets() {
      List<DatasetSummary> datasets = listAll(ResourceKind.DATASET, spec.datasetGroupName(), "ListDatasets", t -> {
        var r = client.listDatasets(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
        return new Page<>(r.datasets(), r.nextToken());
      });
      List<DatasetSchemaSummary> schemas = null;
      for (DatasetType type : spec.datasetTypes()) {
        String dsName = spec.datasetName(type);
        String schemaName = spec.schemaName(type);
        String json = spec.schemaJson(type);
        emit(ResourceKind.SCHEMA, schemaName, Action.LOOKUP, "LOOKUP");
        emit(ResourceKind.DATASET, dsName, Action.LOOKUP, "LOOKUP");
        Optional<DatasetSummary> ds = datasets.stream()
            .filter(d -> type.apiName().equalsIgnoreCase(d.datasetType())).findFirst();
        String schemaArn;
        String datasetArn;
        if (ds.isPresent()) {
          datasetArn = ds.get().datasetArn();
          var dataset = read(ResourceKind.DATASET, dsName, "DescribeDataset",
              () -> client.describeDataset(b -> b.datasetArn(datasetArn)).dataset());
          schemaArn = dataset.schemaArn();
          var schema = read(ResourceKind.SCHEMA, schemaName, "DescribeSchema",
              () -> client.describeSchema(b -> b.schemaArn(schemaArn)).schema());
          Optional<String> diff = SchemaDiff.difference(schema.schema(), json);
          if (diff.isPresent()) {
            conflict(ResourceKind.DATASET, ds.get().name(), "the " + type.apiName() + " dataset uses schema "
                + schema.name() + " whose JSON differs: " + diff.get());
          }
          emit(ResourceKind.SCHEMA, schemaName, Action.EXISTS, ACTIVE);
          emit(ResourceKind.SCHEMA, schemaName, Action.ACTIVE, ACTIVE);
          existing(ResourceKind.DATASET, dsName, ds.get().status(), datasetStatus(datasetArn));
        } else {
          if (schemas == null) {
            schemas = listAll(ResourceKind.SCHEMA, schemaName, "ListSchemas", t -> {
              var r = client.listSchemas(b -> b.nextToken(t).maxResults(100));
              return new Page<>(r.schemas(), r.nextToken());
            });
          }
          schemaArn = schema(type, schemaName, json, schemas);
          datasetArn = create(ResourceKind.DATASET, dsName, "CreateDataset", () -> client.createDataset(b -> b
              .name(dsName).datasetGroupArn(groupArn).schemaArn(schemaArn).datasetType(type.apiName())))
              .datasetArn();
          pending.add(new Pending(ResourceKind.DATASET, dsName, datasetStatus(datasetArn)));
        }
        result.dataset(type, datasetArn, schemaArn);
        datasetArns.put(type, datasetArn);
      }
      awaitPending();
    }

    private Supplier<Status> datasetStatus(String arn) {
      return () -> {
        var d = client.describeDataset(b -> b.datasetArn(arn)).dataset();
        return Status.of(d.status(), null);
      };
    }

    private String schema(DatasetType type, String name, String json, List<DatasetSchemaSummary> schemas) {
      Optional<DatasetSchemaSummary> found = schemas.stream().filter(s -> name.equals(s.name())).findFirst();
      if (found.isPresent()) {
        var schema = read(ResourceKind.SCHEMA, name, "DescribeSchema",
            () -> client.describeSchema(b -> b.schemaArn(found.get().schemaArn())).schema());
        Optional<String> diff = SchemaDiff.difference(schema.schema(), json);
        if (diff.isPresent()) {
          conflict(ResourceKind.SCHEMA, name, "its " + type.apiName() + " JSON differs: " + diff.get());
        }
        emit(ResourceKind.SCHEMA, name, Action.EXISTS, ACTIVE);
        emit(ResourceKind.SCHEMA, name, Action.ACTIVE, ACTIVE);
        return schema.schemaArn();
      }
      String arn = create(ResourceKind.SCHEMA, name, "CreateSchema", () -> client.createSchema(b -> {
        b.name(name).schema(json);
        spec.domain().apiValue().ifPresent(b::domain);
      })).schemaArn();
      emit(ResourceKind.SCHEMA, name, Action.ACTIVE, ACTIVE);
      return arn;
    }

    /** Imports run in rounds: per dataset the next source not yet imported, then wait for the round. */
    private void imports() {
      Map<DatasetType, List<DatasetImportJob>> jobsByDataset = new LinkedHashMap<>();
      Map<DatasetType, Integer> next = new HashMap<>();
      for (DatasetType type : spec.datasetTypes()) {
        if (!spec.importSources(type).isEmpty()) {
          jobsByDataset.put(type, importJobs(type));
          next.put(type, 0);
        }
      }
      boolean more = true;
      while (more) {
        more = false;
        for (var entry : jobsByDataset.entrySet()) {
          DatasetType type = entry.getKey();
          int index = next.get(type);
          List<ImportSource> sources = spec.importSources(type);
          if (index >= sources.size()) {
            continue;
          }
          next.put(type, index + 1);
          more = true;
          importSource(type, sources.get(index), entry.getValue());
        }
        awaitPending();
      }
    }

    private List<DatasetImportJob> importJobs(DatasetType type) {
      String datasetArn = datasetArns.get(type);
      List<DatasetImportJobSummary> summaries = listAll(ResourceKind.IMPORT_JOB, spec.datasetName(type),
          "ListDatasetImportJobs", t -> {
            var r = client.listDatasetImportJobs(b -> b.datasetArn(datasetArn).nextToken(t).maxResults(100));
            return new Page<>(r.datasetImportJobs(), r.nextToken());
          });
      List<DatasetImportJob> jobs = new ArrayList<>();
      for (DatasetImportJobSummary s : summaries) {
        jobs.add(read(ResourceKind.IMPORT_JOB, s.jobName(), "DescribeDatasetImportJob",
            () -> client.describeDatasetImportJob(b -> b.datasetImportJobArn(s.datasetImportJobArn())).datasetImportJob()));
      }
      return jobs;
    }

    private void importSource(DatasetType type, ImportSource source, List<DatasetImportJob> jobs) {
      String datasetName = spec.datasetName(type);
      List<DatasetImportJob> matching = jobs.stream()
          .filter(j -> j.dataSource() != null && source.dataLocation().equals(j.dataSource().dataLocation()))
          .filter(j -> source.mode().name().equals(j.importModeAsString() == null ? "FULL" : j.importModeAsString()))
          .toList();
      Optional<DatasetImportJob> done = matching.stream().filter(j -> ACTIVE.equals(j.status())).findFirst();
      Optional<DatasetImportJob> running = matching.stream()
          .filter(j -> j.status() != null && j.status().startsWith("CREATE") && !j.status().contains("FAILED"))
          .findFirst();
      if (done.isPresent() || running.isPresent()) {
        DatasetImportJob job = done.orElseGet(running::get);
        emit(ResourceKind.IMPORT_JOB, job.jobName(), Action.LOOKUP, "LOOKUP");
        existing(ResourceKind.IMPORT_JOB, job.jobName(), job.status(), importStatus(job.datasetImportJobArn()));
        return;
      }
      int n = jobs.size() + 1;
      while (true) {
        String candidate = datasetName + "-import-" + n;
        if (jobs.stream().noneMatch(j -> candidate.equals(j.jobName()))) {
          break;
        }
        n++;
      }
      String jobName = datasetName + "-import-" + n;
      emit(ResourceKind.IMPORT_JOB, jobName, Action.LOOKUP, "LOOKUP");
      String datasetArn = datasetArns.get(type);
      var response = create(ResourceKind.IMPORT_JOB, jobName, "CreateDatasetImportJob",
          () -> client.createDatasetImportJob(b -> {
            b.jobName(jobName).datasetArn(datasetArn).importMode(source.mode().name())
                .dataSource(DataSource.builder().dataLocation(source.dataLocation()).build());
            source.roleArn().ifPresent(b::roleArn);
          }));
      jobs.add(DatasetImportJob.builder().jobName(jobName).datasetImportJobArn(response.datasetImportJobArn())
          .status("CREATE PENDING").build());
      pending.add(new Pending(ResourceKind.IMPORT_JOB, jobName, importStatus(response.datasetImportJobArn())));
    }

    private Supplier<Status> importStatus(String arn) {
      return () -> {
        var j = client.describeDatasetImportJob(b -> b.datasetImportJobArn(arn)).datasetImportJob();
        return Status.of(j.status(), j.failureReason());
      };
    }

    private void eventTracker() {
      if (spec.eventTrackerName().isEmpty()) {
        return;
      }
      String name = spec.eventTrackerName().get();
      ResourceKind kind = ResourceKind.EVENT_TRACKER;
      emit(kind, name, Action.LOOKUP, "LOOKUP");
      List<EventTrackerSummary> trackers = listAll(kind, name, "ListEventTrackers", t -> {
        var r = client.listEventTrackers(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
        return new Page<>(r.eventTrackers(), r.nextToken());
      });
      String arn;
      if (!trackers.isEmpty()) {
        EventTrackerSummary existing = trackers.get(0);
        if (!name.equals(existing.name())) {
          conflict(kind, name, "the dataset group already has the event tracker " + existing.name()
              + " and a dataset group can have only one");
        }
        arn = existing.eventTrackerArn();
        existing(kind, name, existing.status(), trackerStatus(arn));
      } else {
        arn = create(kind, name, "CreateEventTracker",
            () -> client.createEventTracker(b -> b.name(name).datasetGroupArn(groupArn))).eventTrackerArn();
        pending.add(new Pending(kind, name, trackerStatus(arn)));
      }
      awaitPending();
      EventTracker tracker = read(kind, name, "DescribeEventTracker",
          () -> client.describeEventTracker(b -> b.eventTrackerArn(arn)).eventTracker());
      result.eventTracker(arn, tracker.trackingId());
    }

    private Supplier<Status> trackerStatus(String arn) {
      return () -> Status.of(client.describeEventTracker(b -> b.eventTrackerArn(arn)).eventTracker().status(), null);
    }

    private void filters() {
      if (spec.filters().isEmpty()) {
        return;
      }
      List<FilterSummary> existing = listAll(ResourceKind.FILTER, spec.datasetGroupName(), "ListFilters", t -> {
        var r = client.listFilters(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
        return new Page<>(r.filters(), r.nextToken());
      });
      for (FilterSpec f : spec.filters()) {
        ResourceKind kind = ResourceKind.FILTER;
        emit(kind, f.name(), Action.LOOKUP, "LOOKUP");
        Optional<FilterSummary> found = existing.stream().filter(x -> f.name().equals(x.name())).findFirst();
        String arn;
        if (found.isPresent()) {
          arn = found.get().filterArn();
          var filter = read(kind, f.name(), "DescribeFilter", () -> client.describeFilter(b -> b.filterArn(arn)).filter());
          if (!f.expression().strip().equals(filter.filterExpression() == null ? "" : filter.filterExpression().strip())) {
            conflict(kind, f.name(), "its expression is '" + filter.filterExpression() + "' but declared '"
                + f.expression() + "'");
          }
          existing(kind, f.name(), filter.status(), filterStatus(arn));
        } else {
          arn = create(kind, f.name(), "CreateFilter", () -> client.createFilter(b -> b
              .name(f.name()).datasetGroupArn(groupArn).filterExpression(f.expression()))).filterArn();
          pending.add(new Pending(kind, f.name(), filterStatus(arn)));
        }
        result.filter(f.name(), arn);
      }
      awaitPending();
    }

    private Supplier<Status> filterStatus(String arn) {
      return () -> {
        var f = client.describeFilter(b -> b.filterArn(arn)).filter();
        return Status.of(f.status(), f.failureReason());
      };
    }

    /** Solutions, then one ACTIVE version each; returns solution name to version ARN. */
    private Map<String, String> solutions() {
      if (spec.solutions().isEmpty()) {
        return Map.of();
      }
      List<SolutionSummary> existing = listAll(ResourceKind.SOLUTION, spec.datasetGroupName(), "ListSolutions", t -> {
        var r = client.listSolutions(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
        return new Page<>(r.solutions(), r.nextToken());
      });
      for (SolutionSpec s : spec.solutions()) {
        ResourceKind kind = ResourceKind.SOLUTION;
        emit(kind, s.name(), Action.LOOKUP, "LOOKUP");
        Optional<SolutionSummary> found = existing.stream().filter(x -> s.name().equals(x.name())).findFirst();
        String arn;
        if (found.isPresent()) {
          arn = found.get().solutionArn();
          Solution solution = read(kind, s.name(), "DescribeSolution",
              () -> client.describeSolution(b -> b.solutionArn(arn)).solution());
          compareSolution(s, solution);
          existing(kind, s.name(), solution.status(), solutionStatus(arn));
        } else {
          arn = create(kind, s.name(), "CreateSolution", () -> client.createSolution(b -> {
            b.name(s.name()).datasetGroupArn(groupArn).recipeArn(s.recipe().arn())
                .performHPO(s.hpo()).performAutoTraining(s.autoTraining());
            s.eventType().ifPresent(b::eventType);
            if (s.autoTraining()) {
              b.solutionConfig(SolutionConfig.builder().autoTrainingConfig(AutoTrainingConfig.builder()
                  .schedulingExpression(schedule(s.autoTrainingIntervalDays())).build()).build());
            }
          })).solutionArn();
          pending.add(new Pending(kind, s.name(), solutionStatus(arn)));
        }
        solutionArns.put(s.name(), arn);
      }
      awaitPending();

      Map<String, String> versionArns = new LinkedHashMap<>();
      for (SolutionSpec s : spec.solutions()) {
        String solutionArn = solutionArns.get(s.name());
        String versionArn = solutionVersion(s.name(), solutionArn);
        versionArns.put(s.name(), versionArn);
        result.solution(s.name(), solutionArn, versionArn);
      }
      awaitPending();
      return versionArns;
    }

    private void compareSolution(SolutionSpec s, Solution existing) {
      List<String> diffs = new ArrayList<>();
      if (!s.recipe().arn().equals(existing.recipeArn())) {
        diffs.add("its recipe is " + existing.recipeArn() + " but declared " + s.recipe().arn());
      }
      String eventType = existing.eventType() == null ? "" : existing.eventType();
      if (!s.eventType().orElse("").equals(eventType)) {
        diffs.add("its eventType is '" + eventType + "' but declared '" + s.eventType().orElse("") + "'");
      }
      if (existing.performHPO() != null && existing.performHPO() != s.hpo()) {
        diffs.add("its performHPO is " + existing.performHPO() + " but declared " + s.hpo());
      }
      if (!diffs.isEmpty()) {
        conflict(ResourceKind.SOLUTION, s.name(), String.join("; ", diffs));
      }
      if (existing.performAutoTraining() != null && existing.performAutoTraining() != s.autoTraining()) {
        changeable(ResourceKind.SOLUTION, s.name(), "its performAutoTraining is " + existing.performAutoTraining()
            + " but declared " + s.autoTraining(), "Change it with UpdateSolution");
      }
    }

    private Supplier<Status> solutionStatus(String arn) {
      return () -> Status.of(client.describeSolution(b -> b.solutionArn(arn)).solution().status(), null);
    }

    private String solutionVersion(String name, String solutionArn) {
      ResourceKind kind = ResourceKind.SOLUTION_VERSION;
      emit(kind, name, Action.LOOKUP, "LOOKUP");
      List<SolutionVersionSummary> versions = listAll(kind, name, "ListSolutionVersions", t -> {
        var r = client.listSolutionVersions(b -> b.solutionArn(solutionArn).nextToken(t).maxResults(100));
        return new Page<>(r.solutionVersions(), r.nextToken());
      });
      Comparator<SolutionVersionSummary> newest = Comparator.comparing(
          SolutionVersionSummary::creationDateTime, Comparator.nullsFirst(Comparator.naturalOrder()));
      Optional<SolutionVersionSummary> active = versions.stream()
          .filter(v -> ACTIVE.equals(v.status())).max(newest);
      Optional<SolutionVersionSummary> training = versions.stream()
          .filter(v -> TRAINING.contains(v.status())).max(newest);
      if (active.isPresent()) {
        existing(kind, name, ACTIVE, versionStatus(active.get().solutionVersionArn()));
        return active.get().solutionVersionArn();
      }
      if (training.isPresent()) {
        String arn = training.get().solutionVersionArn();
        existing(kind, name, training.get().status(), versionStatus(arn));
        return arn;
      }
      String arn = create(kind, name, "CreateSolutionVersion",
          () -> client.createSolutionVersion(b -> b.solutionArn(solutionArn).trainingMode("FULL"))).solutionVersionArn();
      pending.add(new Pending(kind, name, versionStatus(arn)));
      return arn;
    }

    private Supplier<Status> versionStatus(String arn) {
      return () -> {
        var v = client.describeSolutionVersion(b -> b.solutionVersionArn(arn)).solutionVersion();
        return Status.of(v.status(), v.failureReason());
      };
    }

    private void campaigns(Map<String, String> versionArns) {
      Map<String, List<CampaignSummary>> bySolution = new HashMap<>();
      for (CampaignSpec c : spec.campaigns()) {
        ResourceKind kind = ResourceKind.CAMPAIGN;
        emit(kind, c.name(), Action.LOOKUP, "LOOKUP");
        String solutionArn = solutionArns.get(c.solutionName());
        List<CampaignSummary> existing = bySolution.computeIfAbsent(solutionArn, sa ->
            listAll(kind, c.name(), "ListCampaigns", t -> {
              var r = client.listCampaigns(b -> b.solutionArn(sa).nextToken(t).maxResults(100));
              return new Page<>(r.campaigns(), r.nextToken());
            }));
        Optional<CampaignSummary> found = existing.stream().filter(x -> c.name().equals(x.name())).findFirst();
        String arn;
        if (found.isPresent()) {
          arn = found.get().campaignArn();
          Campaign campaign = read(kind, c.name(), "DescribeCampaign",
              () -> client.describeCampaign(b -> b.campaignArn(arn)).campaign());
          compareCampaign(c, campaign);
          existing(kind, c.name(), campaign.status(), campaignStatus(arn));
        } else {
          String versionArn = versionArns.get(c.solutionName());
          arn = create(kind, c.name(), "CreateCampaign", () -> client.createCampaign(b -> {
            b.name(c.name()).solutionVersionArn(versionArn).minProvisionedTPS(c.minProvisionedTps());
            c.exploration().ifPresent(e -> b.campaignConfig(CampaignConfig.builder()
                .itemExplorationConfig(e.toConfig()).build()));
          })).campaignArn();
          pending.add(new Pending(kind, c.name(), campaignStatus(arn)));
        }
        result.campaign(c.name(), arn);
      }
      awaitPending();
    }

    private void compareCampaign(CampaignSpec c, Campaign existing) {
      List<String> diffs = new ArrayList<>();
      if (existing.minProvisionedTPS() != null && existing.minProvisionedTPS() != c.minProvisionedTps()) {
        diffs.add("its minProvisionedTPS is " + existing.minProvisionedTPS() + " but declared " + c.minProvisionedTps());
      }
      Map<String, String> declared = c.exploration().map(ItemExploration::toConfig).orElse(Map.of());
      Map<String, String> actual = existing.campaignConfig() == null || !existing.campaignConfig().hasItemExplorationConfig()
          ? Map.of() : existing.campaignConfig().itemExplorationConfig();
      declared.forEach((k, v) -> {
        if (!sameNumber(v, actual.get(k))) {
          diffs.add("its " + k + " is " + actual.getOrDefault(k, "unset") + " but declared " + v);
        }
      });
      if (!diffs.isEmpty()) {
        changeable(ResourceKind.CAMPAIGN, c.name(), String.join("; ", diffs), "Change it with UpdateCampaign");
      }
    }

    private Supplier<Status> campaignStatus(String arn) {
      return () -> {
        var c = client.describeCampaign(b -> b.campaignArn(arn)).campaign();
        return Status.of(c.status(), c.failureReason());
      };
    }

    private void recommenders() {
      if (spec.recommenders().isEmpty()) {
        return;
      }
      List<RecommenderSummary> existing = listAll(ResourceKind.RECOMMENDER, spec.datasetGroupName(),
          "ListRecommenders", t -> {
            var r = client.listRecommenders(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
            return new Page<>(r.recommenders(), r.nextToken());
          });
      for (RecommenderSpec r : spec.recommenders()) {
        ResourceKind kind = ResourceKind.RECOMMENDER;
        emit(kind, r.name(), Action.LOOKUP, "LOOKUP");
        Optional<RecommenderSummary> found = existing.stream().filter(x -> r.name().equals(x.name())).findFirst();
        String arn;
        if (found.isPresent()) {
          arn = found.get().recommenderArn();
          Recommender rec = read(kind, r.name(), "DescribeRecommender",
              () -> client.describeRecommender(b -> b.recommenderArn(arn)).recommender());
          if (!r.useCase().recipeArn().equals(rec.recipeArn())) {
            conflict(kind, r.name(), "its recipe is " + rec.recipeArn() + " but declared " + r.useCase().recipeArn());
          }
          if ("INACTIVE".equals(rec.status()) || String.valueOf(rec.status()).startsWith("STOP")) {
            changeable(kind, r.name(), "it is stopped (" + rec.status() + ")", "Start it with StartRecommender");
          }
          existing(kind, r.name(), rec.status(), recommenderStatus(arn));
        } else {
          RecommenderConfig.Builder config = RecommenderConfig.builder()
              .minRecommendationRequestsPerSecond(r.minRecommendationRequestsPerSecond());
          r.exploration().ifPresent(e -> config.itemExplorationConfig(e.toConfig()));
          arn = create(kind, r.name(), "CreateRecommender", () -> client.createRecommender(b -> b
              .name(r.name()).datasetGroupArn(groupArn).recipeArn(r.useCase().recipeArn())
              .recommenderConfig(config.build()))).recommenderArn();
          pending.add(new Pending(kind, r.name(), recommenderStatus(arn)));
        }
        result.recommender(r.name(), arn);
      }
      awaitPending();
    }

    private Supplier<Status> recommenderStatus(String arn) {
      return () -> {
        var r = client.describeRecommender(b -> b.recommenderArn(arn)).recommender();
        return Status.of(r.status(), r.failureReason());
      };
    }

    private void conflict(ResourceKind kind, String name, String difference) {
      emit(kind, name, Action.FAILED, "CONFLICT", Optional.of(difference));
      throw new SpecConflictException(kind, name, difference);
    }

    /** A difference that an Update call or a start could resolve, which apply leaves to the caller. */
    private void changeable(ResourceKind kind, String name, String difference, String advice) {
      emit(kind, name, Action.FAILED, "CONFLICT", Optional.of(difference));
      throw new SpecConflictException(kind, name, difference, advice);
    }
  }

  private final class TeardownRun extends Run {
    private final List<Pending> deleting = new ArrayList<>();

    TeardownRun(PipelineSpec spec, ProgressListener listener) {
      super(spec, listener);
    }

    void run() {
      reportingFailures(() -> {
        deleteAll();
        return null;
      });
    }

    private void deleteAll() {
      String groupName = spec.datasetGroupName();
      emit(ResourceKind.DATASET_GROUP, groupName, Action.LOOKUP, "LOOKUP");
      Optional<DatasetGroupSummary> group = listAll(ResourceKind.DATASET_GROUP, groupName, "ListDatasetGroups", t -> {
        var r = client.listDatasetGroups(b -> b.nextToken(t).maxResults(100));
        return new Page<>(r.datasetGroups(), r.nextToken());
      }).stream().filter(g -> groupName.equals(g.name())).findFirst();
      if (group.isPresent()) {
        String groupArn = group.get().datasetGroupArn();
        eventTracker(groupArn);
        campaignsAndSolutions(groupArn);
        datasets(groupArn);
      }
      schemas();
      group.ifPresentOrElse(g -> {
        delete(ResourceKind.DATASET_GROUP, groupName,
            () -> client.deleteDatasetGroup(b -> b.datasetGroupArn(g.datasetGroupArn())),
            () -> Status.of(client.describeDatasetGroup(b -> b.datasetGroupArn(g.datasetGroupArn()))
                .datasetGroup().status(), null));
        awaitDeleted();
      }, () -> emit(ResourceKind.DATASET_GROUP, groupName, Action.DELETED, "NOT FOUND"));
    }

    private void eventTracker(String groupArn) {
      if (spec.eventTrackerName().isEmpty()) {
        return;
      }
      String name = spec.eventTrackerName().get();
      emit(ResourceKind.EVENT_TRACKER, name, Action.LOOKUP, "LOOKUP");
      Optional<EventTrackerSummary> found = listAll(ResourceKind.EVENT_TRACKER, name, "ListEventTrackers", t -> {
        var r = client.listEventTrackers(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
        return new Page<>(r.eventTrackers(), r.nextToken());
      }).stream().filter(e -> name.equals(e.name())).findFirst();
      found.ifPresentOrElse(e -> delete(ResourceKind.EVENT_TRACKER, name,
          () -> client.deleteEventTracker(b -> b.eventTrackerArn(e.eventTrackerArn())),
          () -> Status.of(client.describeEventTracker(b -> b.eventTrackerArn(e.eventTrackerArn()))
              .eventTracker().status(), null)), () -> missing(ResourceKind.EVENT_TRACKER, name));
      awaitDeleted();
    }

    private void campaignsAndSolutions(String groupArn) {
      List<SolutionSummary> solutions = listAll(ResourceKind.SOLUTION, spec.datasetGroupName(), "ListSolutions", t -> {
        var r = client.listSolutions(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
        return new Page<>(r.solutions(), r.nextToken());
      });
      Map<String, String> solutionArns = new HashMap<>();
      for (SolutionSummary s : solutions) {
        solutionArns.put(s.name(), s.solutionArn());
      }
      Map<String, List<CampaignSummary>> campaignsBySolution = new HashMap<>();
      for (CampaignSpec c : spec.campaigns()) {
        emit(ResourceKind.CAMPAIGN, c.name(), Action.LOOKUP, "LOOKUP");
        String solutionArn = solutionArns.get(c.solutionName());
        Optional<CampaignSummary> found = solutionArn == null ? Optional.empty()
            : campaignsBySolution.computeIfAbsent(solutionArn, sa -> listAll(ResourceKind.CAMPAIGN, c.name(),
                "ListCampaigns", t -> {
                  var r = client.listCampaigns(b -> b.solutionArn(sa).nextToken(t).maxResults(100));
                  return new Page<>(r.campaigns(), r.nextToken());
                })).stream().filter(x -> c.name().equals(x.name())).findFirst();
        found.ifPresentOrElse(x -> delete(ResourceKind.CAMPAIGN, c.name(),
            () -> client.deleteCampaign(b -> b.campaignArn(x.campaignArn())),
            () -> Status.of(client.describeCampaign(b -> b.campaignArn(x.campaignArn())).campaign().status(), null)),
            () -> missing(ResourceKind.CAMPAIGN, c.name()));
      }
      awaitDeleted();

      if (!spec.recommenders().isEmpty()) {
        List<RecommenderSummary> recs = listAll(ResourceKind.RECOMMENDER, spec.datasetGroupName(), "ListRecommenders",
            t -> {
              var r = client.listRecommenders(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
              return new Page<>(r.recommenders(), r.nextToken());
            });
        for (RecommenderSpec r : spec.recommenders()) {
          emit(ResourceKind.RECOMMENDER, r.name(), Action.LOOKUP, "LOOKUP");
          recs.stream().filter(x -> r.name().equals(x.name())).findFirst().ifPresentOrElse(x ->
              delete(ResourceKind.RECOMMENDER, r.name(),
                  () -> client.deleteRecommender(b -> b.recommenderArn(x.recommenderArn())),
                  () -> Status.of(client.describeRecommender(b -> b.recommenderArn(x.recommenderArn()))
                      .recommender().status(), null)),
              () -> missing(ResourceKind.RECOMMENDER, r.name()));
        }
        awaitDeleted();
      }

      if (!spec.filters().isEmpty()) {
        List<FilterSummary> filters = listAll(ResourceKind.FILTER, spec.datasetGroupName(), "ListFilters", t -> {
          var r = client.listFilters(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
          return new Page<>(r.filters(), r.nextToken());
        });
        for (FilterSpec f : spec.filters()) {
          emit(ResourceKind.FILTER, f.name(), Action.LOOKUP, "LOOKUP");
          filters.stream().filter(x -> f.name().equals(x.name())).findFirst().ifPresentOrElse(x ->
              delete(ResourceKind.FILTER, f.name(), () -> client.deleteFilter(b -> b.filterArn(x.filterArn())),
                  () -> Status.of(client.describeFilter(b -> b.filterArn(x.filterArn())).filter().status(), null)),
              () -> missing(ResourceKind.FILTER, f.name()));
        }
        awaitDeleted();
      }

      for (SolutionSpec s : spec.solutions()) {
        emit(ResourceKind.SOLUTION, s.name(), Action.LOOKUP, "LOOKUP");
        String arn = solutionArns.get(s.name());
        if (arn == null) {
          missing(ResourceKind.SOLUTION, s.name());
          continue;
        }
        stopTraining(s.name(), arn);
        delete(ResourceKind.SOLUTION, s.name(), () -> client.deleteSolution(b -> b.solutionArn(arn)),
            () -> Status.of(client.describeSolution(b -> b.solutionArn(arn)).solution().status(), null));
      }
      awaitDeleted();
    }

    /** Stops versions still training, which would keep the solution from being deleted. */
    private void stopTraining(String solutionName, String solutionArn) {
      ResourceKind kind = ResourceKind.SOLUTION_VERSION;
      List<SolutionVersionSummary> versions = listAll(kind, solutionName, "ListSolutionVersions", t -> {
        var r = client.listSolutionVersions(b -> b.solutionArn(solutionArn).nextToken(t).maxResults(100));
        return new Page<>(r.solutionVersions(), r.nextToken());
      });
      for (SolutionVersionSummary v : versions) {
        if (!TRAINING.contains(v.status())) {
          continue;
        }
        String arn = v.solutionVersionArn();
        emit(kind, solutionName, Action.DELETE, "STOP REQUESTED");
        try {
          read(kind, solutionName, "StopSolutionVersionCreation",
              () -> client.stopSolutionVersionCreation(b -> b.solutionVersionArn(arn)));
        } catch (ResourceNotFoundException e) {
          continue;
        }
        Poll poll = new Poll(kind, solutionName);
        while (true) {
          Status st = read(poll, kind, solutionName, "DescribeSolutionVersion", () -> {
            var sv = client.describeSolutionVersion(b -> b.solutionVersionArn(arn)).solutionVersion();
            return Status.of(sv.status(), sv.failureReason());
          });
          poll.lastStatus = st.status();
          if (!TRAINING.contains(st.status()) && !"CREATE STOPPING".equals(st.status())) {
            emit(kind, solutionName, Action.DELETED, st.status());
            break;
          }
          emit(kind, solutionName, Action.WAIT, st.status());
          poll.pause();
        }
      }
    }

    private void datasets(String groupArn) {
      List<DatasetSummary> datasets = listAll(ResourceKind.DATASET, spec.datasetGroupName(), "ListDatasets", t -> {
        var r = client.listDatasets(b -> b.datasetGroupArn(groupArn).nextToken(t).maxResults(100));
        return new Page<>(r.datasets(), r.nextToken());
      });
      for (DatasetType type : spec.datasetTypes()) {
        String name = spec.datasetName(type);
        emit(ResourceKind.DATASET, name, Action.LOOKUP, "LOOKUP");
        datasets.stream().filter(d -> type.apiName().equalsIgnoreCase(d.datasetType())).findFirst()
            .ifPresentOrElse(d -> delete(ResourceKind.DATASET, name,
                () -> client.deleteDataset(b -> b.datasetArn(d.datasetArn())),
                () -> Status.of(client.describeDataset(b -> b.datasetArn(d.datasetArn())).dataset().status(), null)),
                () -> missing(ResourceKind.DATASET, name));
      }
      awaitDeleted();
    }

    private void schemas() {
      List<DatasetSchemaSummary> schemas = listAll(ResourceKind.SCHEMA, spec.datasetGroupName(), "ListSchemas", t -> {
        var r = client.listSchemas(b -> b.nextToken(t).maxResults(100));
        return new Page<>(r.schemas(), r.nextToken());
      });
      for (DatasetType type : spec.datasetTypes()) {
        String name = spec.schemaName(type);
        emit(ResourceKind.SCHEMA, name, Action.LOOKUP, "LOOKUP");
        schemas.stream().filter(s -> name.equals(s.name())).findFirst().ifPresentOrElse(s ->
            delete(ResourceKind.SCHEMA, name, () -> client.deleteSchema(b -> b.schemaArn(s.schemaArn())),
                () -> {
                  client.describeSchema(b -> b.schemaArn(s.schemaArn()));
                  return Status.of("DELETE PENDING", null);
                }),
            () -> missing(ResourceKind.SCHEMA, name));
      }
      awaitDeleted();
    }

    private void missing(ResourceKind kind, String name) {
      emit(kind, name, Action.DELETED, "NOT FOUND");
    }

    /** Sends a delete, tolerating an already-missing resource and retrying while it is briefly in use. */
    private void delete(ResourceKind kind, String name, Runnable call, Supplier<Status> describe) {
      emit(kind, name, Action.DELETE, "DELETE REQUESTED");
      Poll poll = new Poll(kind, name);
      int inUse = 0;
      while (true) {
        try {
          read(poll, kind, name, "Delete", () -> {
            call.run();
            return Boolean.TRUE;
          });
          deleting.add(new Pending(kind, name, describe));
          return;
        } catch (ResourceNotFoundException e) {
          emit(kind, name, Action.DELETED, "NOT FOUND");
          return;
        } catch (ProvisioningException e) {
          if (!(e.getCause() instanceof ResourceInUseException)) {
            throw e;
          }
          if (alreadyDeleting(kind, name, describe)) {
            return;
          }
          if (++inUse > MAX_IN_USE_RETRIES) {
            throw e;
          }
          poll.lastStatus = "IN USE";
          emit(kind, name, Action.WAIT, "IN USE", Optional.of(Retryability.message((SdkException) e.getCause())));
          poll.pause();
        }
      }
    }

    /** Whether an in-use resource is in fact being deleted already (e.g. by an interrupted teardown). */
    private boolean alreadyDeleting(ResourceKind kind, String name, Supplier<Status> describe) {
      try {
        Status s = read(kind, name, "Describe", describe);
        if (s.status().startsWith("DELETE")) {
          emit(kind, name, Action.WAIT, s.status());
          deleting.add(new Pending(kind, name, describe));
          return true;
        }
        return false;
      } catch (ResourceNotFoundException e) {
        emit(kind, name, Action.DELETED, "NOT FOUND");
        return true;
      }
    }

    private void awaitDeleted() {
      for (Pending p : deleting) {
        awaitGone(p);
      }
      deleting.clear();
    }
  }

  private static String schedule(int days) {
    return "rate(" + days + (days == 1 ? " day)" : " days)");
  }

  private static boolean sameNumber(String a, String b) {
    if (a == null || b == null) {
      return Objects.equals(a, b);
    }
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  /** Builds a {@link Provisioner}. */
  public static final class Builder {
    private final PersonalizeClient client;
    private Ticker ticker = Ticker.system();
    private Sleeper sleeper = Sleeper.system();
    private Duration initialPollInterval = Duration.ofSeconds(5);
    private Duration maxPollInterval = Duration.ofMinutes(1);
    private double multiplier = 2.0;
    private Duration timeout = Duration.ofHours(24);

    private Builder(PersonalizeClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** Sets the time source for elapsed times and the timeout (default {@link Ticker#system()}). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Sets how the provisioner waits between polls (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets the first poll delay (default 5 s); each further poll or throttled call waits longer. */
    public Builder initialPollInterval(Duration interval) {
      this.initialPollInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** Sets the cap of the poll delay (default 1 min). */
    public Builder maxPollInterval(Duration interval) {
      this.maxPollInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** Sets the growth factor of the poll delay (default 2). */
    public Builder backoffMultiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    /** Sets how long one resource may take to become ACTIVE or deleted (default 24 h; training takes hours). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Returns the provisioner.
     *
     * @throws IllegalArgumentException if the poll settings are inconsistent
     */
    public Provisioner build() {
      return new Provisioner(this);
    }
  }
}
