package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personalize4j.testing.internal.FilterExpression;
import java.time.Instant;
import java.util.Optional;

/**
 * One control-plane resource and its lifecycle. Kind-specific state sits in nullable fields that
 * only the owning kind uses; {@link #request} keeps the create request for Describe echoes.
 */
final class Resource {
  /** The kinds of resource, in the order their list operations are named. */
  enum Kind {
    DATASET_GROUP, SCHEMA, DATASET, DATASET_IMPORT_JOB, SOLUTION, SOLUTION_VERSION, CAMPAIGN, RECOMMENDER,
    EVENT_TRACKER, FILTER
  }

  static final String CREATE_PENDING = "CREATE PENDING";
  static final String CREATE_IN_PROGRESS = "CREATE IN_PROGRESS";
  static final String ACTIVE = "ACTIVE";
  static final String CREATE_FAILED = "CREATE FAILED";
  static final String DELETE_PENDING = "DELETE PENDING";
  static final String CREATE_STOPPED = "CREATE STOPPED";
  static final String INACTIVE = "INACTIVE";

  final Kind kind;
  final String arn;
  final String name;
  /** The dataset group (or, for versions, the solution; campaigns, the version; jobs, the dataset). */
  final String parentArn;
  final ObjectNode request;
  final Instant created;
  Instant updated;
  String status = CREATE_PENDING;
  Optional<String> failureReason = Optional.empty();
  /** When the pending create (or start/stop/update) completes. */
  Instant readyAt;
  /** When a pending delete completes; null while not deleting. */
  Instant deleteAt;
  /** The status to reach at readyAt when not creating (e.g. INACTIVE after a stop). */
  String targetStatus = ACTIVE;

  // kind-specific
  String domain;
  Schema schema;
  String datasetType;
  String trackingId;
  Recipe recipe;
  String eventType;
  String forcedFailure;
  FilterExpression filter;
  ObjectNode pendingUpdate;

  Resource(Kind kind, String arn, String name, String parentArn, ObjectNode request, Instant created, Instant readyAt) {
    this.kind = kind;
    this.arn = arn;
    this.name = name;
    this.parentArn = parentArn;
    this.request = request;
    this.created = created;
    this.updated = created;
    this.readyAt = readyAt;
  }

  boolean active() {
    return ACTIVE.equals(status);
  }

  boolean creating() {
    return CREATE_PENDING.equals(status) || CREATE_IN_PROGRESS.equals(status);
  }

  boolean deleting() {
    return deleteAt != null;
  }
}
