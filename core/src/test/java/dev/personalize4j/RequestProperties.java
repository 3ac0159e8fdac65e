package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the requests, and robustness of every factory against arbitrary input. */
class RequestProperties {

  @Property(tries = 1000)
  void recommendationRequestAcceptsExactlyLimits1To500(@ForAll @IntRange(min = -50, max = 600) int limit) {
    checkLimit(limit);
  }

  @Property(tries = 300)
  void recommendationRequestRejectsAnyIntOutside1To500(@ForAll int limit) {
    checkLimit(limit);
  }

  private static void checkLimit(int limit) {
    if (limit >= 1 && limit <= 500) {
      assertThat(RecommendationRequest.ofLimit(limit).limit()).isEqualTo(limit);
      assertThat(RecommendationRequest.builder().limit(limit).build().limit()).isEqualTo(limit);
    } else {
      assertThatThrownBy(() -> RecommendationRequest.ofLimit(limit))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("limit must be between 1 and 500 but was " + limit);
    }
  }

  @Property(tries = 500)
  void withMetadataColumnsTheLimitIs1To50(@ForAll @IntRange(min = -5, max = 80) int limit) {
    RecommendationRequest.Builder b = RecommendationRequest.builder().limit(limit).addMetadataColumns("PRICE");
    if (limit >= 1 && limit <= 50) {
      assertThat(b.build().limit()).isEqualTo(limit);
    } else {
      assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50");
    }
  }

  @Property(tries = 300)
  void rankingAcceptsExactly1To500DistinctCandidates(@ForAll @IntRange(min = 0, max = 520) int n) {
    List<ItemId> candidates = java.util.stream.IntStream.range(0, n).mapToObj(i -> ItemId.of("c" + i)).toList();
    if (n >= 1 && n <= 500) {
      assertThat(RankingRequest.of(UserId.of("u"), candidates).candidates()).hasSize(n);
    } else {
      assertThatThrownBy(() -> RankingRequest.of(UserId.of("u"), candidates))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Arbitrary strings, biased towards the edges of the limits and the special characters. */
  @Provide
  Arbitrary<String> anyString() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("\"\\,|$_-aZ9 \t\u0000\uD800").ofMaxLength(20),
        Arbitraries.strings().alpha().ofMinLength(0).ofMaxLength(1200),
        Arbitraries.of("null", "", " ", "USER_ID", "userId", "IMPRESSION", "$X", "a|b"),
        Arbitraries.strings().ofMaxLength(3).injectNull(0.3));
  }

  @Property(tries = 1500)
  void factoriesThrowOnlyIllegalArgumentOrNullPointer(
      @ForAll("anyString") String s, @ForAll("anyString") String t, @ForAll int n) {
    onlyValidationErrors(() -> UserId.of(s));
    onlyValidationErrors(() -> ItemId.of(s));
    onlyValidationErrors(() -> SessionId.of(s));
    onlyValidationErrors(() -> EventType.of(s));
    onlyValidationErrors(() -> AttributeValue.categorical(s, t));
    onlyValidationErrors(() -> AttributeValue.textual(s));
    onlyValidationErrors(() -> AttributeValue.propertyKey(s));
    onlyValidationErrors(() -> AttributeValue.validateName("name", s));
    onlyValidationErrors(() -> FilterValues.parse(s));
    onlyValidationErrors(() -> FilterValues.render(java.util.Arrays.asList(s, t)));
    onlyValidationErrors(() -> Promotion.of(s, n, t));
    onlyValidationErrors(() -> new Promotion(s, Math.floorMod(n, 100) + 1, "f", Map.of(t == null ? "K" : t, List.of("v"))));
    onlyValidationErrors(() -> User.builder(UserId.of("u")).categorical(s, t).numeric(t, n).build());
    onlyValidationErrors(() -> Item.builder(ItemId.of("i")).categorical(s, t).description(t).build());
    onlyValidationErrors(() -> RecommendationRequest.builder().limit(n).build());
    onlyValidationErrors(() -> RecommendationRequest.builder().filter(s, t, s).build());
    onlyValidationErrors(() -> RecommendationRequest.builder().putContext(s, t).addMetadataColumns(t).build());
    onlyValidationErrors(() -> RankingRequest.builder().userId(UserId.of("u")).addCandidates(ItemId.of(s))
        .filterName(t).putContext(t, s).build());
    onlyValidationErrors(() -> Interaction.builder().userId(UserId.of("u")).itemId(ItemId.of("i"))
        .eventType(EventType.VIEW).recommendationId(s).eventId(t).build());
    onlyValidationErrors(() -> Interaction.builder().sessionId(SessionId.of("s")).itemId(ItemId.of("i"))
        .eventType(EventType.VIEW).putProperties(s, AttributeValue.categorical(t)).build()
        .stampedIfAbsent(Instant.EPOCH, s));
    onlyValidationErrors(() -> Recommendation.builder().itemId(ItemId.of(s)).score(n / 1000.0).promotionName(t).build());
  }

  private static void onlyValidationErrors(Runnable factory) {
    try {
      factory.run();
    } catch (IllegalArgumentException | NullPointerException expected) {
      StackTraceElement[] trace = expected.getStackTrace();
      String where = List.of(trace).subList(0, Math.min(3, trace.length)).toString();
      assertThat(expected.getMessage())
          .as("message of %s thrown at %s", expected, where)
          .isNotBlank()
          // An implicit NPE (the JVM's "Cannot invoke ..." message, or none once the JIT omits it)
          // means a null slipped past validation instead of being named.
          .doesNotStartWith("Cannot ");
    } catch (RuntimeException other) {
      fail("expected only IllegalArgumentException or NullPointerException", other);
    }
  }
}
