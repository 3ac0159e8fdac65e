package dev.personalize4j.testing;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.UserId;
import java.time.Duration;
import java.time.Instant;

/** Uses every public fake without any test framework; {@link JUnitFreeTest} runs it in isolation. */
public final class NoFrameworkScenario {
  private NoFrameworkScenario() {}

  /** Exercises the fakes and returns a summary of what they answered. */
  public static String run() {
    MutableClock clock = MutableClock.of(Instant.parse("2026-01-01T00:00:00Z"));
    FakeTicker ticker = FakeTicker.create();
    ticker.advance(Duration.ofSeconds(1));
    InMemoryPersonalize personalize = InMemoryPersonalize.builder().clock(clock)
        .filter("no-purchases", "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")").build();
    personalize.catalog().upsertItem(Item.builder(ItemId.of("a")).categoryL1("x").price(1).build());
    personalize.catalog().upsertItem(Item.builder(ItemId.of("b")).categoryL1("x").price(2).build());
    RecordingEventSink sink = RecordingEventSink.builder().clock(clock).delegate(personalize.eventSink()).build();
    sink.record(Interaction.of(UserId.of("u"), ItemId.of("a"), EventType.PURCHASE));
    sink.assertThat().hasSize(1).containsEventFor(UserId.of("u"), ItemId.of("a"), EventType.PURCHASE);
    ScriptedRecommender scripted = ScriptedRecommender.fallingBackTo(personalize.recommender())
        .givenPopular(ItemId.of("b"));
    String filtered = personalize.recommender()
        .forUser(UserId.of("u"), RecommendationRequest.builder().filter("no-purchases").build()).itemIds().toString();
    return filtered + " " + scripted.popular(RecommendationRequest.defaults()).itemIds() + " " + ticker.read();
  }
}
