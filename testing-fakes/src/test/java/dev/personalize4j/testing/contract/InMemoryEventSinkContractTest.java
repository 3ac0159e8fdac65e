package dev.personalize4j.testing.contract;

import dev.personalize4j.EventSink;
import dev.personalize4j.Interaction;
import dev.personalize4j.testing.InMemoryPersonalize;
import java.util.List;

class InMemoryEventSinkContractTest extends EventSinkContract {
  private InMemoryPersonalize personalize;

  @Override
  protected EventSink createSink() {
    personalize = InMemoryPersonalize.create();
    return personalize.eventSink();
  }

  @Override
  protected List<Interaction> delivered() {
    return personalize.recordedEvents();
  }
}
