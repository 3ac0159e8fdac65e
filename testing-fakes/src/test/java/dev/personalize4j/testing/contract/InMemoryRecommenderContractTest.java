package dev.personalize4j.testing.contract;

import dev.personalize4j.Personalize;
import dev.personalize4j.testing.InMemoryPersonalize;

class InMemoryRecommenderContractTest extends RecommenderContract {
  @Override
  protected Personalize create(ContractData data) {
    InMemoryPersonalize p = InMemoryPersonalize.builder().filters(data.filters()).build();
    p.catalog().upsertItems(data.items());
    p.catalog().upsertUsers(data.users());
    p.eventSink().recordAll(data.interactions());
    return p;
  }
}
