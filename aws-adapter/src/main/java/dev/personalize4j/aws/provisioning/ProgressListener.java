package dev.personalize4j.aws.provisioning;

/** Receives the {@link ProgressEvent}s of a provisioning run, in order, on the calling thread. */
@FunctionalInterface
public interface ProgressListener {
  /** Called for every event. */
  void onEvent(ProgressEvent event);

  /** A listener that ignores every event. */
  static ProgressListener none() {
    return event -> { };
  }
}
