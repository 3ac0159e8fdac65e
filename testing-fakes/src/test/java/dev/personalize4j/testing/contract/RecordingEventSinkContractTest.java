package dev.personalize4j.testing.contract;

import dev.personalize4j.EventSink;
import dev.personalize4j.Interaction;
import dev.personalize4j.testing.RecordingEventSink;
import java.util.List;

/** The recording sink is a sink too, and forwards to its delegate in order. */
class RecordingEventSinkContractTest extends EventSinkContract {
  private RecordingEventSink backend;

  @Override
  protected EventSink createSink() {
    backend = RecordingEventSink.create();
    return RecordingEventSink.builder().delegate(backend).build();
  }

  @Override
  protected List<Interaction> delivered() {
    return backend.recorded();
  }
}
