package dev.personalize4j.aws.provisioning;

import java.util.Objects;
import java.util.Optional;

/**
 * A provisioning run failed on one resource; the message names the resource and the cause. Subclasses
 * tell a failed resource, a conflicting declaration and a timeout apart.
 */
public class ProvisioningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ResourceKind kind;
  private final String resourceName;

  /** Creates an exception about the resource {@code kind} {@code resourceName}. */
  public ProvisioningException(ResourceKind kind, String resourceName, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.resourceName = Objects.requireNonNull(resourceName, "resourceName");
  }

  /** The kind of the resource that failed. */
  public ResourceKind kind() {
    return kind;
  }

  /** The name of the resource that failed. */
  public String resourceName() {
    return resourceName;
  }

  /** A resource ended in {@code CREATE FAILED} (or another failed state); carries the service's reason. */
  public static final class ResourceFailedException extends ProvisioningException {
    private static final long serialVersionUID = 1L;
    private final String status;
    @SuppressWarnings("serial")
    private final Optional<String> failureReason;

    /** Creates the exception. */
    public ResourceFailedException(ResourceKind kind, String resourceName, String status, Optional<String> failureReason) {
      super(kind, resourceName, kind.label() + " " + resourceName + " ended in " + status + ": "
          + failureReason.orElse("(no failure reason given)"), null);
      this.status = status;
      this.failureReason = failureReason;
    }

    /** The final status, e.g. {@code CREATE FAILED}. */
    public String status() {
      return status;
    }

    /** The service's {@code failureReason}, if it gave one. */
    public Optional<String> failureReason() {
      return failureReason;
    }
  }

  /**
   * An existing resource differs from the declaration in a way {@link Provisioner} will not change in
   * place (e.g. a schema's JSON, a solution's recipe, a filter's expression).
   */
  public static final class SpecConflictException extends ProvisioningException {
    private static final long serialVersionUID = 1L;
    private final String difference;

    /** Creates the exception for a difference Personalize cannot apply in place. */
    public SpecConflictException(ResourceKind kind, String resourceName, String difference) {
      this(kind, resourceName, difference, "Personalize cannot change this in place; delete the " + kind.label()
          + " (or rename it in the declaration) and apply again");
    }

    /** Creates the exception with {@code advice} on how to resolve it. */
    public SpecConflictException(ResourceKind kind, String resourceName, String difference, String advice) {
      super(kind, resourceName, kind.label() + " " + resourceName + " exists but differs from the declaration: "
          + difference + ". " + advice, null);
      this.difference = difference;
    }

    /** What differs, existing versus declared. */
    public String difference() {
      return difference;
    }
  }

  /** A resource did not reach its final state within the provisioner's timeout. */
  public static final class ProvisioningTimeoutException extends ProvisioningException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ProvisioningTimeoutException(ResourceKind kind, String resourceName, String lastStatus, java.time.Duration timeout) {
      super(kind, resourceName, kind.label() + " " + resourceName + " did not finish within " + timeout
          + " (last status " + lastStatus + ")", null);
    }
  }
}
