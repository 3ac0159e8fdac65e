package dev.personalize4j.aws.provisioning;

import java.util.Optional;

/** The recipes a custom solution can be trained with (Personalize's predefined recipes). */
public enum Recipe {
  /** User-Personalization-v2: personalized items for a user; returns reasons. */
  USER_PERSONALIZATION_V2("aws-user-personalization-v2", Type.USER_PERSONALIZATION),
  /** User-Personalization: personalized items with exploration of new items and UPDATE training. */
  USER_PERSONALIZATION("aws-user-personalization", Type.USER_PERSONALIZATION),
  /** Trending-Now: items whose popularity grows fastest. */
  TRENDING_NOW("aws-trending-now", Type.POPULAR_ITEMS),
  /** Popularity-Count: the most popular items, by event count (optionally of one event type). */
  POPULARITY_COUNT("aws-popularity-count", Type.POPULAR_ITEMS),
  /** Personalized-Ranking-v2: re-ranks a candidate list for a user. */
  PERSONALIZED_RANKING_V2("aws-personalized-ranking-v2", Type.PERSONALIZED_RANKING),
  /** Personalized-Ranking: re-ranks a candidate list for a user. */
  PERSONALIZED_RANKING("aws-personalized-ranking", Type.PERSONALIZED_RANKING),
  /** Semantic-Similarity: items similar in meaning to a given item (text based). */
  SEMANTIC_SIMILARITY("aws-semantic-similarity", Type.RELATED_ITEMS),
  /** Similar-Items: items similar to a given item, by co-occurrence and metadata. */
  SIMILAR_ITEMS("aws-similar-items", Type.RELATED_ITEMS),
  /** SIMS: items similar to a given item, by co-occurrence. */
  SIMS("aws-sims", Type.RELATED_ITEMS),
  /** Next-Best-Action: actions for a user (needs Actions datasets, which PipelineSpec does not declare). */
  NEXT_BEST_ACTION("aws-next-best-action", Type.PERSONALIZED_ACTIONS),
  /** Item-Affinity: user segments for items, batch segment jobs only. */
  ITEM_AFFINITY("aws-item-affinity", Type.USER_SEGMENTATION),
  /** Item-Attribute-Affinity: user segments for item attributes, batch segment jobs only. */
  ITEM_ATTRIBUTE_AFFINITY("aws-item-attribute-affinity", Type.USER_SEGMENTATION),
  /** Legacy HRNN. */
  HRNN("aws-hrnn", Type.USER_PERSONALIZATION),
  /** Legacy HRNN-Metadata. */
  HRNN_METADATA("aws-hrnn-metadata", Type.USER_PERSONALIZATION),
  /** Legacy HRNN-Coldstart. */
  HRNN_COLDSTART("aws-hrnn-coldstart", Type.USER_PERSONALIZATION);

  /** What a recipe's model answers, which decides the runtime API that serves it. */
  public enum Type {
    /** Items for a user (GetRecommendations with a userId). */
    USER_PERSONALIZATION,
    /** Popular items (GetRecommendations). */
    POPULAR_ITEMS,
    /** A re-ranked candidate list (GetPersonalizedRanking). */
    PERSONALIZED_RANKING,
    /** Items related to an item (GetRecommendations with an itemId). */
    RELATED_ITEMS,
    /** Actions for a user (GetActionRecommendations). */
    PERSONALIZED_ACTIONS,
    /** User segments (batch segment jobs only). */
    USER_SEGMENTATION
  }

  private static final String ARN_PREFIX = "arn:aws:personalize:::recipe/";

  private final String id;
  private final Type type;

  Recipe(String id, Type type) {
    this.id = id;
    this.type = type;
  }

  /** The recipe ARN, e.g. {@code arn:aws:personalize:::recipe/aws-user-personalization}. */
  public String arn() {
    return ARN_PREFIX + id;
  }

  /** What the recipe's model answers. */
  public Type type() {
    return type;
  }

  /** Whether campaigns of this recipe take an item exploration config (User-Personalization only). */
  public boolean supportsExploration() {
    return this == USER_PERSONALIZATION;
  }

  /** Whether hyperparameter optimisation can be requested (not for Popularity-Count or Next-Best-Action). */
  public boolean supportsHpo() {
    return this != POPULARITY_COUNT && this != NEXT_BEST_ACTION && this != TRENDING_NOW;
  }

  /** Whether a real-time campaign can serve this recipe (segmentation recipes are batch only). */
  public boolean supportsCampaigns() {
    return type != Type.USER_SEGMENTATION;
  }

  /** Returns the recipe whose ARN is {@code arn}, if it is one of these. */
  public static Optional<Recipe> fromArn(String arn) {
    for (Recipe r : values()) {
      if (r.arn().equals(arn)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
