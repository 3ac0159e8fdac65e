package dev.personalize4j.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.ItemId;
import dev.personalize4j.Recommendations;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every answer's {@code source()} tells the truth, from what the test knows: a LIVE
 * answer is new (a recommendation id never seen before) and made of catalogue items; CACHED and
 * STALE answers repeat the user's last LIVE answer exactly, CACHED only if the user did nothing
 * since; a FALLBACK answer is the fallback's items or empty.
 */
final class AnswerOracle {
  private final Set<ItemId> catalogue = new HashSet<>();
  private final Map<String, Recommendations> lastLive = new HashMap<>();
  private final Set<String> actedSinceLive = new HashSet<>();
  private final Set<String> recommendationIds = new HashSet<>();
  private final Map<Recommendations.Source, Integer> counts = new HashMap<>();

  AnswerOracle(List<String> items) {
    items.forEach(i -> catalogue.add(ItemId.of(i)));
  }

  /** The user recorded an event: a cached answer from before it would now be a lie. */
  void acted(String user) {
    actedSinceLive.add(user);
  }

  boolean hadLiveAnswer(String user) {
    return lastLive.containsKey(user);
  }

  int count(Recommendations.Source source) {
    return counts.getOrDefault(source, 0);
  }

  void check(String user, Recommendations r) {
    counts.merge(r.source(), 1, Integer::sum);
    String what = "answer for " + user + " marked " + r.source() + ": " + r.itemIds() + " " + r.recommendationId();
    switch (r.source()) {
      case LIVE -> {
        assertThat(r.recommendationId()).as(what).isPresent();
        assertThat(recommendationIds.add(r.recommendationId().get())).as("LIVE means new: " + what).isTrue();
        assertThat(r.itemIds()).as(what).isNotEmpty();
        assertThat(catalogue).as(what).containsAll(r.itemIds());
        lastLive.put(user, r);
        actedSinceLive.remove(user);
      }
      case CACHED -> {
        assertThat(lastLive).as("CACHED needs an earlier LIVE answer: " + what).containsKey(user);
        assertThat(actedSinceLive).as("CACHED after the user acted is stale: " + what).doesNotContain(user);
        assertSameAnswer(lastLive.get(user), r, what);
      }
      case STALE -> {
        assertThat(lastLive).as("STALE needs an earlier LIVE answer: " + what).containsKey(user);
        assertSameAnswer(lastLive.get(user), r, what);
      }
      case FALLBACK -> {
        if (!r.isEmpty()) {
          assertThat(r.itemIds()).as(what).isEqualTo(FixedFallback.ITEMS);
        }
        assertThat(r.recommendationId()).as(what).isEmpty();
      }
      default -> throw new AssertionError("unknown source " + what);
    }
  }

  private static void assertSameAnswer(Recommendations live, Recommendations r, String what) {
    assertThat(r.itemIds()).as(what).isEqualTo(live.itemIds());
    assertThat(r.recommendationId()).as(what).isEqualTo(live.recommendationId());
  }
}
