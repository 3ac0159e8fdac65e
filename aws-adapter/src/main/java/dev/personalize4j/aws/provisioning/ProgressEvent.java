package dev.personalize4j.aws.provisioning;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of {@link Provisioner#apply} or {@link Provisioner#teardown} for one resource.
 *
 * @param kind the kind of resource
 * @param name the resource name (for a solution version, its solution's name)
 * @param action what happened
 * @param status the service status string, e.g. {@code CREATE IN_PROGRESS}, or a short word such as
 *     {@code NOT FOUND}
 * @param elapsed time since the first event of this resource in this run, from the injected ticker
 * @param detail a failure reason or conflict description, if any
 */
public record ProgressEvent(
    ResourceKind kind, String name, Action action, String status, Duration elapsed, Optional<String> detail) {

  /** What happened to a resource. */
  public enum Action {
    /** Looking the resource up by name. */
    LOOKUP,
    /** The resource already exists. */
    EXISTS,
    /** A create request was sent. */
    CREATE,
    /** Polled; the resource is not yet in its final state. */
    WAIT,
    /** The resource is ACTIVE (for an import job: ACTIVE or already imported). */
    ACTIVE,
    /** The resource ended in a failed state or conflicts with the declaration. */
    FAILED,
    /** A delete request was sent. */
    DELETE,
    /** The resource is gone (deleted, or was already missing). */
    DELETED
  }

  /** Validates the components. */
  public ProgressEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(detail, "detail");
  }
}
