package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The default methods of {@link Recommender}, through a small hand-written implementation. */
class RecommenderTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  /** Records every call and answers with the request's limit in items, or throws when told to. */
  private static final class RecordingRecommender implements Recommender {
    final List<String> calls = new ArrayList<>();
    final List<Object> requests = new ArrayList<>();
    RuntimeException failure;

    private Recommendations answer(String call, Object request, int n) {
      calls.add(call);
      requests.add(request);
      if (failure != null) {
        throw failure;
      }
      Recommendations.Builder b = Recommendations.builder().source(Recommendations.Source.LIVE).servedAt(T0);
      for (int i = 0; i < n; i++) {
        b.addItems(Recommendation.of(ItemId.of(call + "-" + i)));
      }
      return b.build();
    }

    @Override
    public Recommendations forUser(UserId user, RecommendationRequest request) {
      return answer("forUser:" + user, request, request.limit());
    }

    @Override
    public Recommendations similarTo(ItemId item, RecommendationRequest request) {
      return answer("similarTo:" + item, request, request.limit());
    }

    @Override
    public Recommendations popular(RecommendationRequest request) {
      return answer("popular", request, request.limit());
    }

    @Override
    public Recommendations rank(RankingRequest request) {
      return answer("rank:" + request.userId(), request, request.candidates().size());
    }
  }

  @Test
  void shortFormsUseTheDefaultRequest() {
    RecordingRecommender r = new RecordingRecommender();
    assertThat(r.forUser(UserId.of("u1")).items()).hasSize(25);
    assertThat(r.similarTo(ItemId.of("i1")).items()).hasSize(25);
    assertThat(r.popular().items()).hasSize(25);
    assertThat(r.calls).containsExactly("forUser:u1", "similarTo:i1", "popular");
    assertThat(r.requests).allSatisfy(req -> assertThat(req).isSameAs(RecommendationRequest.defaults()));
  }

  @Test
  void rankBuildsARankingRequest() {
    RecordingRecommender r = new RecordingRecommender();
    List<ItemId> candidates = List.of(ItemId.of("a"), ItemId.of("b"));
    assertThat(r.rank(UserId.of("u1"), candidates).items()).hasSize(2);
    assertThat(r.requests).containsExactly(RankingRequest.of(UserId.of("u1"), candidates));
  }

  @Test
  void asyncVariantsCompleteWithTheSyncAnswer() {
    RecordingRecommender r = new RecordingRecommender();
    RecommendationRequest request = RecommendationRequest.ofLimit(3);
    assertThat(r.forUserAsync(UserId.of("u1"), request).join().items()).hasSize(3);
    assertThat(r.similarToAsync(ItemId.of("i1"), request).join().items()).hasSize(3);
    assertThat(r.rankAsync(RankingRequest.of(UserId.of("u1"), List.of(ItemId.of("a")))).join().items()).hasSize(1);
    assertThat(r.calls).containsExactly("forUser:u1", "similarTo:i1", "rank:u1");
  }

  @Test
  void asyncVariantsCompleteExceptionallyWhenTheSyncCallThrows() {
    RecordingRecommender r = new RecordingRecommender();
    ThrottledException throttled = new ThrottledException("slow down");
    r.failure = throttled;
    List<CompletableFuture<Recommendations>> futures = List.of(
        r.forUserAsync(UserId.of("u1"), RecommendationRequest.defaults()),
        r.similarToAsync(ItemId.of("i1"), RecommendationRequest.defaults()),
        r.rankAsync(RankingRequest.of(UserId.of("u1"), List.of(ItemId.of("a")))));
    for (CompletableFuture<Recommendations> f : futures) {
      assertThat(f).isCompletedExceptionally();
      assertThat(f).failsWithin(java.time.Duration.ZERO)
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isSameAs(throttled);
    }
    CompletionException joined = org.assertj.core.api.Assertions.catchThrowableOfType(
        CompletionException.class, () -> futures.get(0).join());
    assertThat(joined).hasCause(throttled);
  }
}
