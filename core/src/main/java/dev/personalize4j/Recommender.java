package dev.personalize4j;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Answers "which products will this customer want next?": personalized recommendations for a user,
 * items similar to an item, the most popular items, and the ranking of candidate items by how
 * likely the user is to choose them. Implementations are thread-safe.
 *
 * <p>Failures of the service behind an implementation surface as {@link PersonalizeException}
 * subclasses; invalid arguments fail earlier, at construction of the value types.
 */
public interface Recommender {

  /** Recommends {@link Limits#DEFAULT_NUM_RESULTS} items for {@code user}. */
  default Recommendations forUser(UserId user) {
    return forUser(user, RecommendationRequest.defaults());
  }

  /**
   * Recommends items for {@code user}. An unknown user gets cold-start recommendations (by their
   * metadata if known, else popular items), never an error.
   *
   * @throws PersonalizeException if the backend fails and no fallback answers
   */
  Recommendations forUser(UserId user, RecommendationRequest request);

  /** Recommends items related to {@code item} (never the item itself). */
  default Recommendations similarTo(ItemId item) {
    return similarTo(item, RecommendationRequest.defaults());
  }

  /** Recommends items related to {@code item}, with request options. */
  Recommendations similarTo(ItemId item, RecommendationRequest request);

  /** The most popular items. */
  default Recommendations popular() {
    return popular(RecommendationRequest.defaults());
  }

  /** The most popular items, with request options. */
  Recommendations popular(RecommendationRequest request);

  /**
   * Orders {@code candidates} by how likely {@code user} is to choose each, best first, with scores
   * in [0, 1] that sum to 1 over the candidates.
   */
  default Recommendations rank(UserId user, List<ItemId> candidates) {
    return rank(RankingRequest.of(user, candidates));
  }

  /** Ranks the request's candidates for its user. */
  Recommendations rank(RankingRequest request);

  /** Asynchronous {@link #forUser(UserId, RecommendationRequest)}. */
  default CompletableFuture<Recommendations> forUserAsync(UserId user, RecommendationRequest request) {
    return completed(() -> forUser(user, request));
  }

  /** Asynchronous {@link #similarTo(ItemId, RecommendationRequest)}. */
  default CompletableFuture<Recommendations> similarToAsync(ItemId item, RecommendationRequest request) {
    return completed(() -> similarTo(item, request));
  }

  /** Asynchronous {@link #rank(RankingRequest)}. */
  default CompletableFuture<Recommendations> rankAsync(RankingRequest request) {
    return completed(() -> rank(request));
  }

  private static CompletableFuture<Recommendations> completed(Supplier<Recommendations> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
