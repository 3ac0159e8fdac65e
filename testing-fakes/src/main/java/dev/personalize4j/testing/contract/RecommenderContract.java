package dev.personalize4j.testing.contract;

import static dev.personalize4j.testing.contract.ContractData.BEST_SELLER;
import static dev.personalize4j.testing.contract.ContractData.BOOKS;
import static dev.personalize4j.testing.contract.ContractData.BOOK_CLUB_PICK;
import static dev.personalize4j.testing.contract.ContractData.CATEGORY_PARAMETER;
import static dev.personalize4j.testing.contract.ContractData.COLD_ITEM;
import static dev.personalize4j.testing.contract.ContractData.EXCLUDE_PURCHASED;
import static dev.personalize4j.testing.contract.ContractData.IN_CATEGORY;
import static dev.personalize4j.testing.contract.ContractData.MAX_PRICE;
import static dev.personalize4j.testing.contract.ContractData.OUTDOOR;
import static dev.personalize4j.testing.contract.ContractData.PRICE_PARAMETER;
import static dev.personalize4j.testing.contract.ContractData.SENIOR_NEWCOMER;
import static dev.personalize4j.testing.contract.ContractData.SLEEPING_BAG;
import static dev.personalize4j.testing.contract.ContractData.TENT;
import static dev.personalize4j.testing.contract.ContractData.TENT_BUYER;
import static dev.personalize4j.testing.contract.ContractData.UNKNOWN_ITEM;
import static dev.personalize4j.testing.contract.ContractData.UNKNOWN_USER;
import static dev.personalize4j.testing.contract.ContractData.YOUNG_NEWCOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.InvalidRequestException;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.Personalize;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.Recommendation;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Recommender} implementation must show, as JUnit 5 tests: extend this
 * class and implement {@link #create(ContractData)}. Each test gets a fresh instance loaded with
 * {@link ContractData#standard()}; tests that record events use user ids of their own.
 */
public abstract class RecommenderContract {
  private static final AtomicInteger FRESH_USERS = new AtomicInteger();

  /** The instance under test, created before each test. */
  protected Personalize personalize;
  /** The data it was loaded with. */
  protected ContractData data;

  /**
   * Returns a {@link Personalize} loaded with {@code data}'s items, users, interactions and filters
   * (by name), whose recommender reflects events recorded through its event sink at once. Called
   * before every test; the result is closed after it.
   */
  protected abstract Personalize create(ContractData data);

  @BeforeEach
  void createPersonalize() {
    data = ContractData.standard();
    personalize = create(data);
  }

  @AfterEach
  void closePersonalize() {
    if (personalize != null) {
      personalize.close();
    }
  }

  /** The recommender under test. */
  protected Recommender recommender() {
    return personalize.recommender();
  }

  /** A user id no other test uses, for tests that record events. */
  protected static UserId freshUser() {
    return UserId.of("contract-fresh-" + FRESH_USERS.incrementAndGet());
  }

  private void assertWellFormed(Recommendations r, int limit) {
    assertThat(r.items()).as("items").hasSizeLessThanOrEqualTo(limit);
    assertThat(r.itemIds()).as("item ids").doesNotHaveDuplicates();
    double previous = Double.MAX_VALUE;
    for (Recommendation item : r.items()) {
      OptionalDouble score = item.score();
      if (score.isPresent()) {
        assertThat(score.getAsDouble()).as("score of %s", item.itemId()).isBetween(0.0, 1.0)
            .isLessThanOrEqualTo(previous);
        previous = score.getAsDouble();
      }
    }
  }

  private Optional<String> category(ItemId id) {
    return data.item(id).flatMap(Item::categoryL1);
  }

  private static RecommendationRequest filtered(int limit, String filter, String parameter, String... values) {
    return RecommendationRequest.builder().limit(limit).filter(filter, parameter, values).build();
  }

  @Nested
  @DisplayName("Ordering and limits")
  class OrderingAndLimits {
    @Test
    @DisplayName("forUser returns at most the requested number of items, best first, without duplicates")
    void forUserLimit() {
      Recommendations r = recommender().forUser(TENT_BUYER, RecommendationRequest.ofLimit(7));
      assertThat(r.items()).hasSize(7);
      assertWellFormed(r, 7);
    }

    @Test
    @DisplayName("the default request returns at most 25 items")
    void defaultLimit() {
      Recommendations r = recommender().forUser(TENT_BUYER);
      assertThat(r.items()).isNotEmpty();
      assertWellFormed(r, 25);
    }

    @Test
    @DisplayName("a limit of 1 returns one item")
    void limitOne() {
      assertThat(recommender().forUser(TENT_BUYER, RecommendationRequest.ofLimit(1)).items()).hasSize(1);
    }

    @Test
    @DisplayName("a limit larger than the catalogue returns each item at most once")
    void largeLimit() {
      Recommendations r = recommender().forUser(TENT_BUYER, RecommendationRequest.ofLimit(500));
      assertWellFormed(r, data.items().size());
    }

    @Test
    @DisplayName("similarTo and popular respect the limit and have no duplicates")
    void otherRecipes() {
      assertWellFormed(recommender().similarTo(TENT, RecommendationRequest.ofLimit(5)), 5);
      assertWellFormed(recommender().popular(RecommendationRequest.ofLimit(5)), 5);
      assertThat(recommender().popular(RecommendationRequest.ofLimit(5)).items()).hasSize(5);
    }

    @Test
    @DisplayName("the best seller is the most popular item")
    void bestSeller() {
      assertThat(recommender().popular(RecommendationRequest.ofLimit(3)).itemIds()).first().isEqualTo(BEST_SELLER);
    }

    @Test
    @DisplayName("the same question asked twice gets the same items")
    void stable() {
      RecommendationRequest req = RecommendationRequest.ofLimit(10);
      assertThat(recommender().forUser(TENT_BUYER, req).itemIds())
          .isEqualTo(recommender().forUser(TENT_BUYER, req).itemIds());
    }
  }

  @Nested
  @DisplayName("Unknown users")
  class UnknownUsers {
    @Test
    @DisplayName("a user nobody knows gets popular items, not an error")
    void unknownGetsPopular() {
      Recommendations r = recommender().forUser(UNKNOWN_USER, RecommendationRequest.ofLimit(5));
      assertThat(r.itemIds()).hasSize(5).contains(BEST_SELLER);
    }

    @Test
    @DisplayName("a newcomer who resembles the young users gets outdoor items")
    void youngNewcomer() {
      List<ItemId> top = recommender().forUser(YOUNG_NEWCOMER, RecommendationRequest.ofLimit(5)).itemIds();
      assertThat(top).anySatisfy(id -> assertThat(category(id)).contains(OUTDOOR));
    }

    @Test
    @DisplayName("a newcomer who resembles the seniors gets books")
    void seniorNewcomer() {
      List<ItemId> top = recommender().forUser(SENIOR_NEWCOMER, RecommendationRequest.ofLimit(5)).itemIds();
      assertThat(top).anySatisfy(id -> assertThat(category(id)).contains(BOOKS)).contains(BOOK_CLUB_PICK);
    }

    @Test
    @DisplayName("newcomers of different demographics get different answers")
    void demographicsMatter() {
      RecommendationRequest req = RecommendationRequest.ofLimit(5);
      assertThat(recommender().forUser(YOUNG_NEWCOMER, req).itemIds())
          .isNotEqualTo(recommender().forUser(SENIOR_NEWCOMER, req).itemIds());
    }

    @Test
    @DisplayName("an unknown user can be ranked for, without an error")
    void rankUnknown() {
      Recommendations r = recommender().rank(UNKNOWN_USER, List.of(TENT, BEST_SELLER));
      assertThat(r.itemIds()).containsExactlyInAnyOrder(TENT, BEST_SELLER);
    }
  }

  @Nested
  @DisplayName("Related items")
  class RelatedItems {
    @Test
    @DisplayName("never contain the item itself")
    void neverItself() {
      for (ItemId id : List.of(TENT, BEST_SELLER, COLD_ITEM)) {
        assertThat(recommender().similarTo(id, RecommendationRequest.ofLimit(100)).itemIds()).doesNotContain(id);
      }
    }

    @Test
    @DisplayName("put what buyers of the item also bought first")
    void boughtTogether() {
      assertThat(recommender().similarTo(TENT, RecommendationRequest.ofLimit(3)).itemIds()).first()
          .isEqualTo(SLEEPING_BAG);
    }

    @Test
    @DisplayName("exist for an item nobody interacted with")
    void coldItem() {
      assertThat(recommender().similarTo(COLD_ITEM, RecommendationRequest.ofLimit(5)).items()).isNotEmpty();
    }
  }

  @Nested
  @DisplayName("Ranking")
  class Ranking {
    private final List<ItemId> candidates = List.of(BOOK_CLUB_PICK, SLEEPING_BAG, BEST_SELLER, COLD_ITEM);

    @Test
    @DisplayName("returns every candidate exactly once")
    void allCandidates() {
      Recommendations r = recommender().rank(TENT_BUYER, candidates);
      assertThat(r.itemIds()).containsExactlyInAnyOrderElementsOf(candidates);
    }

    @Test
    @DisplayName("gives scores in [0, 1] that sum to 1, best first")
    void scoresSumToOne() {
      Recommendations r = recommender().rank(TENT_BUYER, candidates);
      assertThat(r.items()).allSatisfy(i -> assertThat(i.score()).isPresent());
      double sum = r.items().stream().mapToDouble(i -> i.score().getAsDouble()).sum();
      assertThat(sum).isCloseTo(1.0, within(1e-6));
      assertWellFormed(r, candidates.size());
    }

    @Test
    @DisplayName("puts what the user is likely to want first")
    void likelyFirst() {
      assertThat(recommender().rank(TENT_BUYER, candidates).itemIds()).first().isEqualTo(SLEEPING_BAG);
    }

    @Test
    @DisplayName("puts candidates unknown to the catalogue last")
    void unknownLast() {
      List<ItemId> withUnknown = List.of(UNKNOWN_ITEM, BOOK_CLUB_PICK, SLEEPING_BAG);
      assertThat(recommender().rank(TENT_BUYER, withUnknown).itemIds()).last().isEqualTo(UNKNOWN_ITEM);
    }

    @Test
    @DisplayName("applies a filter to the candidates")
    void filtered() {
      Recommendations r = recommender().rank(RankingRequest.builder().userId(TENT_BUYER)
          .addAllCandidates(candidates).filterName(IN_CATEGORY)
          .putFilterValues(CATEGORY_PARAMETER, List.of(OUTDOOR)).build());
      assertThat(r.itemIds()).containsExactly(SLEEPING_BAG);
    }
  }

  @Nested
  @DisplayName("Filters")
  class Filters {
    @Test
    @DisplayName("in-category returns only items of the category")
    void inCategory() {
      Recommendations r = recommender().forUser(TENT_BUYER, filtered(10, IN_CATEGORY, CATEGORY_PARAMETER, BOOKS));
      assertThat(r.itemIds()).isNotEmpty().allSatisfy(id -> assertThat(category(id)).contains(BOOKS));
    }

    @Test
    @DisplayName("in-category accepts several values")
    void inCategories() {
      Recommendations r = recommender().forUser(TENT_BUYER,
          filtered(30, IN_CATEGORY, CATEGORY_PARAMETER, BOOKS, OUTDOOR));
      assertThat(r.itemIds()).isNotEmpty()
          .allSatisfy(id -> assertThat(category(id).orElseThrow()).isIn(BOOKS, OUTDOOR));
    }

    @Test
    @DisplayName("max-price returns only items at or below the price")
    void maxPrice() {
      Recommendations r = recommender().forUser(TENT_BUYER, filtered(20, MAX_PRICE, PRICE_PARAMETER, "20"));
      assertThat(r.itemIds()).isNotEmpty()
          .allSatisfy(id -> assertThat(data.item(id).orElseThrow().price().getAsDouble()).isLessThanOrEqualTo(20.0));
    }

    @Test
    @DisplayName("exclude-purchased never returns what the user bought")
    void excludePurchased() {
      Set<ItemId> bought = data.purchasedBy(TENT_BUYER);
      assertThat(bought).contains(TENT, SLEEPING_BAG);
      Recommendations r = recommender().forUser(TENT_BUYER,
          RecommendationRequest.builder().limit(100).filter(EXCLUDE_PURCHASED).build());
      assertThat(r.itemIds()).isNotEmpty().doesNotContainAnyElementsOf(bought);
      assertThat(r.itemIds()).hasSize(data.items().size() - bought.size());
    }

    @Test
    @DisplayName("exclude-purchased reflects a purchase recorded just now")
    void excludeNewPurchase() {
      UserId user = freshUser();
      RecommendationRequest req = RecommendationRequest.builder().limit(100).filter(EXCLUDE_PURCHASED).build();
      personalize.eventSink().record(Interaction.of(user, BOOK_CLUB_PICK, EventType.PURCHASE));
      personalize.eventSink().flush();
      assertThat(recommender().forUser(user, req).itemIds()).isNotEmpty().doesNotContain(BOOK_CLUB_PICK);
    }

    @Test
    @DisplayName("filters apply to related and popular items too")
    void otherRecipes() {
      assertThat(recommender().similarTo(TENT, filtered(5, IN_CATEGORY, CATEGORY_PARAMETER, BOOKS)).itemIds())
          .isNotEmpty().allSatisfy(id -> assertThat(category(id)).contains(BOOKS));
      assertThat(recommender().popular(filtered(5, MAX_PRICE, PRICE_PARAMETER, "20")).itemIds())
          .isNotEmpty().doesNotContain(BEST_SELLER);
    }

    @Test
    @DisplayName("an unknown filter name is an invalid request")
    void unknownFilter() {
      RecommendationRequest req = RecommendationRequest.builder().filter("no-such-filter").build();
      assertThatThrownBy(() -> recommender().forUser(TENT_BUYER, req))
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Nested
  @DisplayName("Real-time events")
  class RealTime {
    @Test
    @DisplayName("a user's next answer changes once an event is recorded")
    void nextAnswerChanges() {
      UserId user = freshUser();
      RecommendationRequest req = RecommendationRequest.ofLimit(5);
      List<ItemId> before = recommender().forUser(user, req).itemIds();
      personalize.eventSink().record(Interaction.of(user, TENT, EventType.PURCHASE));
      personalize.eventSink().flush();
      List<ItemId> after = recommender().forUser(user, req).itemIds();
      assertThat(after).isNotEqualTo(before);
      assertThat(after.subList(0, 3)).contains(SLEEPING_BAG);
    }

    @Test
    @DisplayName("a new tent buyer is offered the sleeping bag ahead of the best seller")
    void tentBuyerGetsSleepingBag() {
      UserId user = freshUser();
      personalize.eventSink().record(Interaction.of(user, TENT, EventType.PURCHASE));
      personalize.eventSink().flush();
      List<ItemId> top = recommender().forUser(user, RecommendationRequest.ofLimit(25)).itemIds();
      assertThat(top).contains(SLEEPING_BAG);
      if (top.contains(BEST_SELLER)) {
        assertThat(top.indexOf(SLEEPING_BAG)).isLessThan(top.indexOf(BEST_SELLER));
      }
    }
  }

  @Nested
  @DisplayName("Validation")
  class Validation {
    @Test
    @DisplayName("a limit above 500 fails when the request is built, naming the limit")
    void limitTooLarge() {
      assertThatThrownBy(() -> RecommendationRequest.ofLimit(501))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit").hasMessageContaining("500");
    }

    @Test
    @DisplayName("a limit of 0 fails when the request is built")
    void limitZero() {
      assertThatThrownBy(() -> RecommendationRequest.ofLimit(0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    @DisplayName("ranking more than 500 candidates fails when the request is built")
    void tooManyCandidates() {
      List<ItemId> many = new ArrayList<>();
      for (int i = 0; i < 501; i++) {
        many.add(ItemId.of("candidate-" + i));
      }
      assertThatThrownBy(() -> RankingRequest.of(TENT_BUYER, many))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates");
    }

    @Test
    @DisplayName("a blank user id fails when it is built")
    void blankUser() {
      assertThatThrownBy(() -> UserId.of(" ")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("userId");
    }
  }

  @Nested
  @DisplayName("Answers")
  class Answers {
    @Test
    @DisplayName("a fresh answer is LIVE, timed, and carries a recommendation id")
    void live() {
      for (Recommendations r : List.of(
          recommender().forUser(TENT_BUYER, RecommendationRequest.ofLimit(3)),
          recommender().similarTo(TENT, RecommendationRequest.ofLimit(3)),
          recommender().popular(RecommendationRequest.ofLimit(3)),
          recommender().rank(TENT_BUYER, List.of(TENT, BEST_SELLER)))) {
        assertThat(r.source()).isEqualTo(Recommendations.Source.LIVE);
        assertThat(r.servedAt()).isNotNull();
        assertThat(r.recommendationId()).isPresent();
      }
    }

    @Test
    @DisplayName("the asynchronous variants give the same answer")
    void async() throws Exception {
      RecommendationRequest req = RecommendationRequest.ofLimit(5);
      assertThat(recommender().forUserAsync(TENT_BUYER, req).get(30, TimeUnit.SECONDS).itemIds())
          .isEqualTo(recommender().forUser(TENT_BUYER, req).itemIds());
    }
  }

  @Nested
  @DisplayName("Concurrent use")
  class Concurrency {
    private void runConcurrently(int threads, Task task) throws Exception {
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          futures.add(pool.submit(() -> {
            start.await();
            task.run(id);
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : futures) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    @DisplayName("many threads asking at once get the same answers as one thread")
    void concurrentReads() throws Exception {
      RecommendationRequest req = RecommendationRequest.ofLimit(10);
      List<ItemId> expectedUser = recommender().forUser(TENT_BUYER, req).itemIds();
      List<ItemId> expectedSimilar = recommender().similarTo(TENT, req).itemIds();
      List<ItemId> expectedPopular = recommender().popular(req).itemIds();
      runConcurrently(8, id -> {
        for (int i = 0; i < 10; i++) {
          assertThat(recommender().forUser(TENT_BUYER, req).itemIds()).isEqualTo(expectedUser);
          assertThat(recommender().similarTo(TENT, req).itemIds()).isEqualTo(expectedSimilar);
          assertThat(recommender().popular(req).itemIds()).isEqualTo(expectedPopular);
        }
      });
    }

    @Test
    @DisplayName("threads recording and asking at once see their own events and raise no errors")
    void concurrentWritesAndReads() throws Exception {
      RecommendationRequest req = RecommendationRequest.builder().limit(100).filter(EXCLUDE_PURCHASED).build();
      List<UserId> users = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        users.add(freshUser());
      }
      runConcurrently(8, id -> {
        UserId own = users.get(id);
        for (ItemId item : data.itemIds(BOOKS).subList(0, 5)) {
          personalize.eventSink().record(Interaction.of(own, item, EventType.PURCHASE));
          personalize.eventSink().flush();
          assertThat(recommender().forUser(own, req).itemIds()).isNotEmpty().doesNotContain(item);
        }
      });
    }
  }

  @FunctionalInterface
  private interface Task {
    void run(int thread) throws Exception;
  }
}
