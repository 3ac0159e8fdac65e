package dev.personalize4j.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.ItemId;
import dev.personalize4j.Promotion;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.CacheSettings;
import dev.personalize4j.aws.ResilienceSettings;
import dev.personalize4j.testing.FakeTicker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/** How requests map onto the runtime API and answers back, with a hand-written runtime client. */
class AwsRecommenderMappingTest {
  private static final String CAMPAIGN = "arn:aws:personalize:us-east-1:1:campaign/c";
  private static final String RECOMMENDER = "arn:aws:personalize:us-east-1:1:recommender/r";
  private static final String RANKING = "arn:aws:personalize:us-east-1:1:campaign/rank";
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private final List<Object> requests = new ArrayList<>();
  private final PersonalizeRuntimeClient client = new PersonalizeRuntimeClient() {
    @Override
    public GetRecommendationsResponse getRecommendations(GetRecommendationsRequest r) {
      requests.add(r);
      return GetRecommendationsResponse.builder().recommendationId("RID-1").itemList(
          PredictedItem.builder().itemId("a").score(0.7).reason("Exploration").metadata(Map.of("PRICE", "9.5")).build(),
          PredictedItem.builder().itemId("b").promotionName("books").build(),
          PredictedItem.builder().itemId("c").score(1.5).build()).build();
    }

    @Override
    public GetPersonalizedRankingResponse getPersonalizedRanking(GetPersonalizedRankingRequest r) {
      requests.add(r);
      return GetPersonalizedRankingResponse.builder().recommendationId("RID-2")
          .personalizedRanking(PredictedItem.builder().itemId("y").score(0.6).build(),
              PredictedItem.builder().itemId("x").score(0.4).build()).build();
    }

    @Override
    public String serviceName() {
      return "personalize";
    }

    @Override
    public void close() {}
  };

  private AwsRecommender recommender() {
    FakeTicker ticker = FakeTicker.create();
    Counters counters = new Counters();
    return new AwsRecommender(client, new AwsRecommender.Arns(CAMPAIGN, RECOMMENDER, RANKING, RECOMMENDER),
        Map.of("in-category", "arn:aws:personalize:us-east-1:1:filter/cat",
            "promoted", "arn:aws:personalize:us-east-1:1:filter/promo"),
        new RecommendationCache(CacheSettings.defaults(), ticker, counters),
        new Resilience(ResilienceSettings.defaults(), ticker, d -> {}, counters), null,
        Clock.fixed(NOW, ZoneOffset.UTC), ticker, counters);
  }

  @Test
  void forUser_mapsEveryOption_andTheAnswerBack() {
    RecommendationRequest req = RecommendationRequest.builder().limit(7)
        .filter("in-category", "CATEGORY", "Books", "Say \"hi\"")
        .putContext("DEVICE", "mobile")
        .promotion(new Promotion("books", 20, "promoted", Map.of("BRAND", List.of("acme"))))
        .addMetadataColumns("PRICE", "CATEGORY_L1")
        .build();
    Recommendations r = recommender().forUser(UserId.of("u-1"), req);

    GetRecommendationsRequest sent = (GetRecommendationsRequest) requests.get(0);
    assertThat(sent.campaignArn()).isEqualTo(CAMPAIGN);
    assertThat(sent.recommenderArn()).isNull();
    assertThat(sent.userId()).isEqualTo("u-1");
    assertThat(sent.numResults()).isEqualTo(7);
    assertThat(sent.filterArn()).isEqualTo("arn:aws:personalize:us-east-1:1:filter/cat");
    assertThat(sent.filterValues()).containsEntry("CATEGORY",
        dev.personalize4j.FilterValues.render(List.of("Books", "Say \"hi\"")));
    assertThat(sent.context()).containsEntry("DEVICE", "mobile");
    assertThat(sent.promotions()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("books");
      assertThat(p.percentPromotedItems()).isEqualTo(20);
      assertThat(p.filterArn()).isEqualTo("arn:aws:personalize:us-east-1:1:filter/promo");
      assertThat(p.filterValues()).containsEntry("BRAND", "\"acme\"");
    });
    assertThat(sent.metadataColumns()).containsEntry("ITEMS", List.of("PRICE", "CATEGORY_L1"));

    assertThat(r.source()).isEqualTo(Recommendations.Source.LIVE);
    assertThat(r.servedAt()).isEqualTo(NOW);
    assertThat(r.recommendationId()).contains("RID-1");
    assertThat(r.itemIds()).containsExactly(ItemId.of("a"), ItemId.of("b"), ItemId.of("c"));
    assertThat(r.items().get(0).score()).hasValue(0.7);
    assertThat(r.items().get(0).reasons()).containsExactly("Exploration");
    assertThat(r.items().get(0).metadata()).containsEntry("PRICE", "9.5");
    assertThat(r.items().get(1).promotionName()).contains("books");
    assertThat(r.items().get(1).score()).isEmpty();
    assertThat(r.items().get(2).score()).as("an out-of-range score is dropped, not trusted").isEmpty();
  }

  @Test
  void similarToAndPopular_useTheRecommenderArnField_forRecommenderArns() {
    AwsRecommender rec = recommender();
    rec.similarTo(ItemId.of("tent"), RecommendationRequest.ofLimit(3));
    rec.popular(RecommendationRequest.ofLimit(4));
    GetRecommendationsRequest similar = (GetRecommendationsRequest) requests.get(0);
    assertThat(similar.recommenderArn()).isEqualTo(RECOMMENDER);
    assertThat(similar.campaignArn()).isNull();
    assertThat(similar.itemId()).isEqualTo("tent");
    assertThat(similar.userId()).isNull();
    GetRecommendationsRequest popular = (GetRecommendationsRequest) requests.get(1);
    assertThat(popular.itemId()).isNull();
    assertThat(popular.numResults()).isEqualTo(4);
  }

  @Test
  void rank_mapsCandidates_andKeepsTheServiceOrder() {
    Recommendations r = recommender().rank(RankingRequest.builder().userId(UserId.of("u"))
        .addCandidates(ItemId.of("x"), ItemId.of("y")).filterName("in-category")
        .putFilterValues("CATEGORY", List.of("Books")).putContext("DEVICE", "web").build());
    GetPersonalizedRankingRequest sent = (GetPersonalizedRankingRequest) requests.get(0);
    assertThat(sent.campaignArn()).isEqualTo(RANKING);
    assertThat(sent.inputList()).containsExactly("x", "y");
    assertThat(sent.filterValues()).containsEntry("CATEGORY", "\"Books\"");
    assertThat(sent.context()).containsEntry("DEVICE", "web");
    assertThat(r.itemIds()).containsExactly(ItemId.of("y"), ItemId.of("x"));
    assertThat(r.recommendationId()).contains("RID-2");
  }

  @Test
  void unsetOptions_areOmitted() {
    recommender().forUser(UserId.of("u"), RecommendationRequest.defaults());
    GetRecommendationsRequest sent = (GetRecommendationsRequest) requests.get(0);
    assertThat(sent.filterArn()).isNull();
    assertThat(sent.hasFilterValues()).isFalse();
    assertThat(sent.hasContext()).isFalse();
    assertThat(sent.hasPromotions()).isFalse();
    assertThat(sent.hasMetadataColumns()).isFalse();
    assertThat(sent.numResults()).isEqualTo(25);
  }
}
